package dev.hbi.samples.chat.server;

import dev.hbi.DisconnectCause;
import dev.hbi.Expose;
import dev.hbi.Hbi;
import dev.hbi.HostingConversation;
import dev.hbi.HostingEnd;
import dev.hbi.PostingEnd;
import dev.hbi.samples.chat.Chunks;
import dev.hbi.samples.chat.Msg;
import dev.hbi.samples.chat.MsgsInRoom;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import static dev.hbi.samples.chat.ChatTypes.call;
import static dev.hbi.samples.chat.Chunks.kiB;

/**
 * The server's side of one chat connection, as hbichat's service {@code Chatter}: a reactor whose
 * {@link Expose}d methods are the service API that client scripts call, under the wire's names
 * ({@code SetNick('bob')} lands as {@link #setNick(String)}). Each runs on its request's hosting
 * conversation: a method that returns a value answers with it, one that takes the
 * {@link HostingConversation} answers on it itself (back-scripts, data). What other chatters must hear is
 * pushed to them through their {@link Outbox}es.
 */
public final class ServiceChatter {

    /** The longest message {@code Say} takes: a chat line, not a file. */
    static final int MAX_MSG_BYTES = 64 << 10;

    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final Hall hall;
    private final ReentrantLock moving = new ReentrantLock();
    private volatile PostingEnd po;
    private volatile Outbox outbox;
    private volatile String nick;
    private volatile Room room; // written under moving

    ServiceChatter(Hall hall) {
        this.hall = hall;
    }

    /** The init hook: welcomes the newcomer in the lobby, and tells the lobby. */
    void join(PostingEnd postingEnd, HostingEnd ho) {
        po = postingEnd;
        String address = Hbi.describe(po.remoteAddress());
        outbox = new Outbox(po, address);
        nick = "Stranger$" + address;
        Room lobby = hall.room(Hall.LOBBY);
        moving.lock();
        try {
            room = lobby;
            // as hbichat: the welcome goes out before init returns, so before the answer to any request of the
            // newcomer, and before it is in the lobby, so before any message said there
            po.notify(call("NickChanged", nick) + call("InRoom", lobby.id())
                    + call("ShowNotice", welcome(Hbi.describe(ho.localAddress()), lobby)));
            lobby.pushToOthers(call("ChatterJoined", nick, lobby.id()), this);
            lobby.enter(this);
        } finally {
            moving.unlock();
        }
    }

    private String welcome(String serverAddress, Room lobby) {
        StringBuilder text = new StringBuilder("\n@@ Welcome " + nick + ", this is chat service at " + serverAddress
                + " !\n -\n@@ There're " + hall.rooms().size() + " room(s) open, and you are in #" + lobby.id()
                + " now.\n");
        hall.rooms().values().forEach(r -> text.append("\n  -*-\t").append(r.size())
                .append(" chatter(s) in room #").append(r.id()));
        return text.toString();
    }

    /** The cleanup hook: leaves the room and tells who is still there. */
    void leave(PostingEnd ended, HostingEnd ho, DisconnectCause cause) {
        if (outbox == null) {
            return; // the connection ended before it was welcomed
        }
        moving.lock();
        try {
            room.leave(this);
            room.pushToOthers(call("ChatterLeft", nick, room.id()), this);
        } finally {
            moving.unlock();
        }
        outbox.close();
    }

    void push(String code) {
        outbox.push(code);
    }

    /**
     * Sets the nick: stripped; an empty one (or {@code None}) becomes {@code Anonymous@host:port}.
     *
     * @param nick the wanted nick
     * @return the nick taken, answered to the client
     */
    @Expose(value = "SetNick", doc = "Sets your nick (stripped; empty: Anonymous@host:port); answers the nick taken.")
    public String setNick(String nick) {
        String wanted = nick == null ? "" : nick.strip();
        this.nick = wanted.isEmpty() ? "Anonymous@" + Hbi.describe(po.remoteAddress()) : wanted;
        return this.nick;
    }

    /**
     * Moves to a room (an empty id is the lobby): answers with back-scripts {@code InRoom},
     * {@code ShowNotice} and the room's recent {@code RoomMsgs}, and tells both rooms.
     *
     * @param roomId the room
     * @param co     the request
     */
    @Expose(value = "GotoRoom", doc = "Moves you to a room (empty: the Lobby); back-scripts InRoom, ShowNotice and"
            + " RoomMsgs with its last messages.")
    public void gotoRoom(String roomId, HostingConversation co) {
        co.startSend();
        Room to = hall.room(roomId);
        Room from;
        moving.lock();
        try {
            from = room;
            from.leave(this);
            to.enter(this);
            room = to;
        } finally {
            moving.unlock();
        }
        co.sendCode(call("InRoom", to.id())
                + call("ShowNotice", "\n@@ You are in #" + to.id() + " now, " + to.size() + " chatter(s).\n")
                + call("RoomMsgs", to.recentMsgs()));
        from.pushToOthers(call("ChatterLeft", nick, from.id()), this);
        to.pushToOthers(call("ChatterJoined", nick, to.id()), this);
    }

    /**
     * Says a message: receives {@code msgLen} bytes of UTF-8 text after the call, posts it to the room,
     * and back-scripts {@code Said(msgId)}.
     *
     * <p>The length is a plain parameter, not a {@code byte[]} one, so that it is checked before anything
     * is allocated for it.
     *
     * @param msgId  the client's id for the message, sent back as it came
     * @param msgLen how many bytes of text follow
     * @param co     the request
     */
    @Expose(value = "Say", doc = "Says msg_len bytes of UTF-8 text that follow, in your room; back-scripts"
            + " Said(msg_id).")
    public void say(Object msgId, int msgLen, HostingConversation co) {
        if (msgLen < 0 || msgLen > MAX_MSG_BYTES) {
            throw new IllegalArgumentException("a message takes 0 to " + MAX_MSG_BYTES + " bytes, not " + msgLen);
        }
        ByteBuffer text = ByteBuffer.allocate(msgLen);
        co.recvData(text);
        co.startSend();
        room.post(Msg.now(nick, new String(text.array(), StandardCharsets.UTF_8)), this);
        co.sendCode(call("Said", msgId));
    }

    /**
     * Asks whether an upload would be taken.
     *
     * @param roomId the room whose folder would hold the file
     * @param fn     the file's name
     * @param fsz    its size in bytes
     * @return {@code null} if so, else the reason; answered to the client
     */
    @Expose(value = "UploadReq", doc = "Asks whether an upload would be taken: answers None, or the reason why not.")
    public String uploadReq(String roomId, String fn, long fsz) {
        return hall.files().uploadProblem(roomId, fn, fsz).orElse(null);
    }

    /**
     * Receives an upload of {@code fsz} bytes that follow the call, answers the CRC-32 of what arrived, and
     * tells the room. The rules of {@link #uploadReq} are checked again before a byte is read (a client may
     * skip the question, or lie in it), and the file is kept only if the request ends right after the
     * announced bytes: a client that sends more fails here; one that sends fewer fails when its data does
     * not come within the receive timeout. Either way nothing is kept.
     *
     * @param roomId the room whose folder holds the file
     * @param fn     the file's name
     * @param fsz    its size in bytes
     * @param co     the request
     * @throws IOException if the file cannot be written
     */
    @Expose(value = "RecvFile", doc = "Receives an upload of fsz bytes that follow; answers their CRC-32.")
    public void recvFile(String roomId, String fn, long fsz, HostingConversation co) throws IOException {
        long crc;
        try (RoomFiles.Upload upload = hall.files().startUpload(roomId, fn, fsz)) {
            crc = upload.receive(co::recvData);
            co.finishRecv();
            upload.keep();
        }
        co.startSend();
        co.sendValue(crc);
        co.close();
        room.post(Msg.now(nick, String.format("\n @*@ I just uploaded a file %x %d KB [%s]\n",
                crc, kiB(fsz), fn)), this);
    }

    /**
     * Lists a room's files.
     *
     * @param roomId the room
     * @return {@code [[size, name], ...]}, answered to the client
     * @throws IOException if the folder cannot be read
     */
    @Expose(value = "ListFiles", doc = "Lists a room's files: answers [[size, name], ...].")
    public List<List<Object>> listFiles(String roomId) throws IOException {
        return hall.files().list(roomId);
    }

    /**
     * Sends a file: answers {@code [size, "last modified: ..."]}, the bytes, then their CRC-32; or
     * {@code [-1, reason]} if there is no such file or the name is refused.
     *
     * @param roomId the room whose folder holds the file
     * @param fn     the file's name
     * @param co     the request
     * @throws IOException if the file cannot be read
     */
    @Expose(value = "SendFile", doc = "Sends a file: answers [size, note], the bytes, then their CRC-32;"
            + " or [-1, reason].")
    public void sendFile(String roomId, String fn, HostingConversation co) throws IOException {
        co.startSend();
        Optional<Path> file;
        try {
            file = hall.files().existing(roomId, fn);
        } catch (IllegalArgumentException badName) {
            co.sendValue(List.of(-1, badName.getMessage()));
            return;
        }
        if (file.isEmpty()) {
            co.sendValue(List.of(-1, "no such file"));
            return;
        }
        try (FileChannel in = FileChannel.open(file.get())) {
            long size = in.size();
            co.sendValue(List.of(size, "last modified: "
                    + MODIFIED.format(Files.getLastModifiedTime(file.get()).toInstant())));
            co.sendValue(Chunks.send(in, co::sendData, size, done -> { }));
        }
    }
}
