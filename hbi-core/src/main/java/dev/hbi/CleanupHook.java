package dev.hbi;

/**
 * Runs exactly once after a connection ended, whatever the reason: the reference's
 * {@code __hbi_cleanup__(po, ho, disc_reason)}. The connection can no longer be used from here.
 */
@FunctionalInterface
public interface CleanupHook {

    /**
     * Cleans up after the connection.
     *
     * @param po    the posting end of the ended connection
     * @param ho    the hosting end of the ended connection
     * @param cause why the connection ended
     * @throws Exception logged, never propagated
     */
    void cleanup(PostingEnd po, HostingEnd ho, DisconnectCause cause) throws Exception;
}
