package dev.hbi.groovy;

import dev.hbi.HostingEnv;
import dev.hbi.groovy.internal.Engine;
import dev.hbi.spi.Lander;
import dev.hbi.spi.LanderProvider;
import java.util.Objects;

/**
 * Provides the Groovy lander, named {@value #NAME}: peer scripts land as Groovy, confined by default.
 *
 * <p>{@code HostingEnv.create("groovy")} finds this provider with {@link java.util.ServiceLoader} and
 * lands with the {@linkplain GroovyLanderConfig#defaults() defaults}. Other settings, trusted mode among
 * them, are chosen in code, so that a configuration string can never switch confinement off:
 *
 * <pre>{@code
 * HostingEnv env = HostingEnv.create(GroovyLanderProvider.of(
 *         GroovyLanderConfig.defaults().withMode(GroovyLanderConfig.Mode.TRUSTED)));
 * }</pre>
 *
 * <p>A script that parses in the built-in call/literal subset is landed by the built-in lander and never
 * reaches the Groovy compiler; everything else is compiled once per shape (scripts that differ only in
 * literal values share one compiled class) and run. Every environment made with one provider instance
 * shares that provider's shape cache; instances made by {@link java.util.ServiceLoader} share one
 * cache for the defaults. Thread-safe.
 */
public final class GroovyLanderProvider implements LanderProvider {

    /** The name environments ask for this lander by. */
    public static final String NAME = "groovy";

    private final Engine engine;

    /**
     * Creates a provider with the default settings, sharing the default shape cache. For
     * {@link java.util.ServiceLoader}; code that wants other settings calls {@link #of}.
     */
    public GroovyLanderProvider() {
        this.engine = Engine.defaults();
    }

    private GroovyLanderProvider(Engine engine) {
        this.engine = engine;
    }

    /**
     * Creates a provider with its own settings and its own shape cache.
     *
     * @param config the settings
     * @return the provider, to pass to {@link HostingEnv#create(LanderProvider)}
     */
    public static GroovyLanderProvider of(GroovyLanderConfig config) {
        return new GroovyLanderProvider(Engine.create(Objects.requireNonNull(config, "config")));
    }

    /**
     * Returns the settings this provider's landers use.
     *
     * @return the settings
     */
    public GroovyLanderConfig config() {
        return engine.config();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Lander create(HostingEnv env) {
        return engine.lander();
    }

    @Override
    public String toString() {
        return "GroovyLanderProvider" + engine.config();
    }
}
