package dev.hbi.internal.wire;

import dev.hbi.HbiProtocolException;
import java.nio.ByteBuffer;

/**
 * The settings one side of the multiplexed wire sends in its preface: what it accepts
 * (docs/wire-protocol.md §4.8).
 *
 * @param maxFrameSize               the largest frame payload accepted
 * @param initialWindowSize          the initial receive window of each conversation
 * @param connectionWindowSize       the initial receive window of the connection
 * @param maxConcurrentConversations how many conversations the peer may have open towards this side
 * @param maxScriptSize              the longest script accepted
 * @param landsNotifications         whether NOTIFY frames are accepted and landed (§12)
 */
public record Settings(int maxFrameSize, int initialWindowSize, int connectionWindowSize,
                       int maxConcurrentConversations, int maxScriptSize, boolean landsNotifications) {

    /** The settings a side has when it sends none (§4.8). */
    public static final Settings DEFAULTS = new Settings(65536, 1 << 20, 32 << 20, 10_000, 1 << 20, false);

    private static final int MIN_FRAME = 16384;
    private static final int MAX_FRAME = (1 << 24) - 1;
    private static final int ENTRY = 6;
    private static final int NOTIFICATIONS = 6;
    private static final String[] NAMES = {"MAX_FRAME_SIZE", "INITIAL_WINDOW_SIZE", "CONNECTION_WINDOW_SIZE",
        "MAX_CONCURRENT_CONVERSATIONS", "MAX_SCRIPT_SIZE", "NOTIFICATIONS"};

    /**
     * Checks the ranges of §4.8.
     *
     * @param maxFrameSize               the largest frame payload accepted
     * @param initialWindowSize          the initial conversation window
     * @param connectionWindowSize       the initial connection window
     * @param maxConcurrentConversations the concurrency limit
     * @param maxScriptSize              the longest script accepted
     * @param landsNotifications         whether NOTIFY frames are landed
     */
    public Settings {
        check(maxFrameSize >= MIN_FRAME && maxFrameSize <= MAX_FRAME, "MAX_FRAME_SIZE", maxFrameSize);
        check(initialWindowSize > 0, "INITIAL_WINDOW_SIZE", initialWindowSize);
        check(connectionWindowSize > 0, "CONNECTION_WINDOW_SIZE", connectionWindowSize);
        check(maxConcurrentConversations > 0, "MAX_CONCURRENT_CONVERSATIONS", maxConcurrentConversations);
        check(maxScriptSize > 0 && maxScriptSize <= initialWindowSize, "MAX_SCRIPT_SIZE", maxScriptSize);
    }

    private static void check(boolean ok, String name, int value) {
        if (!ok) {
            throw new HbiProtocolException("setting " + name + " = " + Integer.toUnsignedString(value)
                    + " is out of range (wire-protocol.md §4.8)");
        }
    }

    /**
     * Decodes a SETTINGS payload; missing settings keep their defaults, unknown ones are ignored.
     *
     * @param payload the payload, a multiple of 6 bytes
     * @return the settings
     * @throws HbiProtocolException if a value is out of range
     */
    public static Settings decode(ByteBuffer payload) {
        int[] values = {DEFAULTS.maxFrameSize, DEFAULTS.initialWindowSize, DEFAULTS.connectionWindowSize,
                DEFAULTS.maxConcurrentConversations, DEFAULTS.maxScriptSize, 0};
        while (payload.remaining() >= ENTRY) {
            int id = Short.toUnsignedInt(payload.getShort());
            int value = payload.getInt();
            if (id >= 1 && id <= values.length) {
                if (value < 0 || id == NOTIFICATIONS && value > 1) {
                    check(false, NAMES[id - 1], value);
                }
                values[id - 1] = value;
            }
        }
        return new Settings(values[0], values[1], values[2], values[3], values[4], values[5] == 1);
    }

    /**
     * Encodes the settings as a SETTINGS payload, every setting included.
     *
     * @return the payload, ready to read
     */
    public ByteBuffer encode() {
        int[] values = {maxFrameSize, initialWindowSize, connectionWindowSize, maxConcurrentConversations, maxScriptSize,
                landsNotifications ? 1 : 0};
        ByteBuffer out = ByteBuffer.allocate(values.length * ENTRY);
        for (int i = 0; i < values.length; i++) {
            out.putShort((short) (i + 1)).putInt(values[i]);
        }
        return out.flip();
    }
}
