package dev.hbi;

/**
 * Runs once when a connection is established, before any of the peer's scripts is landed: the
 * reference's {@code __hbi_init__(po, ho)}. It may post to the peer (for example push a welcome
 * script), and may expose more names in the connection's environment. If it throws, the connection is
 * closed with the failure as the reason, and a dialing call fails.
 *
 * <p>It may also post a request and wait for the answer. On the classic wire that can time out when the
 * peer pushes something to this side during its own init: the peer's push holds the classic wire's
 * inbound stream until this hook returns, and the answer queues behind it. The multiplexed wire has no
 * such limit.
 */
@FunctionalInterface
public interface InitHook {

    /**
     * Initialises the connection.
     *
     * @param po the posting end of the new connection
     * @param ho the hosting end of the new connection
     * @throws Exception to refuse the connection
     */
    void init(PostingEnd po, HostingEnd ho) throws Exception;
}
