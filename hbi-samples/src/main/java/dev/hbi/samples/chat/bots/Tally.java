package dev.hbi.samples.chat.bots;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/** What the bots did, counted as they go from all their threads. */
final class Tally {

    private static final int ERRORS_KEPT = 5;

    private final LongAdder conversations = new LongAdder();
    private final LongAdder said = new LongAdder();
    private final LongAdder heard = new LongAdder();
    private final LongAdder uploads = new LongAdder();
    private final LongAdder downloads = new LongAdder();
    private final LongAdder listings = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder checksums = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> firstErrors = new ArrayList<>(); // guarded by lock

    void conversations(int n) {
        conversations.add(n);
    }

    void said() {
        said.increment();
    }

    void heard(int msgs) {
        heard.add(msgs);
    }

    void uploaded(long size) {
        uploads.increment();
        bytes.add(size);
        checksums.increment();
    }

    void downloaded(long size) {
        downloads.increment();
        bytes.add(size);
        checksums.increment();
    }

    void listed() {
        listings.increment();
    }

    void error(String bot, Throwable failure) {
        errors.increment();
        lock.lock();
        try {
            if (firstErrors.size() < ERRORS_KEPT) {
                firstErrors.add(bot + ": " + (failure.getMessage() == null ? failure.toString()
                        : failure.getClass().getSimpleName() + ": " + failure.getMessage()));
            }
        } finally {
            lock.unlock();
        }
    }

    Counts counts() {
        lock.lock();
        try {
            return new Counts(conversations.sum(), said.sum(), heard.sum(), uploads.sum(), downloads.sum(),
                    listings.sum(), bytes.sum(), checksums.sum(), errors.sum(), List.copyOf(firstErrors));
        } finally {
            lock.unlock();
        }
    }
}
