package dev.hbi.internal;

import dev.hbi.HbiConnection;
import dev.hbi.HostingEnv;

/**
 * Gives the connection implementation access to the parts of {@link HostingEnv} that are not public
 * API (the JDK's "shared secrets" pattern), so that {@code HostingEnv} needs no public method that only
 * HBI itself may call. {@code HostingEnv} installs the bridge in its static initialiser; every caller
 * already holds a {@code HostingEnv}, so the bridge is installed before it is used.
 */
public final class EnvAccess {

    /** What the connection may do to an environment. */
    public interface Bridge {
        /**
         * Binds a root environment to the connection it serves.
         *
         * @param env        the environment
         * @param connection the connection
         * @throws IllegalStateException if the environment already serves a connection
         */
        void attach(HostingEnv env, HbiConnection connection);

        /**
         * Unbinds an environment from a connection that never got as far as running its init hook (a
         * multiplexed-wire probe that found a classic peer), so that the next connection can use it.
         *
         * @param env        the environment
         * @param connection the abandoned connection
         */
        void detach(HostingEnv env, HbiConnection connection);
    }

    private static volatile Bridge bridge;

    private EnvAccess() {
    }

    /**
     * Installs the bridge; called once by {@link HostingEnv}.
     *
     * @param installed the bridge
     */
    public static void install(Bridge installed) {
        bridge = installed;
    }

    /**
     * Returns the bridge.
     *
     * @return the bridge
     */
    public static Bridge bridge() {
        return bridge;
    }
}
