package dev.hbi.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The conversations a side of the multiplexed wire started and has not closed, by id: an array indexed
 * by the id's bits above its parity, which this side picks so that no two open conversations share a
 * slot (docs/wire-protocol.md §5.1 lets a side skip ids).
 *
 * <p>Why: a {@code ConcurrentHashMap} keyed by boxed ids cost about 8% of the time with 256 calls in
 * flight (a put and a remove per call, a lookup per frame, and the lookups of {@code allocate}); here a
 * lookup is an array read and a comparison, and starting or closing a conversation a store.
 *
 * <p>Threading: {@link #get} from any thread without a lock (the reader looks up every frame's
 * conversation); everything else under the session's lock. The array only grows, doubling when half
 * full, so that a free slot is found within a few ids; two ids that share no slot in an array share none
 * in one twice its size, so growing never collides.
 */
final class OwnConversations {

    private static final int INITIAL_SLOTS = 64;

    private volatile AtomicReferenceArray<MuxStream> slots = new AtomicReferenceArray<>(INITIAL_SLOTS);
    private int size; // guarded by the session's lock

    /**
     * Finds an open conversation.
     *
     * @param id its id, of this side's parity
     * @return the conversation, or {@code null} if none with this id is open
     */
    MuxStream get(int id) {
        AtomicReferenceArray<MuxStream> a = slots;
        MuxStream s = a.get(index(id, a));
        return s != null && s.id == id ? s : null;
    }

    /**
     * Tells whether a conversation with this id may start: its slot is free.
     *
     * @param id an id of this side's parity
     * @return {@code true} if free
     */
    boolean isFree(int id) {
        AtomicReferenceArray<MuxStream> a = slots;
        return a.get(index(id, a)) == null;
    }

    /**
     * Adds a conversation whose id {@link #isFree} said is free.
     *
     * @param stream the conversation
     */
    void add(MuxStream stream) {
        if (2 * (size + 1) > slots.length()) {
            grow();
        }
        AtomicReferenceArray<MuxStream> a = slots;
        a.set(index(stream.id, a), stream);
        size++;
    }

    /**
     * Removes a conversation.
     *
     * @param stream the conversation
     * @return {@code true} if it was open here
     */
    boolean remove(MuxStream stream) {
        AtomicReferenceArray<MuxStream> a = slots;
        if (!a.compareAndSet(index(stream.id, a), stream, null)) {
            return false;
        }
        size--;
        return true;
    }

    /**
     * Counts the open conversations.
     *
     * @return how many
     */
    int size() {
        return size;
    }

    /**
     * Adds the open conversations to a list.
     *
     * @param into the list
     */
    void addTo(List<MuxStream> into) {
        AtomicReferenceArray<MuxStream> a = slots;
        for (int i = 0; i < a.length(); i++) {
            MuxStream s = a.get(i);
            if (s != null) {
                into.add(s);
            }
        }
    }

    private void grow() {
        AtomicReferenceArray<MuxStream> old = slots;
        AtomicReferenceArray<MuxStream> bigger = new AtomicReferenceArray<>(2 * old.length());
        for (int i = 0; i < old.length(); i++) {
            MuxStream s = old.get(i);
            if (s != null) {
                bigger.set(index(s.id, bigger), s);
            }
        }
        slots = bigger;
    }

    private static int index(int id, AtomicReferenceArray<MuxStream> a) {
        return (id >>> 1) & (a.length() - 1);
    }
}
