package dev.hbi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.ConversationResetException;
import dev.hbi.ErrorCode;
import dev.hbi.HbiProtocolException;
import dev.hbi.HbiTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Flow-control credit: taken without waiting while there is some, waited for when there is none, and
 * never lost or counted twice when many threads take and give at once.
 */
class SendWindowTest {

    private final SendWindow empty = new SendWindow(() -> "the test's window", 0);

    @Test
    @Timeout(10)
    void takesAtMostWhatIsThere() {
        SendWindow window = new SendWindow(() -> "the test's window", 10);
        assertThat(window.acquire(4, longDeadline())).isEqualTo(4);
        assertThat(window.acquire(100, longDeadline())).isEqualTo(6);
    }

    @Test
    @Timeout(10)
    void aSenderWaitingForCreditIsWokenWhenCreditIsGiven() throws Exception {
        CompletableFuture<Integer> taken = waitingFor(empty, 8);
        empty.release(5);
        assertThat(taken.get(5, TimeUnit.SECONDS)).isEqualTo(5);
    }

    @Test
    @Timeout(10)
    void aSenderWithoutCreditTimesOutNamingTheWindow() {
        assertThatThrownBy(() -> empty.acquire(1, Deadline.after(Duration.ofMillis(30))))
                .isInstanceOf(HbiTimeoutException.class)
                .hasMessageContaining("flow-control credit of the test's window");
    }

    @Test
    @Timeout(10)
    void closingFailsWaitersAndLaterSendersEvenWithCreditLeft() throws Exception {
        CompletableFuture<Integer> waiting = waitingFor(empty, 1);
        empty.close(() -> new ConversationResetException(ErrorCode.CANCEL, "closed by the test"));
        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConversationResetException.class);
        empty.release(100);
        assertThatThrownBy(() -> empty.acquire(1, longDeadline())).isInstanceOf(ConversationResetException.class);
    }

    @Test
    @Timeout(10)
    void starvingFailsAWaitingSender() throws Exception {
        CompletableFuture<Integer> waiting = waitingFor(empty, 1);
        empty.starve(() -> new ConversationResetException(ErrorCode.CANCEL, "the peer ended"));
        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConversationResetException.class)
                .cause().hasMessage("the peer ended");
    }

    @Test
    @Timeout(10)
    void aStarvedWindowLendsWhatIsLeftThenFailsAtOnce() {
        SendWindow window = new SendWindow(() -> "the test's window", 3);
        window.starve(() -> new ConversationResetException(ErrorCode.CANCEL, "the peer ended"));
        assertThat(window.acquire(5, longDeadline())).isEqualTo(3);
        assertThatThrownBy(() -> window.acquire(1, longDeadline())).isInstanceOf(ConversationResetException.class)
                .hasMessage("the peer ended");
    }

    @Test
    @Timeout(10)
    void creditUpToTwoToTheThirtyOneMinusOneIsAllowedAndBeyondItIsAFlowControlError() {
        SendWindow window = new SendWindow(() -> "the test's window", Integer.MAX_VALUE - 2);
        window.release(2);
        assertThatThrownBy(() -> window.release(1)).isInstanceOf(HbiProtocolException.class)
                .hasMessageContaining("larger than 2^31 - 1");
        assertThat(window.acquire(Integer.MAX_VALUE, longDeadline())).as("unchanged by the refused update")
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    @Timeout(10)
    void wantingNoCreditIsABug() {
        assertThatThrownBy(() -> empty.acquire(0, longDeadline())).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Eight takers and two givers at once. Lost credit would leave a taker waiting (the futures time out);
     * duplicated credit would let the takers finish with credit left over (the last acquire would not
     * time out).
     */
    @Test
    @Timeout(30)
    void manyTakersAndGiversNeitherLoseNorDuplicateCredit() throws Exception {
        int takers = 8;
        int perTaker = 20_000;
        AtomicLong taken = new AtomicLong();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int t = 0; t < takers; t++) {
            done.add(CompletableFuture.runAsync(() -> {
                long mine = 0;
                while (mine < perTaker) {
                    mine += empty.acquire((int) Math.min(7, perTaker - mine), longDeadline());
                }
                taken.addAndGet(mine);
            }, SendWindowTest::startVirtual));
        }
        for (int g = 0; g < 2; g++) {
            done.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < takers * perTaker / 10; i++) {
                    empty.release(5);
                }
            }, SendWindowTest::startVirtual));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        assertThat(taken.get()).isEqualTo((long) takers * perTaker);
        assertThatThrownBy(() -> empty.acquire(1, Deadline.after(Duration.ofMillis(10))))
                .as("no credit left over").isInstanceOf(HbiTimeoutException.class);
    }

    private static Deadline longDeadline() {
        return Deadline.after(Duration.ofSeconds(30));
    }

    /** Starts a sender taking credit on a virtual thread; returns once it waits for credit. */
    private static CompletableFuture<Integer> waitingFor(SendWindow window, int wanted) {
        AtomicReference<Thread> sender = new AtomicReference<>();
        CompletableFuture<Integer> taken = CompletableFuture.supplyAsync(() -> {
            sender.set(Thread.currentThread());
            return window.acquire(wanted, longDeadline());
        }, SendWindowTest::startVirtual);
        // the test's timeout bounds this: the sender parks at once, since the window is empty
        while (sender.get() == null || sender.get().getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        return taken;
    }

    private static void startVirtual(Runnable task) {
        Thread.ofVirtual().start(task);
    }
}
