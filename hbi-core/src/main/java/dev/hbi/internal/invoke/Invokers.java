package dev.hbi.internal.invoke;

import dev.hbi.Expose;
import dev.hbi.HostedFunction;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns constructors and reactor methods into {@link HostedFunction}s that convert landed arguments to
 * the declared parameter types. Reflection happens once, when the name is exposed; each call goes
 * through a spread {@link java.lang.invoke.MethodHandle}.
 */
public final class Invokers {

    /**
     * A hosted function made from reflection, with what tools show of it.
     *
     * @param function   the function
     * @param parameters the parameters as a call writes them
     * @param doc        the one-line doc of {@link Expose}, or empty
     */
    public record Described(HostedFunction function, String parameters, String doc) {
    }

    private Invokers() {
    }

    /**
     * Makes the constructor function of a class: the canonical constructor of a record, else its public
     * constructors, chosen by the number of arguments.
     *
     * @param name the exposed name, for messages
     * @param type the class
     * @return the function
     * @throws IllegalArgumentException if there is no usable public constructor
     */
    public static Described constructor(String name, Class<?> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException(type.getName() + " cannot be constructed: it is abstract");
        }
        List<Executable> ctors = new ArrayList<>();
        if (type.isRecord()) {
            Class<?>[] types = Arrays.stream(type.getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                ctors.add(type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException impossible) {
                throw new AssertionError("a record has its canonical constructor", impossible);
            }
        } else {
            ctors.addAll(Arrays.asList(type.getConstructors()));
        }
        if (ctors.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no public constructor to expose");
        }
        return overloads(name, ctors, null, false);
    }

    /**
     * Finds the methods of a reactor object to expose: its public instance methods (inherited ones
     * included, {@code Object}'s excluded), grouped by name.
     *
     * @param reactor the object
     * @param only    the names to expose, or {@code null} for all
     * @return the functions by name, sorted
     * @throws IllegalArgumentException if a named method does not exist, or overloads are ambiguous
     */
    public static Map<String, Described> reactorMethods(Object reactor, Set<String> only) {
        List<Method> candidates = new ArrayList<>();
        for (Method m : reactor.getClass().getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class
                    && !m.isBridge() && !m.isSynthetic()) {
                candidates.add(m);
            }
        }
        boolean typed = candidates.stream().anyMatch(m -> m.isAnnotationPresent(Expose.class));
        Map<String, List<Executable>> byName = new TreeMap<>();
        for (Method m : candidates) {
            String name = typed ? exposedName(m) : m.getName();
            if (name != null && (only == null || only.contains(name))) {
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(m);
            }
        }
        if (only != null) {
            for (String name : only) {
                if (!byName.containsKey(name)) {
                    throw new IllegalArgumentException(reactor.getClass().getName() + " has no public method "
                            + name + (typed ? " marked @Expose" : ""));
                }
            }
        }
        Map<String, Described> out = new LinkedHashMap<>();
        byName.forEach((name, methods) -> out.put(name, overloads(name, methods, reactor, typed)));
        return out;
    }

    private static String exposedName(Method m) {
        Expose expose = m.getAnnotation(Expose.class);
        if (expose == null) {
            return null;
        }
        return expose.value().isEmpty() ? m.getName() : expose.value();
    }

    private static Described overloads(String name, List<Executable> executables, Object target, boolean typed) {
        Map<Integer, ReflectiveCall> byArity = new TreeMap<>();
        String doc = "";
        for (Executable e : executables) {
            ReflectiveCall call = ReflectiveCall.of(name, e, target, typed);
            ReflectiveCall clash = byArity.put(call.scriptArity(), call);
            if (clash != null) {
                throw new IllegalArgumentException("cannot expose " + name + ": two overloads take "
                        + call.scriptArity() + " argument(s); expose one of them under another name");
            }
            Expose expose = e.getAnnotation(Expose.class);
            if (expose != null && !expose.doc().isEmpty()) {
                doc = expose.doc();
            }
        }
        if (byArity.size() == 1) {
            ReflectiveCall only = byArity.values().iterator().next();
            return new Described(only::invoke, only.parameters(), doc);
        }
        List<String> shapes = byArity.values().stream().map(ReflectiveCall::parameters).toList();
        HostedFunction dispatch = args -> {
            ReflectiveCall call = byArity.get(args.size() + args.keywords().size());
            if (call == null) {
                throw new IllegalArgumentException(name + "() takes one of " + shapes.stream()
                        .map(s -> "(" + s + ")").toList() + ", not " + (args.size() + args.keywords().size())
                        + " argument(s)");
            }
            return call.invoke(args);
        };
        return new Described(dispatch, String.join(" | ", shapes), doc);
    }
}
