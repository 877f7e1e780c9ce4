package dev.hbi;

import dev.hbi.internal.convert.Conversions;
import dev.hbi.spi.LandingContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The arguments of one call of a hosted function, as landed from the peer's script, with the context
 * it was landed in. {@code f(1, 'a', flag=True)} has two positional arguments and one keyword argument.
 *
 * <p>Landed values are {@code null}, {@link Boolean}, {@link Integer}, {@link Long} or
 * {@link java.math.BigInteger} (the smallest that holds the number), {@link Double}, {@link String},
 * {@code byte[]}, {@link List}, {@link Tuple}, {@link Map}, {@link java.util.Set}, or whatever an exposed
 * function or constructor returned. The typed accessors convert them, and throw
 * {@link IllegalArgumentException} naming the argument and what arrived when they cannot.
 */
public final class Args {

    /** Shared by every call without keyword arguments: read-only, like every keyword map of an Args. */
    private static final Map<String, Object> NO_KEYWORDS = Collections.unmodifiableMap(new LinkedHashMap<>());

    private final LandingContext context;
    private final List<Object> positional;
    private final Map<String, Object> keywords;

    private Args(LandingContext context, List<Object> positional, Map<String, Object> keywords) {
        this.context = context;
        this.positional = positional;
        this.keywords = keywords;
    }

    /**
     * Creates the arguments of a call. For landers.
     *
     * @param context    the context the call is landed in
     * @param positional the positional arguments, in order
     * @param keywords   the keyword arguments, in order
     * @return the arguments
     */
    public static Args of(LandingContext context, List<?> positional, Map<String, ?> keywords) {
        Objects.requireNonNull(context, "context");
        return new Args(context,
                Collections.unmodifiableList(new java.util.ArrayList<>(positional)),
                keywords.isEmpty() ? NO_KEYWORDS : Collections.unmodifiableMap(new LinkedHashMap<>(keywords)));
    }

    /**
     * Returns the number of positional arguments.
     *
     * @return how many positional arguments were passed
     */
    public int size() {
        return positional.size();
    }

    /**
     * Returns the positional arguments.
     *
     * @return an unmodifiable list
     */
    public List<Object> positional() {
        return positional;
    }

    /**
     * Returns the keyword arguments in the order they were written.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> keywords() {
        return keywords;
    }

    /**
     * Returns a positional argument as landed.
     *
     * @param index 0-based position
     * @return the argument, possibly {@code null}
     * @throws IllegalArgumentException if there is no such argument
     */
    public Object get(int index) {
        if (index < 0 || index >= positional.size()) {
            throw new IllegalArgumentException("argument " + index + " is missing: "
                    + positional.size() + " positional argument(s) were passed");
        }
        return positional.get(index);
    }

    /**
     * Returns a positional argument converted to a type.
     *
     * @param index 0-based position
     * @param type  the wanted type; primitives, boxes, strings, numbers, lists, maps, arrays and enums
     * @param <T>   the wanted type
     * @return the converted argument
     * @throws IllegalArgumentException if there is no such argument or it cannot be converted
     */
    public <T> T get(int index, Class<T> type) {
        return Conversions.convert(get(index), type, "argument " + index);
    }

    /**
     * Returns a positional argument that must be a string.
     *
     * @param index 0-based position
     * @return the string
     */
    public String string(int index) {
        return get(index, String.class);
    }

    /**
     * Returns a positional argument that must be an integer in {@code int} range.
     *
     * @param index 0-based position
     * @return the value
     */
    public int intValue(int index) {
        return get(index, Integer.class);
    }

    /**
     * Returns a positional argument that must be an integer in {@code long} range.
     *
     * @param index 0-based position
     * @return the value
     */
    public long longValue(int index) {
        return get(index, Long.class);
    }

    /**
     * Returns a positional argument that must be a number.
     *
     * @param index 0-based position
     * @return the value as a double
     */
    public double doubleValue(int index) {
        return get(index, Double.class);
    }

    /**
     * Returns a positional argument that must be a boolean.
     *
     * @param index 0-based position
     * @return the value
     */
    public boolean bool(int index) {
        return get(index, Boolean.class);
    }

    /**
     * Returns a keyword argument as landed.
     *
     * @param name the keyword
     * @return the argument, or empty if it was not passed (or was passed as {@code None})
     */
    public Optional<Object> keyword(String name) {
        return Optional.ofNullable(keywords.get(name));
    }

    /**
     * Returns an argument given either at a position or by keyword, converted to a type: what Python
     * does for {@code def f(nick)} called as {@code f('bob')} or {@code f(nick='bob')}.
     *
     * @param index 0-based position
     * @param name  the keyword
     * @param type  the wanted type
     * @param <T>   the wanted type
     * @return the converted argument
     * @throws IllegalArgumentException if it was passed both ways, not at all, or cannot be converted
     */
    public <T> T get(int index, String name, Class<T> type) {
        boolean atIndex = index < positional.size();
        boolean byName = keywords.containsKey(name);
        if (atIndex && byName) {
            throw new IllegalArgumentException("argument '" + name + "' was passed both by position and by keyword");
        }
        if (byName) {
            return Conversions.convert(keywords.get(name), type, "argument '" + name + "'");
        }
        if (!atIndex) {
            throw new IllegalArgumentException("argument '" + name + "' (position " + index + ") is missing");
        }
        return get(index, type);
    }

    /**
     * Returns the context this call is landed in.
     *
     * @return the landing context
     */
    public LandingContext context() {
        return context;
    }

    /**
     * Returns the environment the call is landed against.
     *
     * @return the effective hosting environment
     */
    public HostingEnv env() {
        return context.env();
    }

    /**
     * Returns the hosting conversation that carried this call: the one to receive more from or to
     * answer on.
     *
     * @return the hosting conversation
     * @throws IllegalStateException if the call was not sent by the peer as a request (for example it
     *                               is part of an answer landed by a posting conversation, or of an
     *                               {@linkplain PostingEnd#notifyInOrder ordered notification})
     */
    public HostingConversation conversation() {
        return context.conversation().orElseThrow(() -> new IllegalStateException(
                "this call is not landed for a hosting conversation: only code the peer posts in a conversation"
                        + " has one (an answer has none, nor has an ordered notification)"));
    }

    /**
     * Returns the posting end of the connection, to post to the peer.
     *
     * @return the posting end
     */
    public PostingEnd postingEnd() {
        return context.postingEnd();
    }

    /**
     * Returns the hosting end of the connection.
     *
     * @return the hosting end
     */
    public HostingEnd hostingEnd() {
        return context.hostingEnd();
    }

    @Override
    public String toString() {
        return "Args" + positional + (keywords.isEmpty() ? "" : keywords);
    }
}
