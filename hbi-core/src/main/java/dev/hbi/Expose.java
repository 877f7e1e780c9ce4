package dev.hbi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as part of an HBI interface, on either side.
 *
 * <p>On a <b>reactor object</b> given to {@link HostingEnv#exposeReactor(Object)}: if any of its methods
 * carries {@code @Expose}, exactly those are exposed, under {@link #value()} (or their own name) with
 * {@link #doc()}. Landed arguments are converted to the parameter types (records from dicts or from their
 * exposed constructor; other structured types through a {@link dev.hbi.spi.ValueMapper} such as
 * {@code hbi-jackson}'s); a {@code byte[]} or {@code ByteBuffer} parameter receives HBI data, as many
 * bytes as the script passes at its position (the reference's {@code Say(msg_id, msg_len)} followed by
 * the bytes); a parameter of type {@link HostingConversation}, {@link PostingEnd}, {@link Args}... is
 * filled from the call's context. Unless the method takes the {@link HostingConversation} (and answers
 * itself), a value it returns is sent back as the answer object; a {@code byte[]} or {@code ByteBuffer}
 * returned is answered as its length, then the bytes as data.
 *
 * <p>On an <b>interface</b> given to {@link PostingEnd#proxy(Class)}: calling the method posts
 * {@code value(args...)}, written with the arguments' literals (a {@code byte[]} or {@code ByteBuffer}
 * argument as its length, its bytes sent as data after the code); a non-void method waits for the answer
 * and converts it to its return type, a {@code CompletableFuture} one does that without blocking the
 * caller, and a {@code void} method with {@link #oneWay()} does not wait at all.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Expose {

    /**
     * Returns the name scripts use; the method's own name if empty.
     *
     * @return the exposed name
     */
    String value() default "";

    /**
     * Returns a one-line description, for {@code hbi list}.
     *
     * @return the doc
     */
    String doc() default "";

    /**
     * Tells whether a call through a proxy is a fire-and-forget notification (for {@code void} methods):
     * it returns once the code is sent.
     *
     * @return {@code true} for a notification
     */
    boolean oneWay() default false;
}
