package dev.hbi.groovy.internal;

import java.beans.Introspector;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets the JVM unload the classes of dropped shapes. Groovy's metaclasses look at every class through
 * {@link Introspector}, whose cache then holds the class until it is told to forget it; a dropped
 * shape's loader is kept here, weakly, and its classes are flushed from that cache now and at every later
 * burial, in case a landing of the shape that was still running when it was dropped looked at a new
 * closure class since. Once a loader is unloaded its entry goes. Thread-safe.
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
        lock.lock();
        try {
            if (compiled instanceof Compiled.Ready ready && ready.script().getClassLoader() instanceof ShapeLoader loader) {
                buried.add(new WeakReference<>(loader));
            }
            for (Iterator<WeakReference<ShapeLoader>> i = buried.iterator(); i.hasNext(); ) {
                ShapeLoader loader = i.next().get();
                if (loader == null) {
                    i.remove();
                } else {
                    loader.defined().forEach(Introspector::flushFromCaches);
                }
            }
        } finally {
            lock.unlock();
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
