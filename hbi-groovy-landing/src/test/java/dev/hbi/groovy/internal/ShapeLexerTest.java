package dev.hbi.groovy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.LandingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lifting literals out of scripts, so that literal variations share one compiled shape. */
class ShapeLexerTest {

    private static Shape confined(String text) {
        return ShapeLexer.lex(text, true, 100);
    }

    @Test
    void scriptsThatDifferOnlyInLiteralsShareAKey() {
        Shape bob = confined("SetNick('bob'); say(\"hi\", 1, 2.5)");
        Shape eve = confined("SetNick('eve'); say(\"yo\", 700, 0.1)");
        assertThat(bob.key()).isEqualTo(eve.key()).isEqualTo("SetNick(__hbi0); say(__hbi1, __hbi2, __hbi3)");
        assertThat(bob.literals()).containsExactly("bob", "hi", 1, new BigDecimal("2.5"));
        assertThat(eve.literals()).containsExactly("eve", "yo", 700, new BigDecimal("0.1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1              | java.lang.Integer    | 1
            2147483647     | java.lang.Integer    | 2147483647
            3000000000     | java.lang.Long       | 3000000000
            99999999999999999999 | java.math.BigInteger | 99999999999999999999
            5L             | java.lang.Long       | 5
            5G             | java.math.BigInteger | 5
            1_000          | java.lang.Integer    | 1000
            0x1F           | java.lang.Integer    | 31
            017            | java.lang.Integer    | 15
            0b101          | java.lang.Integer    | 5
            1.5            | java.math.BigDecimal | 1.5
            1e3            | java.math.BigDecimal | 1E+3
            2.5d           | java.lang.Double     | 2.5
            2.5f           | java.lang.Float      | 2.5
            3f             | java.lang.Float      | 3.0
            """)
    void numbersAreLiftedWithTheTypesGroovyGivesThem(String literal, String type, String shown) {
        Shape shape = confined("f(" + literal + ")");
        assertThat(shape.key()).isEqualTo("f(__hbi0)");
        assertThat(shape.literals()[0]).hasToString(shown);
        assertThat(shape.literals()[0].getClass().getName()).isEqualTo(type);
    }

    @Test
    void aMinusIsFoldedIntoTheNumberWhereGroovyFoldsIt() {
        assertThat(confined("f(-1, x = -2.5)").literals()).containsExactly(-1, new BigDecimal("-2.5"));
        assertThat(confined("f(-2147483648)").literals()).containsExactly(Integer.MIN_VALUE);
        Shape method = confined("-1.abs()");
        assertThat(method.key()).isEqualTo("-__hbi0.abs()");
        Shape subtraction = confined("a - 1");
        assertThat(subtraction.key()).isEqualTo("a - __hbi0");
        assertThat(subtraction.literals()).containsExactly(1);
    }

    @Test
    void numbersWhoseTypeDependsOnAFoldedSignStayInTheKey() {
        assertThat(confined("-2147483648.abs()").key()).isEqualTo("-2147483648.abs()");
        assertThat(confined("x - 9223372036854775808").literals()).isEmpty();
    }

    @Test
    void stringsAreDecodedWithTheirEscapes() {
        Shape shape = confined("f('it\\'s', \"tab\\there\", '\\u00e9', \"\\$5\")");
        assertThat(shape.literals()).containsExactly("it's", "tab\there", "é", "$5");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ['a': 1, 2: 'b']            | ['a': __hbi0, 2: __hbi1]
            f('a': 1)                   | f('a': __hbi0)
            switch (x) { case 'a': 1 }  | switch (x) { case 'a': __hbi0 }
            c ? 'yes' : 'no'            | c ? 'yes' : __hbi0
            x.'name'                    | x.'name'
            x?.'name'(1)                | x?.'name'(__hbi0)
            '''triple'''                | '''triple'''
            /slashy/                    | /slashy/
            "$name"                     | "$name"
            '\\0'                       | '\\0'
            """)
    void literalsThatMustStayConstantStayInTheKey(String script, String key) {
        assertThat(confined(script).key()).isEqualTo(key);
    }

    @Test
    void codeInsideAGStringHasItsLiteralsLifted() {
        Shape shape = confined("\"total: ${add(1, 2)} of $max\"");
        assertThat(shape.key()).isEqualTo("\"total: ${add(__hbi0, __hbi1)} of $max\"");
        assertThat(shape.literals()).containsExactly(1, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x = 1\n/ 2 / 3", "[1].each { } / 'a' / 2", "f($/a/$)"})
    void aScriptThatCouldBeReadTwoWaysIsKeptWhole(String script) {
        Shape shape = confined(script);
        assertThat(shape.key()).isEqualTo(script);
        assertThat(shape.literals()).isEmpty();
    }

    @Test
    void aDivisionIsNotASlashyString() {
        Shape shape = confined("f(a / 2, 'x' / 3)");
        assertThat(shape.key()).isEqualTo("f(a / __hbi0, __hbi1 / __hbi2)");
    }

    @Test
    void reservedNamesAreRefusedWithTheirPosition() {
        assertThatThrownBy(() -> confined("x = 1\ny = __hbi0"))
                .isInstanceOf(LandingException.class)
                .hasMessageContaining("names starting with __ are reserved")
                .satisfies(e -> {
                    LandingException l = (LandingException) e;
                    assertThat(l.line()).isEqualTo(2);
                    assertThat(l.column()).isEqualTo(5);
                    assertThat(l.excerpt()).contains("__hbi0");
                });
        assertThatThrownBy(() -> confined("\"$__x\"")).hasMessageContaining("reserved");
    }

    @Test
    void anAtSignIsRefusedWhenConfinedAndStopsLiftingWhenTrusted() {
        assertThatThrownBy(() -> confined("@Grab('x:y:1') import z\n1"))
                .isInstanceOf(LandingException.class)
                .hasMessageContaining("'@' is not allowed in confined scripts");
        Shape trusted = ShapeLexer.lex("@Field int x = 1\nx + 2", false, 100);
        assertThat(trusted.key()).isEqualTo(trusted.text());
    }

    @Test
    void trustedScriptsThatDeclareClassesKeepTheirLiterals() {
        assertThat(ShapeLexer.lex("class A { def f() { 'x' } }; new A().f()", false, 100).literals()).isEmpty();
        assertThat(ShapeLexer.lex("f('x')", false, 100).literals()).containsExactly("x");
    }

    @Test
    void bracketsNestedDeeperThanTheLimitAreRefused() {
        assertThatThrownBy(() -> ShapeLexer.lex("f(" + "[".repeat(5) + "]".repeat(5) + ")", true, 4))
                .isInstanceOf(LandingException.class)
                .hasMessageContaining("nest more than 4 deep");
    }

    @Test
    void columnsOfTheKeyMapBackToTheScript() {
        Shape shape = confined("f('a long literal', x)");
        int keyColumnOfX = shape.key().indexOf('x') + 1;
        assertThat(shape.originalColumn(1, keyColumnOfX)).isEqualTo(shape.text().indexOf('x') + 1);
        assertThat(shape.originalColumn(1, 4)).isEqualTo(3);
    }

    @Test
    void placeholderNamesInMessagesBecomeTheLiteralsAgain() {
        Shape shape = confined("assert x == 'abc' + 12");
        assertThat(shape.restore("assert x == __hbi0 + __hbi1")).isEqualTo("assert x == 'abc' + 12");
    }

    @Test
    void hugeIntegersAndDecimalsKeepTheirValues() {
        assertThat(confined("f(123456789012345678901234567890G, 1.25G)").literals())
                .containsExactly(new BigInteger("123456789012345678901234567890"), new BigDecimal("1.25"));
    }
}
