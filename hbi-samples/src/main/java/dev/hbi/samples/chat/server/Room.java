package dev.hbi.samples.chat.server;

import dev.hbi.samples.chat.ChatTypes;
import dev.hbi.samples.chat.Msg;
import dev.hbi.samples.chat.MsgsInRoom;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A chat room: who is in it and its last messages. Thread-safe: members come and go on their own
 * connections' threads.
 */
final class Room {

    private static final int RECENT = 10;

    private final String id;
    private final Set<ServiceChatter> chatters = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Msg> recent = new ArrayDeque<>(); // guarded by lock

    Room(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    int size() {
        return chatters.size();
    }

    void enter(ServiceChatter chatter) {
        chatters.add(chatter);
    }

    void leave(ServiceChatter chatter) {
        chatters.remove(chatter);
    }

    /** Returns the last messages, oldest first. */
    MsgsInRoom recentMsgs() {
        lock.lock();
        try {
            return new MsgsInRoom(id, List.copyOf(recent));
        } finally {
            lock.unlock();
        }
    }

    /** Keeps a message and pushes it to every member but its author. */
    void post(Msg msg, ServiceChatter author) {
        lock.lock();
        try {
            if (recent.size() == RECENT) {
                recent.removeFirst();
            }
            recent.addLast(msg);
        } finally {
            lock.unlock();
        }
        pushToOthers(ChatTypes.call("RoomMsgs", new MsgsInRoom(id, List.of(msg))), author);
    }

    /** Pushes code to every member but one. */
    void pushToOthers(String code, ServiceChatter except) {
        for (ServiceChatter chatter : chatters) {
            if (chatter != except) {
                chatter.push(code);
            }
        }
    }
}
