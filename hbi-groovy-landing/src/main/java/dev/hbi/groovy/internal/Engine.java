package dev.hbi.groovy.internal;

import dev.hbi.groovy.GroovyLanderConfig;
import dev.hbi.spi.Lander;
import java.util.Objects;

/**
 * One configured Groovy landing engine: its settings, its shape cache and compiler, and the lander that
 * uses them. The lander holds no per-connection state (peer variables live in the hosting environment),
 * so every environment of a provider shares it, and with it the compiled shapes. Thread-safe.
 */
public final class Engine {

    private final GroovyLanderConfig config;
    private final ShapeCache cache;
    private final GroovyLander lander;

    private Engine(GroovyLanderConfig config) {
        this.config = config;
        this.cache = new ShapeCache(config.shapeCacheSize());
        boolean confined = config.mode() == GroovyLanderConfig.Mode.CONFINED;
        this.lander = new GroovyLander(confined, config.timeBudget().toNanos(), cache, new ShapeCompiler(confined));
    }

    /**
     * Returns the engine with the default settings, which every provider {@link java.util.ServiceLoader}
     * makes shares.
     *
     * @return the default engine
     */
    public static Engine defaults() {
        return Defaults.ENGINE;
    }

    /**
     * Creates an engine with its own shape cache.
     *
     * @param config the settings
     * @return the engine
     */
    public static Engine create(GroovyLanderConfig config) {
        return new Engine(Objects.requireNonNull(config, "config"));
    }

    /**
     * Returns the settings.
     *
     * @return the settings
     */
    public GroovyLanderConfig config() {
        return config;
    }

    /**
     * Returns the lander.
     *
     * @return the lander, shared by every environment of this engine
     */
    public Lander lander() {
        return lander;
    }

    ShapeCache cache() {
        return cache;
    }

    /** Holds the default engine, made on first use. */
    private static final class Defaults {
        static final Engine ENGINE = new Engine(GroovyLanderConfig.defaults());
    }
}
