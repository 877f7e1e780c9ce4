package dev.hbi.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The built-in lander fed mutated and generated scripts: each lands or fails with a
 * {@link LandingException}; nothing else escapes, however deep, long or strange the input.
 */
class LanderFuzzTest {

    private static final List<String> SCRIPTS = List.of(
            "my_name = 'Nick'\nhello()", "SetNick('bob')", "Msg(('from'),('content'),(1795307779.0272496))",
            "echo([1, 2.5, -3, 1e300, None, True, 'x', b'y', (1,), {'a': {1: [2]}}, {3, 4}])",
            "f(a, b=2, *c)", "x = 0x1F; y = 0o17; z = 0b101; w = 1_000", "'\\x41\\u2028\\N{BULLET}\\U0001F600'",
            "float('nan'); -float('inf'); frozenset({1}); bytearray(b'z'); set()", "r'\\d+' 'a' \"b\" '''c'''",
            "a.b(c)[d] + e * -f", "lambda x: x", "import os", "[[[[[[[[[[1]]]]]]]]]]");

    private static HostingEnv env() {
        HostingEnv env = HostingEnv.create();
        env.expose("echo", args -> args.positional());
        env.expose("f", args -> args.keywords());
        env.exposeProcedure("hello", args -> { });
        env.exposeProcedure("SetNick", args -> { });
        env.expose("Msg", args -> args.positional());
        return env;
    }

    @Test
    @Timeout(600)
    void mutatedScriptsLandOrFailWithALandingError() {
        HostingEnv env = env();
        List<byte[]> corpus = SCRIPTS.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        Mutator mutator = new Mutator(11, corpus);
        int failed = 0;
        int cases = Mutator.cases(20_000);
        for (int i = 0; i < cases; i++) {
            String script = new String(mutator.next(), StandardCharsets.UTF_8);
            try {
                env.land(script);
            } catch (LandingException expected) {
                assertThat(expected.getMessage()).isNotBlank();
                failed++;
            } catch (RuntimeException | Error other) {
                fail("script " + i + " " + java.util.HexFormat.of().formatHex(script.getBytes(StandardCharsets.UTF_8))
                        + " escaped with " + other, other);
            }
        }
        assertThat(failed).isPositive().isLessThan(cases);
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        HostingEnv env = env();
        Random random = new Random(5);
        for (int round = 0; round < 50; round++) {
            StringBuilder script = new StringBuilder("echo(");
            int depth = 100 + random.nextInt(100_000);
            for (int i = 0; i < depth; i++) {
                script.append("([{(".charAt(random.nextInt(4)));
            }
            assertThatThrownBy(() -> env.land(script.toString())).isInstanceOf(LandingException.class);
        }
    }

    @Test
    void hugeNumbersAndEnormousScriptsAreRefusedWithinLimits() {
        HostingEnv env = env();
        assertThatThrownBy(() -> env.land("echo(" + "9".repeat(5000) + ")"))
                .isInstanceOf(LandingException.class).hasMessageContaining("digits");
        String enormous = "echo('" + "x".repeat(20 << 20) + "')";
        assertThatThrownBy(() -> env.land(enormous)).isInstanceOf(LandingException.class)
                .hasMessageContaining("more than the limit");
    }
}
