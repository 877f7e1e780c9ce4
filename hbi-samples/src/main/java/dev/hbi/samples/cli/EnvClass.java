package dev.hbi.samples.cli;

import dev.hbi.HostingEnv;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Loads the environment class {@code hbi serve --env CLASS} names: a class that implements
 * {@code Supplier<HostingEnv>} (with a public no-argument constructor), or has a public static
 * {@code HostingEnv env()} method. Either makes a new environment for each connection.
 */
final class EnvClass {

    private EnvClass() {
    }

    static Supplier<HostingEnv> load(String className, Optional<String> classpath) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader(classpath));
        } catch (ClassNotFoundException e) {
            throw new UsageException("no class " + className + " on the class path"
                    + classpath.map(cp -> " (with --classpath " + cp + ")").orElse(""));
        }
        if (Supplier.class.isAssignableFrom(type)) {
            Supplier<?> supplier = (Supplier<?>) instantiate(type);
            return () -> (HostingEnv) supplier.get();
        }
        Method env = staticEnv(type);
        return () -> {
            try {
                return (HostingEnv) env.invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(className + ".env() failed: " + e.getCause(), e);
            }
        };
    }

    private static ClassLoader loader(Optional<String> classpath) {
        if (classpath.isEmpty()) {
            return EnvClass.class.getClassLoader();
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.get().split(java.io.File.pathSeparator)) {
            try {
                urls.add(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UsageException("--classpath entry " + entry + " is not a path");
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), EnvClass.class.getClassLoader());
    }

    private static Object instantiate(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new UsageException(type.getName() + " needs a public constructor without arguments");
        }
    }

    private static Method staticEnv(Class<?> type) {
        try {
            Method m = type.getMethod("env");
            if (Modifier.isStatic(m.getModifiers()) && HostingEnv.class.isAssignableFrom(m.getReturnType())) {
                return m;
            }
        } catch (NoSuchMethodException e) {
            // explained below
        }
        throw new UsageException(type.getName() + " must implement Supplier<HostingEnv> or have a public static"
                + " HostingEnv env() method");
    }
}
