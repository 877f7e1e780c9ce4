package dev.hbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.internal.wire.Frame;
import dev.hbi.internal.wire.FrameDecoder;
import dev.hbi.internal.wire.Preface;
import dev.hbi.testing.HbiPair;
import dev.hbi.testing.RandomChunks;
import dev.hbi.testing.ProxyLink;
import dev.hbi.testing.TestServices;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the multiplexed wire adds (docs/wire-protocol.md): interleaving, per-conversation flow control,
 * conversation-level errors and resets, graceful shutdown, and choosing the wire.
 */
class MultiplexedWireTest {

    private static final HbiConfig MUX = HbiConfig.builder().wire(HbiConfig.Wire.MULTIPLEXED).build();

    /** An environment that receives {@code n} bytes and answers their CRC32. */
    private static HostingEnv crcService() {
        return TestServices.echo().exposeProcedure("crc", args -> {
            HostingConversation co = args.conversation();
            CRC32 crc = new CRC32();
            ByteBuffer chunk = ByteBuffer.allocate(64 << 10);
            for (long left = args.longValue(0); left > 0; left -= chunk.position()) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), left));
                co.recvData(chunk);
                crc.update(chunk.flip());
            }
            co.startSend();
            co.sendValue(crc.getValue());
        });
    }

    private static long postCrc(HbiConnection conn, int size, long seed) {
        CRC32 sent = new CRC32();
        try (PostingConversation co = conn.postingEnd().newConversation()) {
            co.sendCode("crc(" + size + ")");
            co.sendData(RandomChunks.of(size, 256 << 10, new Random(seed), sent));
            co.startRecv();
            assertThat(co.recvObj(Long.class)).isEqualTo(sent.getValue());
            return sent.getValue();
        }
    }

    @Test
    void dataOfTwoConversationsInterleavesOnTheWire() throws Exception {
        try (HbiServer server = Hbi.serve(Hbi.address("127.0.0.1:0"), MultiplexedWireTest::crcService);
             ProxyLink tap = ProxyLink.to(server.address());
             HbiConnection client = Hbi.connect(tap.address(), HostingEnv.create(), MUX);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Long> a = threads.submit(() -> postCrc(client, 4 << 20, 1));
            Future<Long> b = threads.submit(() -> postCrc(client, 4 << 20, 2));
            a.get(20, TimeUnit.SECONDS);
            b.get(20, TimeUnit.SECONDS);
            List<Integer> dataFrames = dataFrameIds(tap.clientBytes());
            int switches = 0;
            for (int i = 1; i < dataFrames.size(); i++) {
                if (!dataFrames.get(i).equals(dataFrames.get(i - 1))) {
                    switches++;
                }
            }
            assertThat(dataFrames).contains(1, 3);
            assertThat(switches).as("DATA frames by conversation: %s", dataFrames).isGreaterThan(2);
        }
    }

    private static List<Integer> dataFrameIds(byte[] clientBytes) {
        ByteBuffer in = ByteBuffer.wrap(clientBytes, Preface.LENGTH, clientBytes.length - Preface.LENGTH);
        FrameDecoder decoder = new FrameDecoder(1 << 24);
        List<Integer> ids = new ArrayList<>();
        while (in.hasRemaining()) {
            Frame frame = decoder.decode(in);
            if (frame instanceof Frame.Data data && data.first()) {
                ids.add(data.conversationId());
            }
        }
        return ids;
    }

    @Test
    @Timeout(30)
    void aStalledReceiverHoldsUpOnlyItsOwnConversation() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HostingEnv server = crcService().exposeProcedure("stall", args -> {
            stalled.countDown();
            assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
            args.conversation().recvData(ByteBuffer.allocate(args.intValue(0)));
        });
        HbiConfig smallWindows = MUX.toBuilder().initialWindowSize(64 << 10).build();
        try (HbiPair pair = HbiPair.open(() -> server, HostingEnv.create(), smallWindows);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            int size = 1 << 20;
            Future<?> blocked = threads.submit(() -> {
                try (PostingConversation co = pair.client().postingEnd().newConversation()) {
                    co.sendCode("stall(" + size + ")");
                    co.sendData(ByteBuffer.allocate(size));
                }
            });
            assertThat(stalled.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<Object>> others = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String request = "echo(" + i + ")";
                others.add(threads.submit(() -> ask(pair.client(), request)));
            }
            for (int i = 0; i < 100; i++) {
                assertThat(others.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
            assertThat(blocked.isDone()).as("the stalled conversation's sender waits for credit").isFalse();
            release.countDown();
            blocked.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(30)
    void bulkDataBothWaysAtOnceWithTinyWindowsDoesNotDeadlock() throws Exception {
        HbiConfig tiny = MUX.toBuilder().maxFrameSize(16384).initialWindowSize(16384)
                .connectionWindowSize(32768).build();
        int size = 8 << 20;
        CompletableFuture<Long> serverSent = new CompletableFuture<>();
        HostingEnv server = crcService().exposeProcedure("pull", args -> {
            args.conversation().finishRecv();
            serverSent.complete(postCrc(args.postingEnd().connection(), size, 7));
        });
        try (HbiPair pair = HbiPair.open(() -> server, crcService(), tiny);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            pair.client().postingEnd().notify("pull()");
            Future<Long> clientSent = threads.submit(() -> postCrc(pair.client(), size, 8));
            assertThat(clientSent.get(25, TimeUnit.SECONDS)).isNotZero();
            assertThat(serverSent.get(25, TimeUnit.SECONDS)).isNotZero();
        }
    }

    @Test
    void aLandingErrorFailsOnlyItsConversation() {
        try (HbiPair pair = HbiPair.open(TestServices::echo, HostingEnv.create(), MUX)) {
            assertThatThrownBy(() -> ask(pair.client(), "no_such_function(1)"))
                    .isInstanceOf(PeerLandingException.class)
                    .hasMessageContaining("landing error in hosting conversation 1")
                    .hasMessageContaining("name 'no_such_function' is not defined")
                    .satisfies(e -> assertThat(((PeerLandingException) e).errorCode()).isEqualTo(ErrorCode.LANDING_ERROR));
            assertThat(ask(pair.client(), "echo('still fine')")).isEqualTo("still fine");
            assertThat(pair.client().isConnected()).isTrue();
            assertThat(pair.server().isConnected()).isTrue();
        }
    }

    @Test
    void cancellingOneConversationTellsThePeerAndLeavesTheOthersAlone() throws Exception {
        CompletableFuture<Throwable> serverSaw = new CompletableFuture<>();
        CountDownLatch waiting = new CountDownLatch(1);
        HostingEnv server = TestServices.echo().exposeProcedure("wait_for_more", args -> {
            waiting.countDown();
            try {
                args.conversation().recvObj(Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                serverSaw.complete(e);
                throw e;
            }
        });
        try (HbiPair pair = HbiPair.open(() -> server, HostingEnv.create(), MUX)) {
            PostingConversation co = pair.client().postingEnd().newConversation();
            co.sendCode("wait_for_more()");
            assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
            co.cancel("changed my mind");
            assertThat(serverSaw.get(5, TimeUnit.SECONDS)).isInstanceOf(ConversationResetException.class)
                    .hasMessageContaining("CANCEL").hasMessageContaining("changed my mind");
            assertThat(co.stage()).isEqualTo(Conversation.Stage.CLOSED);
            assertThatThrownBy(co::awaitCompleted).isInstanceOf(ConversationResetException.class);
            assertThat(ask(pair.client(), "echo(2)")).isEqualTo(2);
        }
    }

    @Test
    void cancellingWakesAThreadWaitingForTheAnswer() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HostingEnv server = TestServices.echo().exposeProcedure("never", args -> {
            args.conversation().finishRecv();
            working.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
        });
        try (HbiPair pair = HbiPair.open(() -> server, HostingEnv.create(), MUX);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            PostingConversation co = pair.client().postingEnd().newConversation();
            co.sendCode("never()");
            co.startRecv();
            Future<Object> blocked = threads.submit(() -> co.recvObj());
            assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();
            co.cancel("not waiting any more");
            assertThatThrownBy(() -> blocked.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ConversationResetException.class);
            release.countDown();
            assertThat(ask(pair.client(), "echo(3)")).isEqualTo(3);
        }
    }

    @Test
    void anOrderedNotificationThatFailsToLandFailsOnlyItsOwnCompletion() throws Exception {
        BlockingQueue<Object> landed = new LinkedBlockingQueue<>();
        HostingEnv server = TestServices.echo().exposeProcedure("note", args -> landed.add(args.get(0)));
        try (HbiPair pair = HbiPair.open(() -> server, HostingEnv.create(), MUX)) {
            PostingEnd po = pair.client().postingEnd();
            CompletableFuture<Void> first = po.notifyInOrder("note(1)").toCompletableFuture();
            CompletableFuture<Void> failing = po.notifyInOrder("nope(2)").toCompletableFuture();
            CompletableFuture<Void> third = po.notifyInOrder("note(3)").toCompletableFuture();
            third.get(5, TimeUnit.SECONDS);
            assertThat(first).isCompleted();
            assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(PeerLandingException.class)
                    .hasMessageContaining("landing error in notification 2: name 'nope' is not defined");
            assertThat(landed).containsExactly(1, 3);
            assertThat(ask(pair.client(), "echo('still fine')")).isEqualTo("still fine");
        }
    }

    @Test
    void orderedNotificationsHaveNoConversationToAnswerOn() {
        HostingEnv server = HostingEnv.create().exposeProcedure("answer", args -> args.conversation().startSend());
        try (HbiPair pair = HbiPair.open(() -> server, HostingEnv.create(), MUX)) {
            assertThatThrownBy(() -> pair.client().postingEnd().notifyInOrder("answer()").toCompletableFuture()
                    .get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(PeerLandingException.class)
                    .hasMessageContaining("not landed for a hosting conversation");
        }
    }

    @Test
    void aSlowLanderHoldsBackOnlyOrderedNotificationsByTheirWindow() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> landed = new java.util.concurrent.CopyOnWriteArrayList<>();
        HostingEnv server = heldNotes(release, landed);
        HbiConfig small = MUX.toBuilder().maxFrameSize(16384).initialWindowSize(16384).connectionWindowSize(16384)
                .build();
        String padding = "#" + "x".repeat(4000);
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        try (HbiPair pair = HbiPair.open(() -> server, HostingEnv.create(), small)) {
            Thread sender = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 20; i++) {
                    pair.client().postingEnd().notifyInOrder("note(" + i + ")" + padding);
                    sent.incrementAndGet();
                }
            });
            awaitWaitingForCredit(sender);
            // 16 KiB of window holds four notifications of 4 KiB: the fifth waits for the first to be landed
            assertThat(sent.get()).isEqualTo(4);
            assertThat(ask(pair.client(), "echo('conversations go on')")).isEqualTo("conversations go on");
            release.countDown();
            sender.join(Duration.ofSeconds(5));
            CompletableFuture<Void> last = pair.client().postingEnd().notifyInOrder("note(20)").toCompletableFuture();
            last.get(5, TimeUnit.SECONDS);
            assertThat(landed).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(0, 20).boxed().toList());
        }
    }

    /** An echo environment whose {@code note(n)} waits for the release, then records {@code n}. */
    private static HostingEnv heldNotes(CountDownLatch release, List<Integer> landed) {
        return TestServices.echo().exposeProcedure("note", args -> {
            assertThat(release.await(5, TimeUnit.SECONDS)).isTrue();
            landed.add(args.intValue(0));
        });
    }

    /**
     * Waits until a thread waits for flow-control credit, at most 5 s. Nothing signals that, so this
     * looks at the thread's stack every millisecond.
     */
    private static void awaitWaitingForCredit(Thread t) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (t.getState() != Thread.State.WAITING || java.util.Arrays.stream(t.getStackTrace())
                .noneMatch(f -> f.getClassName().endsWith(".SendWindow") && f.getMethodName().equals("acquire"))) {
            assertThat(System.nanoTime()).as("%s waits for credit", t).isLessThan(end);
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @Test
    void orderedNotificationsNotYetLandedFailWhenTheConnectionEnds() throws Exception {
        CountDownLatch landing = new CountDownLatch(1);
        HostingEnv server = HostingEnv.create().exposeProcedure("hold", args -> {
            landing.countDown();
            new CountDownLatch(1).await(); // until the connection's end interrupts it
        });
        try (HbiPair pair = HbiPair.open(() -> server, HostingEnv.create(), MUX)) {
            CompletableFuture<Void> held = pair.client().postingEnd().notifyInOrder("hold()").toCompletableFuture();
            CompletableFuture<Void> behind = pair.client().postingEnd().notifyInOrder("hold()").toCompletableFuture();
            assertThat(landing.await(5, TimeUnit.SECONDS)).isTrue();
            pair.client().close();
            for (CompletableFuture<Void> f : List.of(held, behind)) {
                assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).cause()
                        .isInstanceOf(ConnectionClosedException.class);
            }
            assertThatThrownBy(() -> pair.client().postingEnd().notifyInOrder("hold()"))
                    .isInstanceOf(ConnectionClosedException.class);
        }
    }

    @Test
    void gracefulShutdownWaitsUntilOrderedNotificationsAreLanded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> landed = new java.util.concurrent.CopyOnWriteArrayList<>();
        HostingEnv server = heldNotes(release, landed);
        try (HbiPair pair = HbiPair.open(() -> server, HostingEnv.create(), MUX)) {
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                sent.add(pair.client().postingEnd().notifyInOrder("note(" + i + ")").toCompletableFuture());
            }
            CompletableFuture<DisconnectCause> down = pair.client().shutdown(Duration.ofSeconds(10)).toCompletableFuture();
            assertThatThrownBy(() -> pair.client().postingEnd().notifyInOrder("note(100)"))
                    .isInstanceOf(ConversationResetException.class).hasMessageContaining("shutting down");
            release.countDown();
            assertThat(down.get(5, TimeUnit.SECONDS)).isInstanceOf(DisconnectCause.LocalClose.class);
            assertThat(sent).allSatisfy(f -> assertThat(f).isCompleted());
            assertThat(landed).hasSize(100);
        }
    }

    @Test
    void gracefulShutdownFinishesWhatIsInFlightAndRefusesNewConversations() throws Exception {
        CompletableFuture<Throwable> serverRefused = new CompletableFuture<>();
        HostingEnv server = TestServices.echo().exposeProcedure("slow", args -> {
            HostingConversation co = args.conversation();
            Object last = co.recvObj();
            try {
                // the peer's GOAWAY arrived before the object above: this side starts nothing new either
                args.postingEnd().newConversation().close();
            } catch (RuntimeException e) {
                serverRefused.complete(e);
            }
            co.startSend();
            co.sendValue(last);
        });
        try (HbiPair pair = HbiPair.open(() -> server, HostingEnv.create(), MUX)) {
            PostingConversation inFlight = pair.client().postingEnd().newConversation();
            inFlight.sendCode("slow()");
            CompletableFuture<DisconnectCause> down = pair.client().shutdown(Duration.ofSeconds(10)).toCompletableFuture();
            assertThatThrownBy(() -> pair.client().postingEnd().newConversation())
                    .isInstanceOf(ConversationResetException.class).hasMessageContaining("shutting down");
            inFlight.sendObj("'finished'");
            inFlight.startRecv();
            assertThat(inFlight.recvObj()).isEqualTo("finished");
            inFlight.close();
            assertThat(serverRefused.get(5, TimeUnit.SECONDS)).isInstanceOf(ConversationResetException.class)
                    .hasMessageContaining("shutting down");
            assertThat(down.get(5, TimeUnit.SECONDS)).isInstanceOf(DisconnectCause.LocalClose.class);
            assertThat(pair.server().awaitDisconnected(Duration.ofSeconds(5)))
                    .isInstanceOf(DisconnectCause.PeerClose.class);
        }
    }

    @Test
    void conversationsBeyondThePeersLimitWaitForAFreeSlot() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<String> started = new LinkedBlockingQueue<>();
        HostingEnv server = TestServices.echo().exposeProcedure("hold", args -> {
            HostingConversation co = args.conversation();
            co.finishRecv();
            started.add(args.string(0));
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
        });
        HbiConfig two = MUX.toBuilder().maxConcurrentConversations(2).build();
        try (HbiPair pair = HbiPair.open(() -> server, HostingEnv.create(), two);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String name : List.of("a", "b")) {
                pair.client().postingEnd().notify("hold('" + name + "')");
            }
            assertThat(List.of(started.poll(5, TimeUnit.SECONDS), started.poll(5, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder("a", "b");
            Future<PostingConversation> third = threads.submit(() -> pair.client().postingEnd().notify("hold('c')"));
            assertThat(third.isDone()).isFalse();
            release.countDown();
            third.get(5, TimeUnit.SECONDS).awaitCompleted();
            assertThat(started.poll(5, TimeUnit.SECONDS)).isEqualTo("c");
        }
    }

    @Test
    void aDefaultClientFallsBackToTheClassicWireOfAClassicServer() {
        HbiConfig classicOnly = HbiConfig.builder().wire(HbiConfig.Wire.CLASSIC).build();
        try (HbiServer server = Hbi.serve(Hbi.address("127.0.0.1:0"), TestServices::echo, classicOnly);
             HbiConnection client = Hbi.connect(server.address(), HostingEnv.create())) {
            assertThat(client.wire()).isEqualTo(HbiConfig.Wire.CLASSIC);
            assertThat(ask(client, "echo('classic')")).isEqualTo("classic");
        }
    }

    @Test
    void aMultiplexedClientSaysWhenTheServerSpeaksTheClassicWire() {
        HbiConfig classicOnly = HbiConfig.builder().wire(HbiConfig.Wire.CLASSIC).build();
        try (HbiServer server = Hbi.serve(Hbi.address("127.0.0.1:0"), TestServices::echo, classicOnly)) {
            assertThatThrownBy(() -> Hbi.connect(server.address(), HostingEnv.create(), MUX))
                    .isInstanceOf(ConnectionClosedException.class)
                    .hasMessageContaining("it speaks the classic wire");
        }
    }

    @Test
    void quietButHealthyPeersStayConnectedPastTheIdleTimeout() {
        HbiConfig quick = MUX.toBuilder().idleTimeout(Duration.ofMillis(300)).build();
        try (HbiPair pair = HbiPair.open(TestServices::echo, HostingEnv.create(), quick)) {
            assertThatThrownBy(() -> pair.client().awaitDisconnected(Duration.ofSeconds(1)))
                    .isInstanceOf(HbiTimeoutException.class);
            assertThat(ask(pair.client(), "echo('awake')")).isEqualTo("awake");
        }
    }

    private static Object ask(HbiConnection conn, String code) {
        try (PostingConversation co = conn.postingEnd().newConversation()) {
            co.sendCode(code);
            co.startRecv();
            return co.recvObj(Duration.ofSeconds(10));
        }
    }
}
