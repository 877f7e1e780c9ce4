package dev.hbi.internal;

import dev.hbi.HbiSecurity;
import java.util.function.Function;

/**
 * Gives the handshake the token of an {@link HbiSecurity} without a public accessor for it (the JDK's
 * "shared secrets" pattern, as {@link EnvAccess}). {@code HbiSecurity} installs the bridge in its static
 * initialiser; every caller already holds one, so it is installed before it is used.
 */
public final class TokenAccess {

    private static volatile Function<HbiSecurity, byte[]> bridge;

    private TokenAccess() {
    }

    /**
     * Installs the bridge; called once by {@link HbiSecurity}.
     *
     * @param installed returns a copy of a security's token bytes
     */
    public static void install(Function<HbiSecurity, byte[]> installed) {
        bridge = installed;
    }

    /**
     * Returns a copy of the token's UTF-8 bytes; the caller clears it after use.
     *
     * @param security the settings, with a token
     * @return the bytes
     */
    static byte[] tokenBytes(HbiSecurity security) {
        return bridge.apply(security);
    }
}
