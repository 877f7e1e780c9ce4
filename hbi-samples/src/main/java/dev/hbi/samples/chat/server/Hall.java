package dev.hbi.samples.chat.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The rooms of one chat server, made on first use, and their files. Thread-safe. */
final class Hall {

    static final String LOBBY = "Lobby";

    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final RoomFiles files;

    Hall(RoomFiles files) {
        this.files = files;
    }

    /** Returns the room, made if new; an empty id means the lobby, as in hbichat. */
    Room room(String id) {
        String key = id == null || id.isBlank() ? LOBBY : id.strip();
        return rooms.computeIfAbsent(key, Room::new);
    }

    Map<String, Room> rooms() {
        return rooms;
    }

    RoomFiles files() {
        return files;
    }
}
