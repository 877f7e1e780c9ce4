package dev.hbi.spi;

import dev.hbi.HbiConfig;
import dev.hbi.HostingConversation;
import dev.hbi.HostingEnd;
import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import dev.hbi.PostingEnd;
import java.util.Optional;

/**
 * What a piece of landed code may reach, and for which conversation it is landed. Passed explicitly to
 * {@link Lander#land} and on to every hosted function through {@link dev.hbi.Args}.
 */
public interface LandingContext {

    /**
     * Returns the environment the code is landed against: the connection's, or a per-conversation
     * override.
     *
     * @return the effective hosting environment
     */
    HostingEnv env();

    /**
     * Returns the hosting conversation this code belongs to, if it was sent by the peer as (part of) a
     * request; empty for answers landed by a posting conversation, and for local landing.
     *
     * @return the hosting conversation
     */
    Optional<HostingConversation> conversation();

    /**
     * Returns the posting end of the connection the code arrived on.
     *
     * @return the posting end
     * @throws IllegalStateException if the code is landed locally, outside any connection
     */
    PostingEnd postingEnd();

    /**
     * Returns the hosting end of the connection the code arrived on.
     *
     * @return the hosting end
     * @throws IllegalStateException if the code is landed locally, outside any connection
     */
    HostingEnd hostingEnd();

    /**
     * Returns the settings whose landing limits ({@link HbiConfig#maxNesting()},
     * {@link HbiConfig#maxPacketSize()}) the lander enforces.
     *
     * @return the connection's settings, or the defaults for local landing
     */
    HbiConfig config();

    /**
     * Checks code against {@link HbiConfig#maxPacketSize()} of {@link #config()}, before a lander parses
     * or compiles it: every lander refuses too long a script the same way.
     *
     * @param code the code about to be landed
     * @throws LandingException naming its length and the limit, if it is longer
     */
    default void checkCodeSize(String code) {
        int limit = config().maxPacketSize();
        if (code.length() > limit) {
            throw new LandingException("the code is " + code.length() + " characters long, more than the limit of "
                    + limit + " (HbiConfig.maxPacketSize)");
        }
    }
}
