package dev.hbi.spi;

import dev.hbi.HostingEnv;

/**
 * Makes landers of one kind. Found with {@link java.util.ServiceLoader}: a module
 * {@code provides dev.hbi.spi.LanderProvider with ...}, a jar on the class path lists its provider in
 * {@code META-INF/services/dev.hbi.spi.LanderProvider}. {@link HostingEnv#create(String)} picks a
 * provider by {@link #name()}; the built-in lander is named {@value dev.hbi.HostingEnv#BUILTIN_LANDER}.
 */
public interface LanderProvider {

    /**
     * Returns the name environments ask for this provider by, such as {@code "groovy"}.
     *
     * @return the provider's name
     */
    String name();

    /**
     * Creates the lander of one hosting environment.
     *
     * @param env the environment the lander lands code against
     * @return a new lander
     */
    Lander create(HostingEnv env);
}
