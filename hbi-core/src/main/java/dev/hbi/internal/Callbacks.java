package dev.hbi.internal;

import java.util.concurrent.Executor;

/**
 * Where HBI completes the stages it hands to users ({@code completion()}, {@code disconnected()}): a new
 * virtual thread each time, so that a dependent action never runs on the reader or the writer, where a
 * blocking call would stall the connection.
 */
final class Callbacks {

    /** Runs each task on a new virtual thread named {@code hbi-callback}. */
    static final Executor EXECUTOR = task -> Thread.ofVirtual().name("hbi-callback").start(task);

    private Callbacks() {
    }
}
