package dev.hbi.samples.chat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One chat message, as hbichat's {@code Msg(from_, content, time_)}. On the wire it is the call
 * {@code Msg('bob', 'hi', 1795307779.027)}: Python sends float epoch seconds, Go integer seconds; both land
 * here as a double.
 *
 * @param from    the nick of who said it
 * @param content the text
 * @param time    when it was said, in seconds since the epoch
 */
public record Msg(String from, String content, double time) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /**
     * Checks the message.
     *
     * @param from    the nick of who said it
     * @param content the text
     * @param time    when it was said, in seconds since the epoch
     */
    public Msg {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(content, "content");
    }

    /**
     * Makes a message said now.
     *
     * @param from    the nick of who says it
     * @param content the text
     * @return the message
     */
    public static Msg now(String from, String content) {
        return new Msg(from, content, System.currentTimeMillis() / 1000.0);
    }

    /**
     * Writes the message as hbichat's client shows it: {@code [2019-05-16 17:28:39] bob: hi}, in local time.
     *
     * @return the line
     */
    public String display() {
        return "[" + SHOWN.format(Instant.ofEpochMilli((long) (time * 1000))) + "] " + from + ": " + content;
    }
}
