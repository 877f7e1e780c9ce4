package dev.hbi.samples.chat.client;

import dev.hbi.Expose;
import java.util.List;

/**
 * hbichat's service API as a Java interface: what a client's scripts call on the chat server (this
 * project's {@link dev.hbi.samples.chat.server.ChatServer} or the reference's Python one). Used through
 * {@code connection.postingEnd().proxy(ChatService.class)}: each call posts the script named by its
 * {@link Expose}, such as {@code SetNick('bob')}, with the arguments written as literals, and waits for
 * what the server does with it.
 *
 * <p>The back-scripts the server answers with ({@code InRoom(...)}, {@code Said(...)}) are landed in the
 * client's environment before a call returns, so they reach the {@link ConsumerChatter} first.
 *
 * <p>Uploads and downloads stream a file with a progress line, which a single call cannot express (see
 * {@link ChatClient#upload} and {@link ChatClient#download}); they are conversations written by hand.
 */
public interface ChatService {

    /**
     * {@code SetNick(nick)}: asks for a nick.
     *
     * @param nick the wanted nick
     * @return the nick the server gave: stripped, or a made-up one for an empty nick
     */
    @Expose("SetNick")
    String setNick(String nick);

    /**
     * {@code GotoRoom(room_id)}: moves to a room, made if new (an empty id is the lobby). The server
     * answers with back-scripts {@code InRoom}, {@code ShowNotice} and {@code RoomMsgs} (the room's last
     * messages), landed before this returns.
     *
     * @param roomId the room
     */
    @Expose("GotoRoom")
    void gotoRoom(String roomId);

    /**
     * {@code Say(msg_id, msg_len)} followed by {@code msg_len} bytes: says a message in the current room.
     * The server back-scripts {@code Said(msg_id)}, landed before this returns.
     *
     * @param msgId the client's id for the message, which {@code Said} brings back
     * @param text  the message, UTF-8; written in the script as its length and sent as data after it
     */
    @Expose("Say")
    void say(int msgId, byte[] text);

    /**
     * {@code UploadReq(room_id, fn, fsz)}: asks whether an upload would be taken.
     *
     * @param roomId the room whose folder would hold the file
     * @param fn     the file's name
     * @param fsz    its size in bytes
     * @return {@code null} if it would, else the reason (such as {@code "file too small!"})
     */
    @Expose("UploadReq")
    String uploadReq(String roomId, String fn, long fsz);

    /**
     * {@code ListFiles(room_id)}: lists the files shared in a room.
     *
     * @param roomId the room
     * @return {@code [[size, name], ...]}, as the server sends it
     */
    @Expose("ListFiles")
    List<List<Object>> listFiles(String roomId);
}
