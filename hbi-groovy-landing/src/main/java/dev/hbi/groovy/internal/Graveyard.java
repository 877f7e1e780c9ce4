package dev.hbi.groovy.internal;

import java.beans.Introspector;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets the JVM unload the classes of dropped shapes. Groovy makes the metaclass of each class it meets
 * with {@link Introspector#getBeanInfo(Class)}, which keeps the class's bean info, and with it the class,
 * in a cache of the calling thread's group until told to forget it, from a thread of that same group.
 * A dropped shape's loader is kept here, weakly, and its classes are flushed from the caches of every
 * thread group that landed it: at once, and again at a later burial if a landing that was still running
 * when the shape was dropped has landed it since. Once a loader is unloaded its entry goes.
 *
 * <p>Thread-safe: the list is guarded by {@code lock}; flushing happens outside it, on the burying
 * thread for its own group and on a short-lived thread of each other group.
 */
final class Graveyard {

    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock
    private final List<WeakReference<ShapeLoader>> buried = new ArrayList<>();

    /**
     * Buries the loader of a dropped shape.
     *
     * @param compiled the dropped shape; only a compiled one has classes
     */
    void bury(Compiled compiled) {
        Map<ThreadGroup, List<Class<?>>> flushes = new HashMap<>();
        lock.lock();
        try {
            ShapeLoader added = null;
            if (compiled instanceof Compiled.Ready ready && ready.script().getClassLoader() instanceof ShapeLoader loader) {
                buried.add(new WeakReference<>(loader));
                added = loader;
            }
            for (Iterator<WeakReference<ShapeLoader>> i = buried.iterator(); i.hasNext(); ) {
                ShapeLoader loader = i.next().get();
                if (loader == null) {
                    i.remove();
                } else if (loader.landedSinceAsked() | loader == added) {
                    for (ThreadGroup group : loader.groups()) {
                        flushes.computeIfAbsent(group, g -> new ArrayList<>()).addAll(loader.defined());
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        flushes.forEach(Graveyard::flush);
    }

    private static void flush(ThreadGroup group, List<Class<?>> classes) {
        Runnable flush = () -> classes.forEach(Introspector::flushFromCaches);
        if (group == Thread.currentThread().getThreadGroup()) {
            flush.run();
            return;
        }
        Thread thread = new Thread(group, flush, "hbi-shape-flush");
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many dropped loaders have not been unloaded yet: for tests. */
    int size() {
        lock.lock();
        try {
            buried.removeIf(reference -> reference.get() == null);
            return buried.size();
        } finally {
            lock.unlock();
        }
    }
}
