package dev.hbi.groovy.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Defines the classes of one compiled shape (the script class and its closures), and nothing else. Each
 * shape has its own loader, so that when the {@link ShapeCache} drops a shape, its loader and classes
 * become unreachable together and the JVM unloads them, returning their Metaspace. Classes are defined
 * when first loaded; their bytes are dropped once defined.
 */
final class ShapeLoader extends ClassLoader {

    /** The name of the loader, as stack traces show it: how a script's own frames are recognised. */
    static final String NAME = "hbi-shape";

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> pending;

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
        return defineClass(name, bytes, 0, bytes.length);
    }
}
