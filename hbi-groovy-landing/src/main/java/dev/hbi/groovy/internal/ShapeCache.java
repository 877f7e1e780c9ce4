package dev.hbi.groovy.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The compiled shapes, by key, least recently used first out. A shape is compiled once even when many
 * conversations land it at the same moment: the first compiles it outside the lock, the others wait for
 * its result. Compile failures are kept too. Dropping a shape drops the only reference to its
 * {@link ShapeLoader}, so its classes are unloaded by a later collection.
 *
 * <p>Thread-safe: the map is guarded by {@code lock}, held only to look up, insert and evict.
 */
final class ShapeCache {

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock
    private final Map<String, CompletableFuture<Compiled>> entries;
    private final AtomicLong compilations = new AtomicLong();

    ShapeCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Compiled>> eldest) {
                return size() > ShapeCache.this.capacity;
            }
        };
    }

    /**
     * Returns the compiled shape of a key, compiling it if it is not cached.
     *
     * @param key     the shape's key
     * @param compile compiles a key
     * @return the compiled shape
     */
    Compiled get(String key, Function<String, Compiled> compile) {
        CompletableFuture<Compiled> entry;
        boolean mine = false;
        lock.lock();
        try {
            entry = entries.get(key);
            if (entry == null) {
                entry = new CompletableFuture<>();
                entries.put(key, entry);
                mine = true;
            }
        } finally {
            lock.unlock();
        }
        if (mine) {
            return compileInto(key, entry, compile);
        }
        try {
            return entry.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private Compiled compileInto(String key, CompletableFuture<Compiled> entry, Function<String, Compiled> compile) {
        try {
            Compiled compiled = compile.apply(key);
            compilations.incrementAndGet();
            entry.complete(compiled);
            return compiled;
        } catch (RuntimeException | Error e) {
            // not a compile error (those are results): do not keep it, let the next landing try again
            lock.lock();
            try {
                entries.remove(key, entry);
            } finally {
                lock.unlock();
            }
            entry.completeExceptionally(e);
            throw e;
        }
    }

    /** How many shapes were compiled into this cache: for tests and benchmarks. */
    long compilations() {
        return compilations.get();
    }

    /** How many shapes are cached now. */
    int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }
}
