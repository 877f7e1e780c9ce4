package dev.hbi.samples.chat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** What a console printed, which a test can wait on. */
final class Printed extends OutputStream {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition grown = lock.newCondition();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(); // guarded by lock

    PrintStream stream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        lock.lock();
        try {
            bytes.write(b, off, len);
            grown.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the text has been printed. */
    void await(String text, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (!text().contains(text)) {
                if (left <= 0) {
                    throw new AssertionError("'" + text + "' was not printed; got:\n" + text());
                }
                left = grown.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    String text() {
        lock.lock();
        try {
            return bytes.toString(StandardCharsets.UTF_8);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return text();
    }
}
