package dev.hbi.samples.chat.client;

import dev.hbi.Expose;
import dev.hbi.samples.chat.MsgsInRoom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client's side of a chat connection, as hbichat's consumer {@code Chatter}: a reactor whose
 * {@link Expose}d methods are what the server's pushes and back-scripts call, under the wire's names
 * ({@code RoomMsgs(MsgsInRoom('Lobby', [Msg('bob', 'hi', 1795307779.02)]))} lands as
 * {@link #roomMsgs(MsgsInRoom)} with a record built by its exposed constructor). It keeps the nick and
 * room the server last told, and the messages said but not yet confirmed, and passes every event on to a
 * {@link ChatListener}. Called on the connection's hosting threads, several at once.
 */
public final class ConsumerChatter {

    private final ChatListener listener;
    private final Map<Integer, String> unconfirmed = new ConcurrentHashMap<>();
    private final AtomicInteger nextMsgId = new AtomicInteger();
    private final CountDownLatch welcomed = new CountDownLatch(1);
    private volatile String nick = "?";
    private volatile String room = "?";

    ConsumerChatter(ChatListener listener) {
        this.listener = listener;
    }

    String nick() {
        return nick;
    }

    String room() {
        return room;
    }

    /**
     * Waits for the server's welcome: hbichat's servers push {@code NickChanged}, {@code InRoom} and
     * {@code ShowNotice} as the connection starts.
     *
     * @return {@code true} if it came in time
     */
    boolean awaitWelcome(Duration timeout) throws InterruptedException {
        return welcomed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Keeps a message until the server confirms it, and returns its id. */
    int sending(String text) {
        int id = nextMsgId.getAndIncrement();
        unconfirmed.put(id, text);
        return id;
    }

    /** Records the nick a {@code SetNick} request was answered with. */
    void nickTaken(String taken) {
        nick = taken;
    }

    /**
     * Shows a notice.
     *
     * @param text the notice
     */
    @Expose("ShowNotice")
    public void showNotice(String text) {
        listener.notice(text);
        welcomed.countDown();
    }

    /**
     * Takes the nick the server gave.
     *
     * @param nick the nick
     */
    @Expose("NickChanged")
    public void nickChanged(String nick) {
        this.nick = nick;
        listener.nickChanged(nick);
    }

    /**
     * Takes the room the server put this client in.
     *
     * @param roomId the room
     */
    @Expose("InRoom")
    public void inRoom(String roomId) {
        this.room = roomId;
        listener.inRoom(roomId);
    }

    /**
     * Receives messages of a room.
     *
     * @param msgs the messages
     */
    @Expose("RoomMsgs")
    public void roomMsgs(MsgsInRoom msgs) {
        listener.roomMsgs(msgs, msgs.roomId().equals(room));
    }

    /**
     * Learns that a message was posted.
     *
     * @param msgId the id this client gave it
     */
    @Expose("Said")
    public void said(int msgId) {
        String text = unconfirmed.remove(msgId);
        listener.said(msgId, text == null ? "?" : text);
    }

    /**
     * Learns that someone came into a room.
     *
     * @param nick   who
     * @param roomId the room
     */
    @Expose("ChatterJoined")
    public void chatterJoined(String nick, String roomId) {
        listener.joined(nick, roomId);
    }

    /**
     * Learns that someone left a room.
     *
     * @param nick   who
     * @param roomId the room
     */
    @Expose("ChatterLeft")
    public void chatterLeft(String nick, String roomId) {
        listener.left(nick, roomId);
    }
}
