package dev.hbi.groovy.internal;

import groovy.lang.Closure;
import groovy.lang.GString;
import groovy.lang.Range;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a confined script may do with a value, decided on the value's class when the script runs: the
 * short, documented list of value types a script can hold (strings, numbers, booleans, lists, sets,
 * maps, ranges, iterators and map entries, the closures it defines, the exceptions it catches) and, for
 * each, the methods, properties and operators that only compute with the value. Anything else (above
 * all every method that reaches files, processes, threads, class loaders, reflection or metaclasses,
 * such as {@code execute}, {@code getClass}, {@code invokeMethod}, {@code with} or {@code metaClass})
 * is refused. Any value may still be turned into a string, compared and hashed ({@code toString},
 * {@code equals}, {@code hashCode}), and the components of a record may be read. Stateless.
 */
final class AllowList {

    /** The kinds of value a confined script can hold, each with its own allowed members. */
    enum Kind {
        NULL, STRING, NUMBER, BOOLEAN, LIST, SET, MAP, ENTRY, ITERATOR, CLOSURE, THROWABLE, RECORD, OTHER
    }

    /** Any value can be printed, compared and hashed: these are the value's own contract. */
    static final Set<String> UNIVERSAL = Set.of("toString", "equals", "hashCode");

    private static final Set<String> STRING = Set.of(
            "length", "size", "isEmpty", "isBlank", "charAt", "codePointAt", "substring", "indexOf", "lastIndexOf",
            "contains", "startsWith", "endsWith", "equalsIgnoreCase", "compareTo", "compareToIgnoreCase",
            "toUpperCase", "toLowerCase", "trim", "strip", "stripLeading", "stripTrailing", "stripIndent", "replace",
            "concat", "repeat", "plus", "minus", "multiply", "getAt", "reverse", "capitalize", "uncapitalize",
            "center", "padLeft", "padRight", "tokenize", "readLines", "toInteger", "toLong", "toDouble",
            "toBigDecimal", "toBigInteger", "toBoolean", "isNumber", "isInteger", "isLong", "isDouble",
            "isBigDecimal", "isBigInteger", "toList", "toSet", "each", "eachWithIndex", "eachLine", "collect",
            "find", "findAll", "any", "every", "count", "take", "drop", "takeRight", "dropRight", "takeWhile",
            "dropWhile", "next", "previous", "asBoolean", "isCase");

    private static final Set<String> NUMBER = Set.of(
            "plus", "minus", "multiply", "div", "mod", "remainder", "power", "intdiv", "negative", "positive",
            "bitwiseNegate", "next", "previous", "abs", "compareTo", "intValue", "longValue", "doubleValue",
            "floatValue", "toInteger", "toLong", "toDouble", "toFloat", "toBigInteger", "toBigDecimal", "round",
            "trunc", "times", "upto", "downto", "step", "and", "or", "xor", "leftShift", "rightShift",
            "rightShiftUnsigned", "isNaN", "isInfinite", "signum", "setScale", "scale", "precision",
            "stripTrailingZeros", "toPlainString", "max", "min", "asBoolean", "isCase");

    private static final Set<String> BOOLEAN = Set.of(
            "and", "or", "xor", "implies", "booleanValue", "compareTo", "asBoolean", "isCase");

    private static final Set<String> COLLECTION = Set.of(
            "size", "isEmpty", "get", "getAt", "putAt", "set", "add", "addAll", "remove", "removeAt", "removeAll",
            "retainAll", "contains", "containsAll", "indexOf", "lastIndexOf", "first", "last", "head", "tail",
            "init", "take", "takeRight", "drop", "dropRight", "takeWhile", "dropWhile", "subList", "plus", "minus",
            "multiply", "leftShift", "each", "eachWithIndex", "reverseEach", "collect", "collectEntries",
            "collectMany", "find", "findAll", "findIndexOf", "findLastIndexOf", "findIndexValues", "findResult",
            "findResults", "any", "every", "count", "countBy", "groupBy", "inject", "sum", "average", "max", "min",
            "sort", "toSorted", "unique", "toUnique", "reverse", "join", "flatten", "toList", "toSet", "withIndex",
            "indexed", "intersect", "disjoint", "clear", "isCase", "iterator", "collate", "transpose", "split",
            "asImmutable", "asBoolean", "getFrom", "getTo", "isReverse", "step", "and");

    private static final Set<String> MAP = Set.of(
            "size", "isEmpty", "get", "getAt", "put", "putAt", "putAll", "remove", "containsKey", "containsValue",
            "keySet", "values", "entrySet", "each", "eachWithIndex", "collect", "collectEntries", "collectMany",
            "find", "findAll", "findResult", "any", "every", "count", "countBy", "groupBy", "inject", "sort",
            "toSorted", "plus", "minus", "subMap", "getOrDefault", "putIfAbsent", "clear", "min", "max", "take",
            "drop", "isCase", "leftShift", "asImmutable", "asBoolean");

    private static final Set<String> ENTRY = Set.of("getKey", "getValue", "setValue");
    private static final Set<String> ITERATOR = Set.of("hasNext", "next");
    private static final Set<String> CLOSURE = Set.of("call", "isCase");
    private static final Set<String> THROWABLE = Set.of("getMessage");

    /** Binary operators by the method Groovy calls for them, per kind of left operand. */
    private static final Map<Kind, Set<String>> OPERATORS = Map.of(
            Kind.NUMBER, Set.of("plus", "minus", "multiply", "div", "mod", "power", "intdiv", "leftShift",
                    "rightShift", "rightShiftUnsigned", "and", "or", "xor"),
            Kind.STRING, Set.of("plus", "minus", "multiply", "getAt"),
            Kind.BOOLEAN, Set.of("and", "or", "xor"),
            Kind.LIST, Set.of("plus", "minus", "multiply", "getAt", "leftShift", "and"),
            Kind.SET, Set.of("plus", "minus", "getAt", "leftShift", "and"),
            Kind.MAP, Set.of("plus", "minus", "getAt", "leftShift"),
            Kind.NULL, Set.of("plus"));

    /** The exact number classes; a host's own Number subclass is just another object. */
    private static final Set<Class<?>> NUMBERS = Set.of(Integer.class, Long.class, BigInteger.class,
            BigDecimal.class, Double.class, Float.class, Short.class, Byte.class);

    private AllowList() {
    }

    /**
     * Tells what kind of value this is, for the allow-list.
     *
     * @param value the value
     * @param self  the script running, whose closures (and only those) are callable
     * @return the kind
     */
    static Kind kind(Object value, LandedScript self) {
        if (value == null) {
            return Kind.NULL;
        }
        Class<?> type = value.getClass();
        if (type == String.class || value instanceof GString) {
            return Kind.STRING;
        }
        if (NUMBERS.contains(type)) {
            return Kind.NUMBER;
        }
        if (type == Boolean.class) {
            return Kind.BOOLEAN;
        }
        return structured(value, self);
    }

    private static Kind structured(Object value, LandedScript self) {
        return switch (value) {
            case List<?> l -> Kind.LIST;
            case Set<?> s -> Kind.SET;
            case Collection<?> c -> Kind.LIST;
            case Map<?, ?> m -> Kind.MAP;
            case Map.Entry<?, ?> e -> Kind.ENTRY;
            case Iterator<?> i -> Kind.ITERATOR;
            case Closure<?> c when isScriptClosure(c, self) -> Kind.CLOSURE;
            case Throwable t -> Kind.THROWABLE;
            case Record r -> Kind.RECORD;
            default -> Kind.OTHER;
        };
    }

    /** A closure is the script's own when the script's class loader defined it. */
    static boolean isScriptClosure(Closure<?> closure, LandedScript self) {
        return closure.getClass().getClassLoader() == self.getClass().getClassLoader();
    }

    /**
     * Tells whether a method may be called on a kind of value.
     *
     * @param kind the receiver's kind
     * @param name the method
     * @return whether the call is allowed
     */
    static boolean method(Kind kind, String name) {
        if (UNIVERSAL.contains(name)) {
            return true;
        }
        return switch (kind) {
            case STRING -> STRING.contains(name);
            case NUMBER -> NUMBER.contains(name);
            case BOOLEAN -> BOOLEAN.contains(name);
            case LIST, SET -> COLLECTION.contains(name);
            case MAP -> MAP.contains(name);
            case ENTRY -> ENTRY.contains(name);
            case ITERATOR -> ITERATOR.contains(name);
            case CLOSURE -> CLOSURE.contains(name);
            case THROWABLE -> THROWABLE.contains(name);
            case NULL, RECORD, OTHER -> false;
        };
    }

    /**
     * Tells whether a binary operator may be applied to a kind of left operand.
     *
     * @param kind     the left operand's kind
     * @param operator the method Groovy calls for the operator, such as {@code plus}
     * @return whether it is allowed
     */
    static boolean operator(Kind kind, String operator) {
        Set<String> allowed = OPERATORS.get(kind);
        return allowed != null && allowed.contains(operator);
    }

    /**
     * Checks the arguments of an allowed method where they decide what the method does: Groovy's
     * {@code getAt} and {@code putAt} read and write any property of the elements when given a name
     * ({@code [obj]['secret']}), {@code find} and {@code findAll} on a string run a regular expression,
     * {@code sum} and {@code average} call {@code plus} on whatever they add up, and {@code collate}
     * never ends with a size of zero.
     *
     * @param kind     the receiver's kind
     * @param receiver the receiver
     * @param method   the method
     * @param args     the arguments
     * @param self     the script running
     * @return why the call is refused, or {@code null} if it is allowed
     */
    static String arguments(Kind kind, Object receiver, String method, Object[] args, LandedScript self) {
        Object first = args.length > 0 ? args[0] : null;
        boolean sequence = kind == Kind.LIST || kind == Kind.SET || kind == Kind.STRING;
        if (sequence && (method.equals("getAt") || method.equals("putAt")) && !isIndex(first)) {
            return "a list or a string is indexed by numbers and ranges, not by " + describe(first);
        }
        if (kind == Kind.STRING && (method.equals("find") || method.equals("findAll"))
                && Arrays.stream(args).anyMatch(CharSequence.class::isInstance)) {
            return "regular expressions are not available: a pattern can run longer than the time budget can stop";
        }
        if ((kind == Kind.LIST || kind == Kind.SET) && (method.equals("sum") || method.equals("average"))) {
            if (first instanceof Closure<?>) {
                return "'" + method + "' takes no closure here; write collect { ... }." + method + "()";
            }
            List<Object> added = new ArrayList<>((Collection<?>) receiver);
            if (args.length > 0) {
                added.add(first);
            }
            for (Object element : added) {
                if (!isSummable(element, self)) {
                    return "'" + method + "' adds only numbers, strings, lists, sets and maps, not " + describe(element);
                }
            }
        }
        if (method.equals("collate") && !(first instanceof Number n && n.intValue() >= 1)) {
            return "'collate' needs a size of at least 1";
        }
        return null;
    }

    private static boolean isSummable(Object value, LandedScript self) {
        Kind kind = kind(value, self);
        return kind == Kind.NUMBER || kind == Kind.STRING || kind == Kind.LIST || kind == Kind.SET || kind == Kind.MAP
                || kind == Kind.NULL;
    }

    private static boolean isIndex(Object key) {
        return switch (key) {
            case Number n -> true;
            case Range<?> r -> r.getFrom() instanceof Number;
            case Collection<?> c -> c.stream().allMatch(AllowList::isIndex);
            case null, default -> false;
        };
    }

    /**
     * Describes a value's type for an error message, without calling anything on the value.
     *
     * @param value the value
     * @return such as {@code java.io.File} or {@code null}
     */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Closure<?>) {
            return "a closure";
        }
        if (value instanceof GString) {
            return "a GString";
        }
        return value.getClass().getName();
    }
}
