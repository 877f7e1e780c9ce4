package dev.hbi.benchmarks.peers;

import dev.hbi.Expose;

/** The typed client's view of the benchmark server, posted through {@code PostingEnd.proxy}. */
public interface EchoApi {

    /**
     * Posts {@code echo('...')} and waits for the answer.
     *
     * @param value the value
     * @return the value the server answered
     */
    @Expose("echo")
    String echo(String value);

    /**
     * Posts {@code tick('...')} as a fire-and-forget notification.
     *
     * @param value the value
     */
    @Expose(value = "tick", oneWay = true)
    void tick(String value);
}
