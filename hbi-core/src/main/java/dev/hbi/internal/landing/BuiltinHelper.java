package dev.hbi.internal.landing;

import dev.hbi.internal.convert.Conversions;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The only callables a script can reach that the host did not expose: the few Python builtins that
 * Python's {@code repr} (and {@link dev.hbi.Repr}) emit, so that their output lands. A helper is found
 * only when the name is neither exposed nor assigned by the peer, so a host can replace one. Each
 * takes positional arguments only and throws {@link IllegalArgumentException} with a message for the
 * peer when its arguments do not fit. Stateless.
 */
enum BuiltinHelper {

    /** {@code float(x)}: Python's {@code repr} of a non-finite float is {@code float('nan')} etc. */
    FLOAT("float") {
        @Override
        Object apply(List<Object> args) {
            arity(args, 1);
            return args.isEmpty() ? 0.0 : toFloat(args.get(0));
        }
    },
    /** {@code set()} or {@code set(iterable)}: the empty set has no display. */
    SET("set") {
        @Override
        Object apply(List<Object> args) {
            arity(args, 1);
            return args.isEmpty() ? new LinkedHashSet<>() : setOf(args.get(0), this);
        }
    },
    /** {@code frozenset(iterable)}: lands as an unmodifiable set, which can be a dict key. */
    FROZENSET("frozenset") {
        @Override
        Object apply(List<Object> args) {
            arity(args, 1);
            return Keys.freeze(args.isEmpty() ? new LinkedHashSet<>() : setOf(args.get(0), this));
        }
    },
    /** {@code bytearray(b'..')}: Python's repr of a bytearray; lands as {@code byte[]}. */
    BYTEARRAY("bytearray") {
        @Override
        Object apply(List<Object> args) {
            arity(args, 1);
            return args.isEmpty() ? new byte[0] : toBytes(args.get(0));
        }
    };

    private final String pythonName;

    BuiltinHelper(String pythonName) {
        this.pythonName = pythonName;
    }

    /**
     * Finds a helper.
     *
     * @param name the name called
     * @return the helper, or {@code null} if there is none of that name
     */
    static BuiltinHelper named(String name) {
        return switch (name) {
            case "float" -> FLOAT;
            case "set" -> SET;
            case "frozenset" -> FROZENSET;
            case "bytearray" -> BYTEARRAY;
            default -> null;
        };
    }

    String pythonName() {
        return pythonName;
    }

    /**
     * Applies the helper.
     *
     * @param args the positional arguments
     * @return the value
     * @throws IllegalArgumentException if the arguments do not fit
     */
    abstract Object apply(List<Object> args);

    void arity(List<Object> args, int max) {
        if (args.size() > max) {
            throw new IllegalArgumentException(pythonName + "() takes at most " + max + " argument ("
                    + args.size() + " given)");
        }
    }

    private static double toFloat(Object value) {
        return switch (value) {
            case Boolean b -> b ? 1.0 : 0.0;
            case BigInteger big when Double.isInfinite(big.doubleValue()) ->
                    throw new IllegalArgumentException("int too large to convert to float");
            case Number n -> n.doubleValue();
            case String s -> FloatText.parse(s);
            default -> throw new IllegalArgumentException("float() argument must be a string or a real number, not "
                    + Conversions.describe(value));
        };
    }

    private static Set<Object> setOf(Object iterable, BuiltinHelper helper) {
        Set<Object> set = new LinkedHashSet<>();
        for (Object element : elements(iterable, helper)) {
            String whyNot = Keys.whyNot(element, "a set element");
            if (whyNot != null) {
                throw new IllegalArgumentException(whyNot);
            }
            set.add(element);
        }
        return set;
    }

    private static Collection<?> elements(Object iterable, BuiltinHelper helper) {
        return switch (iterable) {
            case Collection<?> c -> c;
            case Map<?, ?> m -> m.keySet();
            case String s -> s.codePoints().mapToObj(Character::toString).toList();
            case byte[] bytes -> {
                List<Object> ints = new ArrayList<>(bytes.length);
                for (byte b : bytes) {
                    ints.add(b & 0xFF);
                }
                yield ints;
            }
            default -> throw new IllegalArgumentException(helper.pythonName + "() needs an iterable, not "
                    + Conversions.describe(iterable));
        };
    }

    private static byte[] toBytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (!(value instanceof Collection<?> ints)) {
            throw new IllegalArgumentException("bytearray() takes bytes or a list of ints from 0 to 255 here, not "
                    + Conversions.describe(value));
        }
        byte[] bytes = new byte[ints.size()];
        int i = 0;
        for (Object element : ints) {
            if (!(element instanceof Integer b) || b < 0 || b > 255) {
                throw new IllegalArgumentException("bytearray() needs ints from 0 to 255, not "
                        + Conversions.describe(element));
            }
            bytes[i++] = (byte) (int) b;
        }
        return bytes;
    }

    /** Python's {@code float(str)}: a decimal number, or nan / inf / infinity in any case, signed. */
    private static final class FloatText {

        static double parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            boolean negative = t.startsWith("-");
            String unsigned = negative || t.startsWith("+") ? t.substring(1) : t;
            double magnitude = switch (unsigned) {
                case "nan" -> Double.NaN;
                case "inf", "infinity" -> Double.POSITIVE_INFINITY;
                default -> {
                    if (!isDecimal(unsigned)) {
                        throw new IllegalArgumentException("could not convert string to float: "
                                + Conversions.describe(text));
                    }
                    yield Double.parseDouble(unsigned.replace("_", ""));
                }
            };
            return negative ? -magnitude : magnitude;
        }

        private static boolean isDecimal(String s) {
            int i = digits(s, 0);
            boolean any = i > 0;
            if (i < s.length() && s.charAt(i) == '.') {
                int fraction = digits(s, i + 1);
                any |= fraction > i + 1;
                i = fraction;
            }
            if (any && i < s.length() && s.charAt(i) == 'e') {
                int e = i + 1 < s.length() && (s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-') ? i + 2 : i + 1;
                i = digits(s, e);
                any = i > e;
            }
            return any && i == s.length();
        }

        /** The end of a run of ASCII digits with single underscores between them (PEP 515). */
        private static int digits(String s, int from) {
            int i = from;
            while (i < s.length() && (isDigit(s.charAt(i))
                    || s.charAt(i) == '_' && i > from && isDigit(s.charAt(i - 1))
                    && i + 1 < s.length() && isDigit(s.charAt(i + 1)))) {
                i++;
            }
            return i;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
