package dev.hbi.internal.landing;

import dev.hbi.HostingEnv;
import dev.hbi.spi.Lander;
import dev.hbi.spi.LanderProvider;

/**
 * Provides the built-in lander, named {@value HostingEnv#BUILTIN_LANDER}. {@link HostingEnv} uses it
 * directly rather than through {@link java.util.ServiceLoader}, so it is always there.
 *
 * <p>The lander is stateless and resolves names in the environment of each landing's context, so every
 * environment shares one instance. Thread-safe.
 */
public final class BuiltinLanderProvider implements LanderProvider {

    /** The provider. */
    public static final BuiltinLanderProvider INSTANCE = new BuiltinLanderProvider();

    private BuiltinLanderProvider() {
    }

    @Override
    public String name() {
        return HostingEnv.BUILTIN_LANDER;
    }

    @Override
    public Lander create(HostingEnv env) {
        return BuiltinLander.INSTANCE;
    }
}
