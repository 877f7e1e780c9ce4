package dev.hbi.benchmarks.peers;

import dev.hbi.Expose;

/** The typed server: what {@link EchoApi} posts lands on these methods, and a returned value is the answer. */
public final class EchoReactor {

    private final Runnable ticked;

    EchoReactor(Runnable ticked) {
        this.ticked = ticked;
    }

    /**
     * Answers the value it got.
     *
     * @param value the value
     * @return the same value
     */
    @Expose
    public String echo(String value) {
        return value;
    }

    /**
     * Counts a one-way message.
     *
     * @param value the value, ignored
     */
    @Expose
    public void tick(String value) {
        ticked.run();
    }
}
