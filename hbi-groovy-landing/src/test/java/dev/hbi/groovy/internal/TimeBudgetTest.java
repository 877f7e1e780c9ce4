package dev.hbi.groovy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The wall-clock budget of a landing: runaway scripts stop, with a clear error, and nothing else does. */
class TimeBudgetTest {

    private final HostingEnv env = TestEngines.env(TestEngines.confined(Duration.ofMillis(200)));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "while (true) {}",
        "while (true);",
        "for (;;) { }",
        "do { } while (true)",
        "for (i in 1..2147483647) { }",
        "def f; f = { -> f() }; 1.times { while (true) { } }",
        "2147483647.times { }",
        "def spin = { -> while (true) { } }; spin()",
        "def xs = [1]; while (true) { xs = [xs.size()] }",
        "try { while (true) {} } catch (Throwable t) { }; 'survived'",
        "try { while (true) {} } finally { while (true) {} }",
    })
    void aRunawayScriptIsStoppedWithAClearError(String script) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> env.land(script))
                .isInstanceOf(LandingException.class)
                .hasMessageContaining("ran longer than its time budget of 200 ms")
                .satisfies(e -> assertThat(((LandingException) e).line()).isEqualTo(1));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            'x' * 1000000000                      | more than 16777216 characters or elements
            [1, 2] * 100000000                    | more than 16777216 characters or elements
            'x'.padLeft(1000000000)               | more than 16777216 characters
            def s = 'x' * 16000000; s + s         | more than 16777216 characters or elements
            2 ** 100000000                        | more than 4194304 bits or digits
            def b = 2G ** 4000000; b * b          | more than 4194304 bits or digits
            1G << 1000000000                      | more than 4194304 bits
            ('9' * 100000).toBigInteger()         | a number is read from at most 10000 characters
            (1..100000000).sum()                  | would walk a range of 100000000 elements at once
            """)
    void anOperationThatWouldWorkUnboundedInsideOneCallIsRefused(String script, String why) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> env.land(script))
                .isInstanceOf(LandingException.class)
                .hasMessageContaining(why);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void otherLandingsCarryOnWhileOneRunsAway() throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Object> runaway = threads.submit(() -> env.land("while (true) { }"));
            for (int i = 0; i < 50; i++) {
                assertThat(env.land("[" + i + "].collect { it + add(1, 1) }")).isEqualTo(java.util.List.of(i + 2));
            }
            assertThatThrownBy(() -> runaway.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(LandingException.class);
        }
    }

    @Test
    void timeSpentInExposedFunctionsDoesNotCount() {
        env.expose("slow", args -> {
            Thread.sleep(100);
            return 1;
        });
        assertThat(env.land("def n = 0; 5.times { n += slow() }; n")).isEqualTo(5);
    }

    @Test
    void aScriptThatRecursesWithoutEndFailsCleanly() {
        HostingEnv generous = TestEngines.env(TestEngines.confined(Duration.ofSeconds(5)));
        assertThatThrownBy(() -> CompletableFuture.supplyAsync(() -> generous.land("def f; f = { n -> f(n + 1) }; f(0)"))
                .get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(LandingException.class)
                .cause().hasMessageContaining("the script recursed too deeply");
    }
}
