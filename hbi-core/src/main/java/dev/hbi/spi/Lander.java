package dev.hbi.spi;

import dev.hbi.LandingException;

/**
 * Lands (runs) code sent by the peer against one hosting environment. One lander serves one
 * {@link dev.hbi.HostingEnv}; it may be called from several threads at once, one per conversation.
 */
public interface Lander {

    /**
     * Lands a piece of code and returns its value: the value of the last statement if it is an
     * expression, else {@code null}.
     *
     * @param code    the code, as received (possibly several statements)
     * @param context what the code may reach and which conversation it is landed for
     * @return the landed value
     * @throws LandingException if the code does not parse, names something not exposed, or a call fails
     */
    Object land(String code, LandingContext context);
}
