package dev.hbi.samples.chat;

import java.util.List;
import java.util.Objects;

/**
 * Messages of one room, as hbichat's {@code MsgsInRoom(room_id, msgs)}: what the server pushes with
 * {@code RoomMsgs(...)}.
 *
 * @param roomId the room
 * @param msgs   the messages, oldest first
 */
public record MsgsInRoom(String roomId, List<Msg> msgs) {

    /**
     * Checks and copies.
     *
     * @param roomId the room
     * @param msgs   the messages
     */
    public MsgsInRoom {
        Objects.requireNonNull(roomId, "roomId");
        msgs = List.copyOf(msgs);
    }
}
