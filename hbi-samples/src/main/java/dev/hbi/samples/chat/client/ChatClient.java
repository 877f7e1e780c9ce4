package dev.hbi.samples.chat.client;

import dev.hbi.ConversationInterruptedException;
import dev.hbi.Hbi;
import dev.hbi.HbiConfig;
import dev.hbi.HbiConnection;
import dev.hbi.HbiTimeoutException;
import dev.hbi.HostingEnv;
import dev.hbi.PostingConversation;
import dev.hbi.samples.chat.ChatTypes;
import dev.hbi.samples.chat.Chunks;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import static dev.hbi.samples.chat.ChatTypes.call;

/**
 * A chat client: hbichat's consumer as a Java API, wire-compatible with hbichat's server (Python, classic
 * wire) and with {@link dev.hbi.samples.chat.server.ChatServer}. It is written with HBI's typed layer: the
 * service's calls go through a {@link ChatService} proxy, the server's pushes land in the
 * {@link ConsumerChatter} reactor, and the messages are the records {@link dev.hbi.samples.chat.Msg} and
 * {@link dev.hbi.samples.chat.MsgsInRoom}, exposed as constructors on both sides. Only the file transfers,
 * which stream with a progress line, are conversations written by hand. Each call is one conversation, as
 * in hbichat; calls may come from many threads at once. What the server pushes goes to a
 * {@link ChatListener}.
 *
 * <pre>{@code
 * try (ChatClient chat = ChatClient.connect(Hbi.address("127.0.0.1:3299"), listener, HbiConfig.defaults())) {
 *     chat.setNick("bob");
 *     chat.gotoRoom("Garden");
 *     chat.say("hello");
 * }
 * }</pre>
 */
public final class ChatClient implements AutoCloseable {

    private final HbiConnection connection;
    private final ConsumerChatter chatter;
    private final ChatService service;

    private ChatClient(HbiConnection connection, ConsumerChatter chatter) {
        this.connection = connection;
        this.chatter = chatter;
        this.service = connection.postingEnd().proxy(ChatService.class);
    }

    /**
     * Connects to a chat server, and waits for its welcome (the nick and room it gives, and a notice), so
     * that what this client asks next is answered after it.
     *
     * @param address  the server
     * @param listener told what the server pushes
     * @param config   the connection's settings (the default wire, AUTO, suits any chat server)
     * @return the client, connected
     * @throws HbiTimeoutException if the server sent no welcome within the receive timeout
     */
    public static ChatClient connect(SocketAddress address, ChatListener listener, HbiConfig config) {
        ConsumerChatter chatter = new ConsumerChatter(listener);
        HostingEnv env = ChatTypes.expose(HostingEnv.create()).exposeReactor(chatter);
        HbiConnection connection = Hbi.connect(address, env, config);
        try {
            if (!chatter.awaitWelcome(config.recvTimeout())) {
                throw new HbiTimeoutException("the server at " + Hbi.describe(address) + " sent no welcome within "
                        + config.recvTimeout().toSeconds() + " s: is it a chat server?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connection.close();
            throw new ConversationInterruptedException("interrupted while waiting for the server's welcome", e);
        } catch (HbiTimeoutException e) {
            connection.close();
            throw e;
        }
        return new ChatClient(connection, chatter);
    }

    /**
     * Returns the connection.
     *
     * @return the connection
     */
    public HbiConnection connection() {
        return connection;
    }

    /**
     * Returns the address of the server, as the prompt shows it.
     *
     * @return {@code host:port}
     */
    public String serverAddress() {
        return Hbi.describe(connection.remoteAddress());
    }

    /**
     * Returns the nick the server last gave, {@code "?"} before it did.
     *
     * @return the nick
     */
    public String nick() {
        return chatter.nick();
    }

    /**
     * Returns the room the server last put this client in, {@code "?"} before it did.
     *
     * @return the room
     */
    public String room() {
        return chatter.room();
    }

    /**
     * Asks for a nick: {@code SetNick(nick)}.
     *
     * @param nick the wanted nick
     * @return the nick the server gave
     */
    public String setNick(String nick) {
        String taken = service.setNick(nick);
        chatter.nickTaken(taken);
        return taken;
    }

    /**
     * Goes to a room: {@code GotoRoom(room_id)}. Returns once the server has answered it (with
     * {@code InRoom}, a notice and the room's recent messages, told to the listener).
     *
     * @param roomId the room; empty means the lobby
     */
    public void gotoRoom(String roomId) {
        service.gotoRoom(roomId);
    }

    /**
     * Says a message in the current room: {@code Say(msg_id, msg_len)} followed by the UTF-8 text. Returns
     * once the server has confirmed it with {@code Said}.
     *
     * @param text the message
     */
    public void say(String text) {
        service.say(chatter.sending(text), text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Lists the files shared in a room: {@code ListFiles(room_id)}.
     *
     * @param roomId the room
     * @return the files, as the server lists them
     */
    public List<SharedFile> listFiles(String roomId) {
        List<SharedFile> files = new ArrayList<>();
        for (List<Object> sizeAndName : service.listFiles(roomId)) {
            if (sizeAndName.size() != 2 || !(sizeAndName.get(0) instanceof Number size)) {
                throw new IllegalStateException("ListFiles answered " + sizeAndName + " where [size, name] belongs");
            }
            files.add(new SharedFile(String.valueOf(sizeAndName.get(1)), size.longValue()));
        }
        return files;
    }

    /**
     * Uploads a file: asks with {@code UploadReq(room_id, fn, fsz)}, then sends {@code RecvFile(room_id,
     * fn, fsz)} followed by the bytes, and receives the CRC-32 the server computed.
     *
     * @param roomId   the room whose folder receives the file
     * @param name     the file's name there
     * @param size     how many bytes {@code data} holds
     * @param data     the bytes
     * @param progress told how many bytes were sent so far
     * @return the transfer
     * @throws TransferRefusedException if the server refused the upload
     * @throws IOException              if reading the data fails
     */
    public FileTransfer upload(String roomId, String name, long size, ReadableByteChannel data, LongConsumer progress)
            throws IOException {
        String refusal = service.uploadReq(roomId, name, size);
        if (refusal != null) {
            throw new TransferRefusedException(refusal);
        }
        long start = System.nanoTime();
        try (PostingConversation co = connection.postingEnd().newConversation()) {
            co.sendCode(call("RecvFile", roomId, name, size));
            long crc;
            try {
                crc = Chunks.send(data, co::sendData, size, progress);
            } catch (IOException e) {
                abandon(co, "the upload of [" + name + "] failed midway: " + e.getMessage());
                throw e;
            }
            co.startRecv();
            return new FileTransfer(name, size, crc, checksum(co.recvObj()), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * Downloads a file: {@code SendFile(room_id, fn)}; the server answers {@code [size, note]}, the bytes
     * and their CRC-32.
     *
     * @param roomId   the room whose folder holds the file
     * @param name     the file's name
     * @param sink     opens where the bytes go, once the server has said how many come
     * @param progress told how many bytes were received so far
     * @return the transfer
     * @throws TransferRefusedException if the server has no such file, or refused the name
     * @throws IOException              if writing the data fails
     */
    public FileTransfer download(String roomId, String name, DownloadSink sink, LongConsumer progress)
            throws IOException {
        try (PostingConversation co = connection.postingEnd().newConversation()) {
            co.sendCode(call("SendFile", roomId, name));
            co.startRecv();
            List<?> sizeAndNote = co.recvObj(List.class);
            if (sizeAndNote.size() != 2 || !(sizeAndNote.get(0) instanceof Number announced)) {
                throw new IllegalStateException("SendFile answered " + sizeAndNote + " where [size, note] belongs");
            }
            long size = announced.longValue();
            String note = sizeAndNote.get(1) == null ? "" : String.valueOf(sizeAndNote.get(1));
            if (size < 0) {
                throw new TransferRefusedException(note);
            }
            long start = System.nanoTime();
            long crc;
            try (WritableByteChannel out = sink.open(size, note)) {
                crc = Chunks.receive(co::recvData, out, size, progress);
            } catch (IOException e) {
                abandon(co, "the download of [" + name + "] failed midway: " + e.getMessage());
                throw e;
            }
            return new FileTransfer(name, size, crc, checksum(co.recvObj()), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * Gives up a conversation whose data was cut short: the peer still sends or waits for the rest. The
     * multiplexed wire cancels just it; on the classic wire the stream would lose its place in the
     * unframed data, so only disconnecting is safe.
     */
    private void abandon(PostingConversation co, String reason) {
        if (connection.wire() == HbiConfig.Wire.MULTIPLEXED) {
            co.cancel(reason);
        } else {
            connection.disconnect(reason);
        }
    }

    /** The Python server answers an int, Go's a hex literal: both land as a number. */
    private static long checksum(Object answer) {
        return answer instanceof Number n ? n.longValue() : -1;
    }

    /** Disconnects, once what was sent is flushed. */
    @Override
    public void close() {
        connection.close();
    }

    /**
     * A file shared in a room, as {@code ListFiles} lists it.
     *
     * @param name the file's name
     * @param size its size in bytes
     */
    public record SharedFile(String name, long size) {
    }

    /** Opens where a download goes. */
    @FunctionalInterface
    public interface DownloadSink {

        /**
         * Opens the destination; called once the server has accepted the download.
         *
         * @param size how many bytes will come
         * @param note what the server said about the file, such as {@code "last modified: ..."}
         * @return the channel to write to; closed when the data is in
         * @throws IOException if it cannot be opened
         */
        WritableByteChannel open(long size, String note) throws IOException;
    }
}
