package dev.hbi.groovy.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Defines the classes of one compiled shape (the script class, its closures, and in trusted mode the
 * classes the script declares), and nothing else. Each shape has its own loader, so that when the
 * {@link ShapeCache} drops a shape, its loader and classes become unreachable together and the JVM
 * unloads them, returning their Metaspace (once the {@link Graveyard} has made the JDK's bean
 * introspection forget them). Classes are defined when first loaded; their bytes are dropped once
 * defined. Thread-safe.
 */
final class ShapeLoader extends ClassLoader {

    /** The name of the loader, as stack traces show it: how a script's own frames are recognised. */
    static final String NAME = "hbi-shape";

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> pending;
    private final List<Class<?>> defined = new CopyOnWriteArrayList<>();
    /** The thread groups the shape was landed in: each has its own bean introspection cache. */
    private final Set<ThreadGroup> groups = ConcurrentHashMap.newKeySet();
    /** Whether the shape was landed since the {@link Graveyard} last flushed it. */
    private volatile boolean landed;

    ShapeLoader(ClassLoader parent, Map<String, byte[]> classes) {
        super(NAME, parent);
        this.pending = new ConcurrentHashMap<>(classes);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = pending.remove(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        Class<?> type = defineClass(name, bytes, 0, bytes.length);
        defined.add(type);
        return type;
    }

    /** The classes defined so far. */
    List<Class<?>> defined() {
        return defined;
    }

    /** Notes that the current thread lands the shape: its metaclasses may be made in this thread's group. */
    void landing() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        if (!groups.contains(group)) {
            groups.add(group);
        }
        if (!landed) {
            landed = true;
        }
    }

    /**
     * Tells whether the shape was landed since the last call, and forgets it.
     *
     * @return whether it was landed
     */
    boolean landedSinceAsked() {
        boolean was = landed;
        landed = false;
        return was;
    }

    /** The thread groups the shape was landed in. */
    Set<ThreadGroup> groups() {
        return groups;
    }
}
