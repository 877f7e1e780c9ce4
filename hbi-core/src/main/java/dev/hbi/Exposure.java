package dev.hbi;

import java.util.Objects;

/**
 * One name in a {@link HostingEnv}: a function, a constructor, or a value. Landers resolve the names in
 * peer scripts to exposures; tools list them ({@link #signature()}, {@link #doc()}).
 */
public final class Exposure {

    /** What an exposed name stands for. */
    public enum Kind {
        /** A hosted function or a method of an exposed reactor. */
        FUNCTION,
        /** A constructor: calling it makes a value, as hbichat's {@code Msg(...)}. */
        CONSTRUCTOR,
        /** A value, read by name. */
        VALUE
    }

    private final String name;
    private final Kind kind;
    private final Object value;
    private final HostedFunction function;
    private final String parameters;
    private final String doc;

    private Exposure(String name, Kind kind, Object value, HostedFunction function, String parameters, String doc) {
        this.name = name;
        this.kind = kind;
        this.value = value;
        this.function = function;
        this.parameters = parameters;
        this.doc = doc;
    }

    static Exposure value(String name, Object value, String doc) {
        return new Exposure(name, Kind.VALUE, value, null, "", doc);
    }

    static Exposure callable(String name, Kind kind, HostedFunction function, String parameters, String doc) {
        Objects.requireNonNull(function, "function");
        return new Exposure(name, kind, null, function, parameters, doc);
    }

    /**
     * Returns the exposed name.
     *
     * @return the name peer scripts use
     */
    public String name() {
        return name;
    }

    /**
     * Returns what the name stands for.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Tells whether the name can be called: a function or a constructor.
     *
     * @return {@code true} unless this is a value
     */
    public boolean isCallable() {
        return kind != Kind.VALUE;
    }

    /**
     * Returns the exposed value.
     *
     * @return the value, possibly {@code null}
     * @throws IllegalStateException if this is a function or constructor
     */
    public Object value() {
        if (isCallable()) {
            throw new IllegalStateException(name + " is a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + ", not a value");
        }
        return value;
    }

    /**
     * Calls the exposed function or constructor.
     *
     * @param args the landed arguments
     * @return the value of the call
     * @throws Exception whatever the function throws
     * @throws IllegalStateException if this is a value
     */
    public Object call(Args args) throws Exception {
        if (!isCallable()) {
            throw new IllegalStateException(name + " is a value, not a function");
        }
        return function.call(args);
    }

    /**
     * Returns the parameters as they would be written in a call, such as {@code "nick"} or
     * {@code "room_id, fn, fsz"}; {@code "..."} when unknown; empty for values.
     *
     * @return the parameter list
     */
    public String parameters() {
        return parameters;
    }

    /**
     * Returns how a call looks, such as {@code "SetNick(nick)"}, or just the name for a value.
     *
     * @return the signature
     */
    public String signature() {
        return isCallable() ? name + "(" + parameters + ")" : name;
    }

    /**
     * Returns the one-line documentation given when the name was exposed.
     *
     * @return the doc, empty if none
     */
    public String doc() {
        return doc;
    }

    @Override
    public String toString() {
        return kind + " " + signature();
    }
}
