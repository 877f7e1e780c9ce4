package dev.hbi.groovy.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The types a confined script may name: in declarations ({@code String s = ...}), casts and
 * {@code as}, {@code instanceof}, closure and {@code catch} parameters, and, for a few collections,
 * {@code new}. Casting to any other type could call its constructor (Groovy turns {@code File f = ['x']}
 * into {@code new File('x')}), so no other type is accepted anywhere. Stateless.
 */
final class Types {

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

    /** The classes a script may make with {@code new}: empty collections, or copies of one. */
    private static final Set<Class<?>> CONSTRUCTIBLE = Set.of(ArrayList.class, LinkedList.class, HashMap.class,
            LinkedHashMap.class, TreeMap.class, HashSet.class, LinkedHashSet.class, TreeSet.class);

    private Types() {
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
     * Tells whether a script may make an instance of a class with {@code new}.
     *
     * @param type the class
     * @return whether it is allowed
     */
    static boolean constructible(Class<?> type) {
        return CONSTRUCTIBLE.contains(type);
    }

    /**
     * Tells whether a script may make an instance of a class with {@code new}, by name.
     *
     * @param name the class's name
     * @return whether it is allowed
     */
    static boolean constructible(String name) {
        return CONSTRUCTIBLE.stream().anyMatch(type -> type.getName().equals(name));
    }
}
