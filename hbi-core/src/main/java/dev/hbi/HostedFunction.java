package dev.hbi;

/**
 * A function exposed to peer scripts under a name: {@code env.expose("add", args -> args.intValue(0) +
 * args.intValue(1))}. The peer calls it as {@code add(1, 2)}; the return value is the value of that call
 * in the script (assigned, passed on, or the landed value of an object packet).
 *
 * <p>A hosted function runs on the thread that lands the script: the hosting conversation's own
 * virtual thread for the peer's requests, the receiving thread for answers. It may block. To answer
 * the peer it uses {@link Args#conversation()}.
 */
@FunctionalInterface
public interface HostedFunction {

    /**
     * Runs the function.
     *
     * @param args the landed arguments and the landing context
     * @return the value of the call in the script; {@code null} for Python's {@code None}
     * @throws Exception any failure, reported to the peer as a landing error
     */
    Object call(Args args) throws Exception;
}
