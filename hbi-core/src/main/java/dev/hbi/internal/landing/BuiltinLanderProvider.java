package dev.hbi.internal.landing;

import dev.hbi.HostingEnv;
import dev.hbi.spi.Lander;
import dev.hbi.spi.LanderProvider;

/** STUB, replaced by the built-in lander work. */
public final class BuiltinLanderProvider implements LanderProvider {
    /** The provider. */
    public static final BuiltinLanderProvider INSTANCE = new BuiltinLanderProvider();

    @Override
    public String name() {
        return HostingEnv.BUILTIN_LANDER;
    }

    @Override
    public Lander create(HostingEnv env) {
        return (code, ctx) -> {
            throw new UnsupportedOperationException("stub");
        };
    }
}
