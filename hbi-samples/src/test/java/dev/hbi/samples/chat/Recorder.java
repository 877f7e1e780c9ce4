package dev.hbi.samples.chat;

import dev.hbi.samples.chat.client.ChatListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A listener that records what the server pushed as lines such as {@code joined bob #Garden} or
 * {@code msg #Lobby bob: hi}, for tests to wait for in order.
 */
public final class Recorder implements ChatListener {

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    /** Makes a recorder that has heard nothing yet. */
    public Recorder() {
    }

    @Override
    public void notice(String text) {
        events.add("notice " + text);
    }

    @Override
    public void nickChanged(String nick) {
        events.add("nick " + nick);
    }

    @Override
    public void inRoom(String roomId) {
        events.add("room " + roomId);
    }

    @Override
    public void roomMsgs(MsgsInRoom msgs, boolean ourRoom) {
        msgs.msgs().forEach(m -> events.add("msg #" + msgs.roomId() + " " + m.from() + ": " + m.content()));
    }

    @Override
    public void said(int msgId, String text) {
        events.add("said " + msgId + " " + text);
    }

    @Override
    public void joined(String nick, String roomId) {
        events.add("joined " + nick + " #" + roomId);
    }

    @Override
    public void left(String nick, String roomId) {
        events.add("left " + nick + " #" + roomId);
    }

    /**
     * Waits for the next event that starts with a prefix, skipping others.
     *
     * @param prefix the start of the wanted event
     * @return the event
     * @throws AssertionError if it does not come within 5 seconds
     */
    public String await(String prefix) throws InterruptedException {
        List<String> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            String event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no event starting with '" + prefix + "' came; got " + skipped);
            }
            if (event.startsWith(prefix)) {
                return event;
            }
            skipped.add(event);
        }
    }

    /**
     * Waits for the next message pushed, whatever it is.
     *
     * @return the message event, {@code msg #room from: content}
     */
    public String nextMsg() throws InterruptedException {
        return await("msg ");
    }
}
