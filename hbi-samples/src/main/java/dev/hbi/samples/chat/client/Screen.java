package dev.hbi.samples.chat.client;

import java.io.PrintStream;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The console's output, shared by the commands and the pushes that print while the user types: text goes
 * above the prompt ({@link ChatConsole.Lines#printAbove}), as hbichat's {@code GetLine.show}. On a
 * terminal a transfer also shows a progress line, updated in place, which printed text moves down.
 */
final class Screen {

    private static final String CLEAR_LINE = "\r\u001B[0K";

    private final ChatConsole.Lines lines;
    private final PrintStream out;
    private final boolean terminal;
    private final ReentrantLock lock = new ReentrantLock();
    private String progress = ""; // guarded by lock

    Screen(ChatConsole.Lines lines, PrintStream out, boolean terminal) {
        this.lines = lines;
        this.out = out;
        this.terminal = terminal;
    }

    /** Prints text as lines above the prompt or the progress line; empty text prints nothing. */
    void show(String text) {
        if (text.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            if (!progress.isEmpty()) {
                out.print(CLEAR_LINE);
                out.flush();
            }
            lines.printAbove(text);
            if (!progress.isEmpty()) {
                out.print(progress);
                out.flush();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Replaces the progress line, on a terminal. */
    void progress(String line) {
        if (!terminal) {
            return;
        }
        lock.lock();
        try {
            progress = line;
            out.print(CLEAR_LINE + line);
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    /** Clears the progress line, if any. */
    void endProgress() {
        lock.lock();
        try {
            if (!progress.isEmpty()) {
                out.print(CLEAR_LINE);
                out.flush();
                progress = "";
            }
        } finally {
            lock.unlock();
        }
    }
}
