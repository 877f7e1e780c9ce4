package dev.hbi.groovy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.ConversationEndedException;
import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Errors point into the script as the peer sent it: line, column and the offending text. */
class LandingErrorsTest {

    private final HostingEnv env = TestEngines.env(TestEngines.confined());

    private static LandingException landingError(ThrowingCallable landing) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(landing);
        assertThat(thrown).isInstanceOf(LandingException.class);
        return (LandingException) thrown;
    }

    @Test
    void aSyntaxErrorNamesItsLineColumnAndText() {
        LandingException e = landingError(() -> env.land("def x = 'a long literal'\ndef y = add(x,, 2)"));
        assertThat(e.getMessage()).startsWith("the script does not compile:");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isBetween(9, 16);
        assertThat(e.excerpt()).isPresent();
    }

    @Test
    void aRefusalPointsAtTheOffendingExpressionAfterLiftedLiterals() {
        LandingException e = landingError(() -> env.land("def s = 'some literal'\nx = 'another one' + 'x'.execute()"));
        assertThat(e).hasMessageContaining("calling 'execute' on java.lang.String");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(21);
        assertThat(e.excerpt()).contains("'x'.execute()");
    }

    @Test
    void aCompileTimeRefusalPointsAtTheOffendingText() {
        LandingException e = landingError(() -> env.land("def f = 'x'\nnew File(f)"));
        assertThat(e).hasMessageContaining("new java.io.File is not allowed");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.excerpt()).contains("new File(f)");
    }

    @Test
    void aFailingOperationIsALandingErrorAtItsExpression() {
        LandingException e = landingError(() -> env.land("def a = [1, 2]\n\n  def b = a.get(7)"));
        assertThat(e).hasMessageContaining("get failed: IndexOutOfBoundsException");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(11);
        assertThat(e.excerpt()).contains("a.get(7)");
    }

    @Test
    void aFailingExposedFunctionIsALandingErrorAtItsCall() {
        env.expose("fail", args -> {
            throw new IllegalStateException("no luck");
        });
        LandingException e = landingError(() -> env.land("def n = 1\nn += fail()"));
        assertThat(e).hasMessageContaining("fail() failed: IllegalStateException: no luck");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.excerpt()).contains("fail()");
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anHbiErrorOfAnExposedFunctionPassesUnchanged() {
        ConversationEndedException ended = new ConversationEndedException("the peer is done");
        env.expose("recv", args -> {
            throw ended;
        });
        assertThatThrownBy(() -> env.land("[1].each { recv() }")).isSameAs(ended);
    }

    @Test
    void anErrorOutsideACheckedOperationNamesItsLine() {
        LandingException e = landingError(() -> env.land("def a = 1\nint n = 'x' as Integer"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e).hasMessageContaining("NumberFormatException");
    }

    @Test
    void anAssertionNamesTheLiteralsAsWritten() {
        LandingException e = landingError(() -> env.land("def x = 'abc'\nassert x == 'abd'"));
        assertThat(e).hasMessageContaining("assertion failed").hasMessageContaining("x == 'abd'")
                .hasMessageNotContaining("__hbi");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void anUndefinedNameIsALandingErrorAtTheName() {
        LandingException e = landingError(() -> env.land("def x = 1\nx + nope"));
        assertThat(e).hasMessageContaining("name 'nope' is not defined");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(5);
    }
}
