package dev.hbi.groovy.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The types a confined script may name: in declarations ({@code String s = ...}), casts and
 * {@code as}, {@code instanceof}, closure and {@code catch} parameters, and, for a few collections,
 * {@code new} (with exceptions to throw). Casting to any other type could call its constructor (Groovy turns {@code File f = ['x']}
 * into {@code new File('x')}), so no other type is accepted anywhere. Stateless.
 */
final class TypeRules {

    /** Names of the types a script may declare, cast to and test against (as {@code Class.getName()}). */
    private static final Set<String> NAMEABLE = Set.of(
            "java.lang.Object", "java.lang.String", "java.lang.CharSequence", "groovy.lang.GString",
            "java.lang.Integer", "int", "java.lang.Long", "long", "java.lang.Short", "short", "java.lang.Byte", "byte",
            "java.lang.Double", "double", "java.lang.Float", "float", "java.lang.Boolean", "boolean",
            "java.lang.Character", "char", "java.lang.Number", "java.math.BigDecimal", "java.math.BigInteger",
            "java.util.List", "java.util.ArrayList", "java.util.LinkedList", "java.util.Map", "java.util.HashMap",
            "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.Set", "java.util.HashSet",
            "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.Collection", "java.util.Iterator",
            "java.util.Map$Entry", "groovy.lang.Range", "groovy.lang.IntRange", "groovy.lang.Closure",
            "java.lang.Throwable", "java.lang.Exception", "java.lang.RuntimeException");

    /** The types Groovy can cast anything to without building an object: text, numbers, booleans. */
    private static final Set<String> SCALAR = Set.of(
            "java.lang.String", "java.lang.CharSequence", "java.lang.Integer", "int", "java.lang.Long", "long",
            "java.lang.Short", "short", "java.lang.Byte", "byte", "java.lang.Double", "double", "java.lang.Float",
            "float", "java.lang.Boolean", "boolean", "java.lang.Character", "char", "java.lang.Number",
            "java.math.BigDecimal", "java.math.BigInteger");

    /** The collections a script may make with {@code new}: empty, or a copy of one collection or map. */
    private static final Set<Class<?>> COLLECTIONS = Set.of(ArrayList.class, LinkedList.class, HashMap.class,
            LinkedHashMap.class, TreeMap.class, HashSet.class, LinkedHashSet.class, TreeSet.class);
    /** The exceptions a script may make with {@code new} to throw: with a message, or none. */
    private static final Set<Class<?>> EXCEPTIONS = Set.of(RuntimeException.class, IllegalArgumentException.class,
            IllegalStateException.class);

    private TypeRules() {
    }

    /**
     * Tells whether a script may name a type.
     *
     * @param name the type's name, as {@link Class#getName()} writes it
     * @return whether it is allowed
     */
    static boolean nameable(String name) {
        return NAMEABLE.contains(name);
    }

    /**
     * Tells whether a type is one Groovy's implicit casts turn any value into without building an object.
     *
     * @param name the type's name
     * @return whether it is text, a number or a boolean
     */
    static boolean scalar(String name) {
        return SCALAR.contains(name);
    }

    /**
     * Tells whether a script may make an instance of a class with {@code new} and these arguments.
     *
     * @param type the class
     * @param args the constructor's arguments
     * @return whether it is allowed
     */
    static boolean constructible(Class<?> type, List<?> args) {
        Object only = args.size() == 1 ? args.get(0) : null;
        if (COLLECTIONS.contains(type)) {
            return args.isEmpty() || only instanceof Collection<?> || only instanceof Map<?, ?>;
        }
        return EXCEPTIONS.contains(type) && (args.isEmpty() || only instanceof CharSequence);
    }

    /**
     * Tells whether a script may name a class after {@code new}.
     *
     * @param name the class's name
     * @return whether it is allowed
     */
    static boolean constructible(String name) {
        return COLLECTIONS.stream().anyMatch(type -> type.getName().equals(name))
                || EXCEPTIONS.stream().anyMatch(type -> type.getName().equals(name));
    }
}
