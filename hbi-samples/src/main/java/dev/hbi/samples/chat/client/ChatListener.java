package dev.hbi.samples.chat.client;

import dev.hbi.samples.chat.MsgsInRoom;

/**
 * What a chat client is told by the server, one method per push of hbichat's consumer API. Called on the
 * connection's landing threads, possibly several at once; every method does nothing by default.
 */
public interface ChatListener {

    /**
     * {@code ShowNotice(text)}: a notice to show.
     *
     * @param text the text
     */
    default void notice(String text) {
    }

    /**
     * {@code NickChanged(nick)}: the server set this client's nick.
     *
     * @param nick the nick
     */
    default void nickChanged(String nick) {
    }

    /**
     * {@code InRoom(room_id)}: this client is now in a room.
     *
     * @param roomId the room
     */
    default void inRoom(String roomId) {
    }

    /**
     * {@code RoomMsgs(msgs_in_room)}: messages said in a room.
     *
     * @param msgs       the messages
     * @param ourRoom whether the room is the one this client is in
     */
    default void roomMsgs(MsgsInRoom msgs, boolean ourRoom) {
    }

    /**
     * {@code Said(msg_id)}: a message this client said has been posted to its room.
     *
     * @param msgId the id the client gave it
     * @param text  its text
     */
    default void said(int msgId, String text) {
    }

    /**
     * {@code ChatterJoined(nick, room_id)}: someone came into a room.
     *
     * @param nick   who
     * @param roomId the room
     */
    default void joined(String nick, String roomId) {
    }

    /**
     * {@code ChatterLeft(nick, room_id)}: someone left a room.
     *
     * @param nick   who
     * @param roomId the room
     */
    default void left(String nick, String roomId) {
    }
}
