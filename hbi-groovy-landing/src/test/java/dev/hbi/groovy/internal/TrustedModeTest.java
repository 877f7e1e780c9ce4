package dev.hbi.groovy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import dev.hbi.groovy.GroovyLanderConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trusted mode: plain Groovy, with exposed names, the shape cache and the budget of the script's own loops. */
class TrustedModeTest {

    private final Engine engine = TestEngines.trusted();
    private final HostingEnv env = TestEngines.env(engine);

    @Test
    void aTrustedScriptCanUseAnythingTheJvmOffers() {
        assertThat(env.land("System.getProperty('java.version') != null")).isEqualTo(true);
        assertThat(env.land("class P { int x }; new P(x: 3).x + add(1, 1)")).isEqualTo(5);
        assertThat(env.land("def twice(a) { a * 2 }; twice(21)")).isEqualTo(42);
        assertThat(env.land("import java.util.concurrent.atomic.AtomicInteger\nnew AtomicInteger(7).incrementAndGet()"))
                .isEqualTo(8);
    }

    @Test
    void exposedFunctionsTakeNamedArgumentsAsKeywords() {
        env.expose("kw", args -> List.of(args.positional(), args.keywords()));
        assertThat(env.land("kw(1, nick: 'bob' + 1)")).isEqualTo(List.of(List.of(1), Map.of("nick", "bob1")));
        assertThat(env.land("base + add(2, 3)")).isEqualTo(105);
    }

    @Test
    void literalVariationsShareACompiledClass() {
        for (int i = 0; i < 20; i++) {
            assertThat(env.land("add(" + i + ", 1) * 2")).isEqualTo((i + 1) * 2);
        }
        assertThat(engine.cache().compilations()).isEqualTo(1);
    }

    @Test
    void theScriptsOwnLoopsStopAtTheBudget() {
        HostingEnv quick = TestEngines.env(Engine.create(GroovyLanderConfig.defaults()
                .withMode(GroovyLanderConfig.Mode.TRUSTED).withTimeBudget(Duration.ofMillis(100))));
        assertThatThrownBy(() -> quick.land("def spin() { while (true) { } }; spin()"))
                .isInstanceOf(LandingException.class)
                .hasMessageContaining("time budget of 100 ms");
    }

    @Test
    void variablesPersistButClosuresStayInTheirLanding() {
        env.land("count = 1 + 1; twice = { it * 2 }; twice(count)");
        assertThat(env.get("count")).contains(2);
        assertThat(env.isAssigned("twice")).isFalse();
        assertThat(env.land("count + 1")).isEqualTo(3);
    }
}
