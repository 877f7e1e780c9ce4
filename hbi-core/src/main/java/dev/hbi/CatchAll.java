package dev.hbi;

/**
 * Answers calls of any name a {@link HostingEnv} does not expose otherwise: for tools that show whatever
 * a peer pushes (the {@code hbi shell} prints each call), not for services, which should expose exactly
 * what they offer.
 */
@FunctionalInterface
public interface CatchAll {

    /**
     * Runs a call of an unexposed name.
     *
     * @param name the name the script called
     * @param args the landed arguments
     * @return the value of the call in the script
     * @throws Exception any failure, reported to the peer as a landing error
     */
    Object call(String name, Args args) throws Exception;
}
