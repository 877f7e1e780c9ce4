package dev.hbi.groovy.internal;

import java.util.Iterator;
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
    private final Graveyard graveyard = new Graveyard();

    ShapeCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true);
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
        CompletableFuture<Compiled> dropped = null;
        boolean mine = false;
        lock.lock();
        try {
            entry = entries.get(key);
            if (entry == null) {
                entry = new CompletableFuture<>();
                entries.put(key, entry);
                mine = true;
                dropped = dropEldest();
            }
        } finally {
            lock.unlock();
        }
        if (dropped != null) {
            // now, or, for a shape dropped while still being compiled, when its compilation ends
            dropped.thenAccept(this::release);
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

    // guarded by lock
    private CompletableFuture<Compiled> dropEldest() {
        if (entries.size() <= capacity) {
            return null;
        }
        Iterator<Map.Entry<String, CompletableFuture<Compiled>>> eldest = entries.entrySet().iterator();
        CompletableFuture<Compiled> dropped = eldest.next().getValue();
        eldest.remove();
        return dropped;
    }

    /**
     * Lets the classes of a shape that is no longer cached be unloaded (see {@link Graveyard}). For shapes
     * dropped from the cache, and for shapes too long to cache once landed.
     *
     * @param compiled the shape, or {@code null}
     */
    void release(Compiled compiled) {
        if (compiled != null) {
            graveyard.bury(compiled);
        }
    }

    /** How many dropped shapes are still loaded: for tests. */
    int buried() {
        return graveyard.size();
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

    /** The compiled shape of a key if it is cached and compiled, without touching its recency: for tests. */
    Compiled peek(String key) {
        lock.lock();
        try {
            for (Map.Entry<String, CompletableFuture<Compiled>> entry : entries.entrySet()) {
                if (entry.getKey().equals(key)) {
                    return entry.getValue().getNow(null);
                }
            }
            return null;
        } finally {
            lock.unlock();
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
