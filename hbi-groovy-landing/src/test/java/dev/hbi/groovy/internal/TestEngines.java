package dev.hbi.groovy.internal;

import dev.hbi.HostingEnv;
import dev.hbi.groovy.GroovyLanderConfig;
import dev.hbi.spi.Lander;
import dev.hbi.spi.LanderProvider;
import java.time.Duration;

/** Engines and environments for tests that look into the shape cache. */
final class TestEngines {

    private TestEngines() {
    }

    static Engine confined() {
        return Engine.create(GroovyLanderConfig.defaults());
    }

    static Engine confined(Duration budget) {
        return Engine.create(GroovyLanderConfig.defaults().withTimeBudget(budget));
    }

    static Engine trusted() {
        return Engine.create(GroovyLanderConfig.defaults().withMode(GroovyLanderConfig.Mode.TRUSTED));
    }

    /** An environment landing with the engine, exposing add(a, b) and the value base = 100. */
    static HostingEnv env(Engine engine) {
        return HostingEnv.create(provider(engine))
                .expose("add", args -> args.longValue(0) + args.longValue(1))
                .exposeValue("base", 100);
    }

    static LanderProvider provider(Engine engine) {
        return new LanderProvider() {
            @Override
            public String name() {
                return "groovy";
            }

            @Override
            public Lander create(HostingEnv env) {
                return engine.lander();
            }
        };
    }
}
