package dev.hbi.internal.wire;

import java.util.StringJoiner;

/**
 * One line per frame, for the {@code dev.hbi.frames} logger at TRACE level:
 * {@code >> 0x00000003     12 CODE          OBJECT|MORE}. A DATA frame received in pieces logs a line per
 * piece, naming the bytes it holds: {@code << 0x00000003  65536 DATA          bytes 0..8183}.
 */
public final class FrameLog {

    private FrameLog() {
    }

    /**
     * Formats one frame.
     *
     * @param inbound whether the frame was received ({@code <<}) or sent ({@code >>})
     * @param frame   the frame
     * @return the line
     */
    public static String format(boolean inbound, Frame frame) {
        String type;
        int length;
        String detail;
        switch (frame) {
            case Frame.Data d -> {
                type = "DATA";
                length = d.frameLength();
                detail = d.first() && d.last() ? ""
                        : "bytes " + d.offset() + ".." + (d.offset() + d.payload().remaining());
            }
            case Frame.Code c -> {
                type = "CODE";
                length = c.text().remaining();
                detail = flags(c.object() ? "OBJECT" : null, c.more() ? "MORE" : null);
            }
            case Frame.End e -> {
                type = "END";
                length = 0;
                detail = "";
            }
            case Frame.Reset r -> {
                type = "RESET";
                length = withMessage(r.message());
                detail = r.errorCode() + " " + r.message();
            }
            case Frame.WindowUpdate w -> {
                type = "WINDOW_UPDATE";
                length = 4;
                detail = "+" + w.increment();
            }
            case Frame.Ping p -> {
                type = "PING";
                length = 8;
                detail = flags(p.ack() ? "ACK" : null);
            }
            case Frame.GoAway g -> {
                type = "GOAWAY";
                length = withMessage(g.message());
                detail = g.errorCode() + " " + g.message();
            }
            case Frame.SettingsFrame s -> {
                type = "SETTINGS";
                length = s.settings().encode().remaining();
                detail = s.settings().toString();
            }
            case Frame.Notify n -> {
                type = "NOTIFY";
                length = n.text().remaining();
                detail = "";
            }
            case Frame.Notified n -> {
                type = "NOTIFIED";
                length = withMessage(n.failure());
                detail = n.count() + (n.failure().isEmpty() ? "" : " failed: " + n.failure());
            }
            case Frame.Unknown u -> {
                type = "type-0x" + Integer.toHexString(u.typeCode());
                length = u.length();
                detail = "(ignored)";
            }
        }
        return String.format("%s 0x%08x %6d %-13s %s", inbound ? "<<" : ">>", frame.conversationId(), length, type,
                detail).stripTrailing();
    }

    /** The payload length of a frame of a 4-byte value and a message: RESET, GOAWAY, NOTIFIED. */
    private static int withMessage(String message) {
        return 4 + Utf8.encodeAtMost(message, Integer.MAX_VALUE).length;
    }

    private static String flags(String... names) {
        StringJoiner joined = new StringJoiner("|");
        for (String n : names) {
            if (n != null) {
                joined.add(n);
            }
        }
        return joined.toString();
    }
}
