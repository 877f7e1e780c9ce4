package dev.hbi.internal;

import java.util.Set;

/**
 * The rules for names in hosting environments, shared by {@link dev.hbi.HostingEnv} and the landers so
 * that what can be exposed is exactly what a script can name.
 */
public final class Names {

    /**
     * Names every lander reads as constants, so they cannot be exposed or assigned: Python's and Java's
     * spellings of null and the booleans, Go's {@code nil}, and the non-finite floats that Python's
     * {@code repr} emits ({@code nan}, {@code inf}) and Go's {@code %#v} emits ({@code NaN}, {@code Inf}).
     */
    public static final Set<String> CONSTANTS = Set.of(
            "None", "True", "False", "null", "true", "false", "nil",
            "nan", "NaN", "inf", "Inf", "Infinity");

    /**
     * HBI's own introspection function, exposed by every environment unless switched off: it answers
     * what the environment exposes. Names HBI itself provides start with {@code __}, which no user
     * exposure can.
     */
    public static final String LIST_FUNCTION = "__hbi_list__";

    private Names() {
    }

    /**
     * Tells whether a reserved name is one of HBI's own functions, which scripts may call.
     *
     * @param name the name
     * @return {@code true} for {@link #LIST_FUNCTION}
     */
    public static boolean isHbiFunction(String name) {
        return LIST_FUNCTION.equals(name);
    }

    /**
     * Tells whether a string is an identifier a script can write: a letter or underscore, then letters,
     * digits or underscores (Unicode letters included, as in Python 3).
     *
     * @param name the candidate
     * @return {@code true} if it is an identifier
     */
    public static boolean isIdentifier(String name) {
        if (name.isEmpty()) {
            return false;
        }
        int first = name.codePointAt(0);
        if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
            return false;
        }
        return name.codePoints().skip(1).allMatch(c -> c == '_' || Character.isUnicodeIdentifierPart(c)
                && !Character.isIdentifierIgnorable(c));
    }

    /**
     * Tells whether a name is reserved: the dunder names HBI keeps for itself (such as
     * {@code __hbi_init__}) and the {@link #CONSTANTS}.
     *
     * @param name the name
     * @return {@code true} if scripts may neither be given nor assign it
     */
    public static boolean isReserved(String name) {
        return name.startsWith("__") || CONSTANTS.contains(name);
    }

    /**
     * Checks that a name can be exposed.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if it is not an identifier or is reserved
     */
    public static String checkExposable(String name) {
        if (!isIdentifier(name)) {
            throw new IllegalArgumentException("'" + name + "' is not an identifier a script can name");
        }
        if (isReserved(name)) {
            throw new IllegalArgumentException("'" + name + "' is reserved: names starting with __ and the"
                    + " constants " + CONSTANTS + " cannot be exposed");
        }
        return name;
    }
}
