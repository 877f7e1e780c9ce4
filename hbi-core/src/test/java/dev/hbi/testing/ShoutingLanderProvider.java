package dev.hbi.testing;

import dev.hbi.HostingEnv;
import dev.hbi.spi.Lander;
import dev.hbi.spi.LanderProvider;
import java.util.Locale;

/** A lander found through {@link java.util.ServiceLoader} in tests: it lands code as the code in capitals. */
public final class ShoutingLanderProvider implements LanderProvider {

    @Override
    public String name() {
        return "shout";
    }

    @Override
    public Lander create(HostingEnv env) {
        return (code, context) -> code.toUpperCase(Locale.ROOT);
    }
}
