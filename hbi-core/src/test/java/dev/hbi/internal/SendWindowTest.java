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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Flow-control credit: taken without waiting while there is some, waited for when there is none, and
 * never lost or counted twice when many threads take and give at once.
 */
class SendWindowTest {

    private static final Deadline LONG = Deadline.after(Duration.ofSeconds(30));

    @Test
    @Timeout(10)
    void takesAtMostWhatIsThere() {
        SendWindow window = new SendWindow(() -> "the test's window", 10);
        assertThat(window.acquire(4, LONG)).isEqualTo(4);
        assertThat(window.acquire(100, LONG)).isEqualTo(6);
    }

    @Test
    @Timeout(10)
    void aSenderWithoutCreditWaitsUntilCreditIsGiven() throws Exception {
        SendWindow window = new SendWindow(() -> "the test's window", 0);
        CompletableFuture<Integer> taken = acquiring(window, 8);
        window.release(5);
        assertThat(taken.get(5, TimeUnit.SECONDS)).isEqualTo(5);
    }

    @Test
    @Timeout(10)
    void aSenderWithoutCreditTimesOutNamingTheWindow() {
        SendWindow window = new SendWindow(() -> "the test's window", 0);
        assertThatThrownBy(() -> window.acquire(1, Deadline.after(Duration.ofMillis(30))))
                .isInstanceOf(HbiTimeoutException.class)
                .hasMessageContaining("flow-control credit of the test's window");
    }

    @Test
    @Timeout(10)
    void closingFailsWaitersAndLaterSendersEvenWithCreditLeft() throws Exception {
        SendWindow window = new SendWindow(() -> "the test's window", 0);
        CompletableFuture<Integer> waiting = acquiring(window, 1);
        window.close(() -> new ConversationResetException(ErrorCode.CANCEL, "closed by the test"));
        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ConversationResetException.class);
        window.release(100);
        assertThatThrownBy(() -> window.acquire(1, LONG)).isInstanceOf(ConversationResetException.class);
    }

    @Test
    @Timeout(10)
    void aStarvedWindowLendsWhatIsLeftThenFailsAtOnce() {
        SendWindow window = new SendWindow(() -> "the test's window", 3);
        window.starve(() -> new ConversationResetException(ErrorCode.CANCEL, "the peer ended"));
        assertThat(window.acquire(5, LONG)).isEqualTo(3);
        assertThatThrownBy(() -> window.acquire(1, LONG)).isInstanceOf(ConversationResetException.class)
                .hasMessage("the peer ended");
    }

    @Test
    @Timeout(10)
    void creditBeyondTwoToTheThirtyOneIsAFlowControlError() {
        SendWindow window = new SendWindow(() -> "the test's window", Integer.MAX_VALUE - 1);
        assertThatThrownBy(() -> window.release(2)).isInstanceOf(HbiProtocolException.class)
                .hasMessageContaining("larger than 2^31 - 1");
    }

    @Test
    @Timeout(30)
    void manyTakersAndGiversNeitherLoseNorDuplicateCredit() throws Exception {
        SendWindow window = new SendWindow(() -> "the test's window", 0);
        int takers = 8;
        int perTaker = 20_000;
        AtomicLong taken = new AtomicLong();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int t = 0; t < takers; t++) {
            done.add(CompletableFuture.runAsync(() -> {
                long mine = 0;
                while (mine < perTaker) {
                    mine += window.acquire((int) Math.min(7, perTaker - mine), LONG);
                }
                taken.addAndGet(mine);
            }, SendWindowTest::startVirtual));
        }
        for (int i = 0; i < takers * perTaker / 5; i++) {
            window.release(5);
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        assertThat(taken.get()).isEqualTo((long) takers * perTaker);
        assertThatThrownBy(() -> window.acquire(1, Deadline.after(Duration.ofMillis(10))))
                .isInstanceOf(HbiTimeoutException.class);
    }

    /** Starts a sender taking credit on a virtual thread; returns once it is about to. */
    private static CompletableFuture<Integer> acquiring(SendWindow window, int wanted) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Integer> taken = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            return window.acquire(wanted, LONG);
        }, SendWindowTest::startVirtual);
        started.await();
        return taken;
    }

    private static void startVirtual(Runnable task) {
        Thread.ofVirtual().start(task);
    }
}
