package dev.hbi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The table of this side's open conversations: every open one is found by its id and no other, ids
 * whose slot is taken are not free, and growing keeps everything findable.
 */
class OwnConversationsTest {

    private final OwnConversations own = new OwnConversations();

    @Test
    @Timeout(10)
    void anIdIsFoundOnlyWhileItsConversationIsOpen() {
        MuxStream s = stream(5);
        assertThat(own.isFree(5)).isTrue();
        own.add(s);
        assertThat(own.get(5)).isSameAs(s);
        assertThat(own.isFree(5)).isFalse();
        assertThat(own.remove(s)).isTrue();
        assertThat(own.get(5)).isNull();
        assertThat(own.remove(s)).as("removed once only").isFalse();
        assertThat(own.size()).isZero();
    }

    @Test
    @Timeout(10)
    void anIdThatSharesTheSlotOfAnOpenOneIsNotFreeAndNotFoundAsIt() {
        own.add(stream(1));
        int sameSlot = 1 + 2 * 64; // the first table has 64 slots
        assertThat(own.isFree(sameSlot)).isFalse();
        assertThat(own.get(sameSlot)).as("the slot holds conversation 1, not this id").isNull();
        assertThat(own.isFree(3)).isTrue();
    }

    @Test
    @Timeout(10)
    void growingKeepsEveryOpenConversationFindable() {
        List<MuxStream> open = new ArrayList<>();
        for (int id = 1; open.size() < 1000; id += 2) {
            if (own.isFree(id)) {
                MuxStream s = stream(id);
                own.add(s);
                open.add(s);
            }
            if (id % 6 == 1 && open.size() > 10) {
                own.remove(open.remove(open.size() / 2));
            }
        }
        assertThat(own.size()).isEqualTo(open.size());
        for (MuxStream s : open) {
            assertThat(own.get(s.id)).isSameAs(s);
        }
        List<MuxStream> listed = new ArrayList<>();
        own.addTo(listed);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(open);
    }

    @Test
    @Timeout(10)
    void theLargestIdsHaveSlotsToo() {
        MuxStream last = stream(Integer.MAX_VALUE);
        own.add(last);
        assertThat(own.get(Integer.MAX_VALUE)).isSameAs(last);
        assertThat(own.get(Integer.MAX_VALUE - 128)).isNull();
    }

    private static MuxStream stream(int id) {
        return new MuxStream.Posting(null, id, 65536, 65536);
    }
}
