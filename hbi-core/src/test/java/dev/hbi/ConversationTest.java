package dev.hbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.testing.HbiPair;
import dev.hbi.testing.RandomChunks;
import dev.hbi.testing.TestServices;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Conversations between two peers of this library over real loopback sockets, on either wire. */
@ParameterizedClass(name = "{0}")
@EnumSource(value = HbiConfig.Wire.class, names = {"CLASSIC", "MULTIPLEXED"})
class ConversationTest {

    @Parameter
    HbiConfig.Wire wire;

    private HbiConfig config() {
        return HbiConfig.builder().wire(wire).build();
    }

    private HbiPair pair(Supplier<HostingEnv> server, HostingEnv client) {
        return HbiPair.open(server, client, config());
    }

    @Test
    void landsARequestAndReceivesTheAnswer() {
        try (HbiPair pair = pair(TestServices::echo, HostingEnv.create())) {
            try (PostingConversation co = pair.client().postingEnd().newConversation()) {
                co.sendCode("my_name = 'Nick'\nhello()");
                co.startRecv();
                assertThat(co.recvObj()).isEqualTo("Hello, Nick from "
                        + Hbi.describe(pair.client().localAddress()) + "!");
            }
            assertThat(pair.server().env().get("my_name")).contains("Nick");
            assertThat(pair.client().wire()).isEqualTo(wire);
            assertThat(pair.server().wire()).isEqualTo(wire);
        }
    }

    @Test
    void answersComeBackOutOfOrder() {
        CountDownLatch fastAnswered = new CountDownLatch(1);
        HostingEnv server = TestServices.echo().exposeProcedure("slow", args -> {
            HostingConversation co = args.conversation();
            co.finishRecv();
            assertThat(fastAnswered.await(5, TimeUnit.SECONDS)).isTrue();
            co.startSend();
            co.sendValue(args.get(0));
        });
        try (HbiPair pair = pair(() -> server, HostingEnv.create())) {
            PostingEnd po = pair.client().postingEnd();
            PostingConversation slow = po.newConversation();
            slow.sendCode("slow('A')");
            slow.startRecv();
            String fastId;
            // on the classic wire the inbound stream stays with a receiving conversation until it is closed
            try (PostingConversation fast = po.newConversation()) {
                fast.sendCode("echo('B')");
                fast.startRecv();
                assertThat(fast.recvObj()).isEqualTo("B");
                fastId = fast.id();
            }
            fastAnswered.countDown();
            assertThat(slow.recvObj()).isEqualTo("A");
            slow.close();
            assertThat(Integer.parseInt(slow.id())).isLessThan(Integer.parseInt(fastId));
        }
    }

    @Test
    void serverPushesFromInitAndLater() throws InterruptedException {
        BlockingQueue<String> notices = new LinkedBlockingQueue<>();
        HostingEnv client = HostingEnv.create().exposeProcedure("notice", args -> notices.add(args.string(0)));
        HostingEnv server = HostingEnv.create()
                .onInit((po, ho) -> po.notify("notice('Welcome to HBI world!')"))
                .exposeProcedure("subscribe", args -> args.postingEnd().notify("notice('news for you')"));
        try (HbiPair pair = pair(() -> server, client)) {
            assertThat(notices.poll(5, TimeUnit.SECONDS)).isEqualTo("Welcome to HBI world!");
            pair.client().postingEnd().notify("subscribe()").awaitCompleted();
            assertThat(notices.poll(5, TimeUnit.SECONDS)).isEqualTo("news for you");
        }
    }

    @Test
    @Timeout(60)
    void echoes64MiBWithEqualCrc32() {
        int size = 64 << 20;
        try (HbiPair pair = pair(TestServices::echo, HostingEnv.create())) {
            CRC32 sent = new CRC32();
            try (PostingConversation co = pair.client().postingEnd().newConversation()) {
                co.sendCode("echo_data(" + size + ")");
                co.sendData(RandomChunks.of(size, 1 << 20, new Random(1), sent));
                co.startRecv();
                byte[] back = new byte[size];
                co.recvData(ByteBuffer.wrap(back));
                CRC32 received = new CRC32();
                received.update(back);
                assertThat(received.getValue()).isEqualTo(sent.getValue());
            }
        }
    }

    @Test
    @Timeout(60)
    void thousandConversationsFromThousandVirtualThreadsEachGetTheirOwnAnswer() throws Exception {
        try (HbiPair pair = pair(TestServices::echo, HostingEnv.create());
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            PostingEnd po = pair.client().postingEnd();
            List<Future<Object>> answers = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String request = "echo(" + i + ")";
                answers.add(threads.submit(() -> {
                    try (PostingConversation co = po.newConversation()) {
                        co.sendCode(request);
                        co.startRecv();
                        return co.recvObj();
                    }
                }));
            }
            for (int i = 0; i < 1000; i++) {
                assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
            }
        }
    }

    @Test
    void closingAConversationWhoseStartRecvReportedTheConnectionsEndThrowsNothingMore() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        HostingEnv server = HostingEnv.create().exposeProcedure("hold", args -> {
            arrived.countDown();
            never.await(10, TimeUnit.SECONDS);
        });
        try (HbiPair pair = pair(() -> server, HostingEnv.create())) {
            PostingConversation co = pair.client().postingEnd().newConversation();
            co.sendCode("hold()");
            arrived.await(); // landed, unanswered: else the server, closing first, may refuse the request instead
            pair.server().close();
            assertThat(pair.client().awaitDisconnected(Duration.ofSeconds(5))).isInstanceOf(DisconnectCause.PeerClose.class);
            assertThatThrownBy(() -> {
                co.startRecv(); // the classic wire fails here: it must write the end of the request
                co.recvObj();
            }).isInstanceOf(ConnectionClosedException.class);
            co.close();
            assertThat(co.stage()).isEqualTo(Conversation.Stage.CLOSED);
        }
    }

    @Test
    void disconnectInTheMiddleOfConversationsFailsEveryWaiterPromptly() throws Exception {
        CountDownLatch allWorking = new CountDownLatch(10);
        CountDownLatch never = new CountDownLatch(1);
        HostingEnv server = HostingEnv.create().exposeProcedure("block", args -> {
            args.conversation().finishRecv();
            allWorking.countDown();
            never.await(10, TimeUnit.SECONDS);
        });
        try (HbiPair pair = pair(() -> server, HostingEnv.create());
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Object>> waiters = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                waiters.add(threads.submit(() -> {
                    try (PostingConversation co = pair.client().postingEnd().newConversation()) {
                        co.sendCode("block()");
                        co.startRecv();
                        return co.recvObj();
                    }
                }));
            }
            assertThat(allWorking.await(5, TimeUnit.SECONDS)).isTrue();
            pair.server().close();
            for (Future<Object> waiter : waiters) {
                assertThatThrownBy(() -> waiter.get(2, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(ConnectionClosedException.class);
            }
            assertThat(pair.client().awaitDisconnected(Duration.ofSeconds(5)))
                    .isInstanceOf(DisconnectCause.PeerClose.class);
            never.countDown();
        }
    }

    @Test
    void callsInTheWrongStageSayWhichStage() {
        try (HbiPair pair = pair(TestServices::echo, HostingEnv.create())) {
            PostingConversation co = pair.client().postingEnd().newConversation();
            assertThatThrownBy(co::recvObj).isInstanceOf(IllegalStateException.class)
                    .hasMessage("posting conversation " + co.id() + " is in its SEND stage; recvObj needs the RECV stage");
            co.sendCode("echo(1)");
            co.startRecv();
            assertThatThrownBy(() -> co.sendCode("x = 1")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in its RECV stage; sendCode needs the SEND stage");
            assertThat(co.recvObj()).isEqualTo(1);
            co.close();
            assertThatThrownBy(co::startRecv).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("CLOSED stage");
        }
    }

    @Test
    void recvObjAfterTheAnswerEndedSaysSo() {
        try (HbiPair pair = pair(TestServices::echo, HostingEnv.create())) {
            try (PostingConversation co = pair.client().postingEnd().newConversation()) {
                co.sendCode("echo(1)");
                co.startRecv();
                assertThat(co.recvObj()).isEqualTo(1);
                assertThatThrownBy(co::recvObj).isInstanceOf(ConversationEndedException.class);
            }
            try (PostingConversation co = pair.client().postingEnd().newConversation()) {
                co.sendCode("echo(2)");
                co.startRecv();
                assertThat(co.recvObj()).isEqualTo(2);
            }
        }
    }

    @Test
    void notificationsCompleteWhenThePeerHasLandedThem() {
        BlockingQueue<Object> got = new LinkedBlockingQueue<>();
        HostingEnv server = HostingEnv.create().exposeProcedure("record", args -> got.add(args.get(0)));
        try (HbiPair pair = pair(() -> server, HostingEnv.create())) {
            pair.client().postingEnd().notify("record([1, 'two', None])").awaitCompleted();
            assertThat(got).containsExactly(java.util.Arrays.asList(1, "two", null));
        }
    }

    @Test
    void notificationWithDataDeliversTheBytes() {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        HostingEnv server = HostingEnv.create().exposeProcedure("store", args -> {
            ByteBuffer data = ByteBuffer.allocate(args.intValue(0));
            args.conversation().recvData(data);
            got.add(new String(data.array(), java.nio.charset.StandardCharsets.UTF_8));
        });
        try (HbiPair pair = pair(() -> server, HostingEnv.create())) {
            byte[] text = "héllo, data".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            pair.client().postingEnd().notifyData("store(" + text.length + ")", ByteBuffer.wrap(text))
                    .awaitCompleted();
            assertThat(got).containsExactly("héllo, data");
        }
    }

    @Test
    void orderedNotificationsLandInTheOrderSent() throws Exception {
        List<Integer> landed = new java.util.concurrent.CopyOnWriteArrayList<>();
        HostingEnv server = HostingEnv.create().exposeProcedure("note", args -> landed.add(args.intValue(0)));
        try (HbiPair pair = pair(() -> server, HostingEnv.create())) {
            java.util.concurrent.CompletionStage<Void> last = null;
            for (int i = 0; i < 300; i++) {
                last = pair.client().postingEnd().notifyInOrder("note(" + i + ")");
            }
            last.toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(landed).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 300).boxed().toList());
        }
    }

    @Test
    void orderedNotificationsOfEachSenderLandInItsOrder() throws Exception {
        java.util.Map<Integer, List<Integer>> landed = new java.util.concurrent.ConcurrentHashMap<>();
        HostingEnv server = HostingEnv.create().exposeProcedure("note", args ->
                landed.computeIfAbsent(args.intValue(0), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(args.intValue(1)));
        try (HbiPair pair = pair(() -> server, HostingEnv.create());
             java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<java.util.concurrent.CompletionStage<Void>>> lasts = new ArrayList<>();
            for (int sender = 0; sender < 4; sender++) {
                int s = sender;
                lasts.add(threads.submit(() -> {
                    java.util.concurrent.CompletionStage<Void> last = null;
                    for (int i = 0; i < 100; i++) {
                        last = pair.client().postingEnd().notifyInOrder("note(" + s + ", " + i + ")");
                    }
                    return last;
                }));
            }
            for (var last : lasts) {
                last.get(5, TimeUnit.SECONDS).toCompletableFuture().get(5, TimeUnit.SECONDS);
            }
            assertThat(landed).hasSize(4).allSatisfy((sender, order) -> assertThat(order)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 100).boxed().toList()));
        }
    }

    @Test
    void backScriptsOfAClosedConversationAreStillLanded() throws InterruptedException {
        BlockingQueue<String> shown = new LinkedBlockingQueue<>();
        HostingEnv client = HostingEnv.create().exposeProcedure("show", args -> shown.add(args.string(0)));
        HostingEnv server = HostingEnv.create().exposeProcedure("goto_room", args -> {
            HostingConversation co = args.conversation();
            co.startSend();
            co.sendCode("show('in room')\nshow('welcome')");
        });
        try (HbiPair pair = pair(() -> server, client)) {
            pair.client().postingEnd().notify("goto_room()").awaitCompleted();
            assertThat(shown).containsExactly("in room", "welcome");
        }
    }

    @Test
    void recvObjTimeoutLeavesTheConnectionUsable() {
        CountDownLatch release = new CountDownLatch(1);
        HostingEnv server = TestServices.echo().exposeProcedure("late", args -> {
            HostingConversation co = args.conversation();
            co.finishRecv();
            release.await(5, TimeUnit.SECONDS);
            co.startSend();
            co.sendValue("too late");
        });
        try (HbiPair pair = pair(() -> server, HostingEnv.create())) {
            PostingConversation co = pair.client().postingEnd().newConversation();
            co.sendCode("late()");
            co.startRecv();
            assertThatThrownBy(() -> co.recvObj(Duration.ofMillis(200))).isInstanceOf(HbiTimeoutException.class)
                    .hasMessageContaining("timed out after 200 ms");
            co.close();
            release.countDown();
            co.awaitCompleted();
            try (PostingConversation next = pair.client().postingEnd().newConversation()) {
                next.sendCode("echo('still here')");
                next.startRecv();
                assertThat(next.recvObj()).isEqualTo("still here");
            }
        }
    }

    @Test
    void aConversationTimeoutBoundsEveryWaitOfIt() {
        CountDownLatch release = new CountDownLatch(1);
        HostingEnv server = TestServices.echo().exposeProcedure("late", args -> {
            args.conversation().finishRecv();
            release.await(5, TimeUnit.SECONDS);
        });
        try (HbiPair pair = pair(() -> server, HostingEnv.create())) {
            PostingConversation co = pair.client().postingEnd().newConversation(Duration.ofMillis(300));
            co.sendCode("late()");
            co.startRecv();
            // recvObj() alone would wait the connection's 60 s receive timeout, beyond this test's own
            assertThatThrownBy(co::recvObj).isInstanceOf(HbiTimeoutException.class)
                    .hasMessageContaining("timed out after 300 ms");
            release.countDown();
            co.close();
        }
    }

    @Test
    void recvDataWithATimeoutGivesUpWhenTheDataStopsComing() {
        CountDownLatch release = new CountDownLatch(1);
        HostingEnv server = TestServices.echo().exposeProcedure("trickle", args -> {
            HostingConversation co = args.conversation();
            co.startSend();
            co.sendData(ByteBuffer.allocate(1000));
            release.await(5, TimeUnit.SECONDS);
        });
        try (HbiPair pair = pair(() -> server, HostingEnv.create())) {
            PostingConversation co = pair.client().postingEnd().newConversation();
            co.sendCode("trickle()");
            co.startRecv();
            ByteBuffer into = ByteBuffer.allocate(2000);
            assertThatThrownBy(() -> co.recvData(into, Duration.ofMillis(300))).isInstanceOf(HbiTimeoutException.class)
                    .hasMessageContaining("timed out after 300 ms");
            release.countDown();
        }
    }

    @Test
    void initHookMayPostAndWaitForTheAnswer() {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        HostingEnv client = HostingEnv.create().onInit((po, ho) -> {
            try (PostingConversation co = po.newConversation()) {
                co.sendCode("echo('from init')");
                co.startRecv();
                answer.complete(co.recvObj());
            }
        });
        try (HbiPair pair = pair(TestServices::echo, client)) {
            assertThat(answer).isCompletedWithValue("from init");
            assertThat(pair.client().isConnected()).isTrue();
        }
    }

    @Test
    void failingInitHookRefusesTheConnectionAndTellsTheDialer() {
        HostingEnv server = HostingEnv.create().onInit((po, ho) -> {
            throw new IllegalStateException("not today");
        });
        try (HbiServer hbiServer = Hbi.serve(Hbi.address("127.0.0.1:0"), () -> server, config())) {
            DisconnectCause cause;
            try {
                // the peer's refusal may arrive before or after this side's own (empty) init is done
                cause = Hbi.connect(hbiServer.address(), HostingEnv.create(), config())
                        .awaitDisconnected(Duration.ofSeconds(5));
            } catch (ConnectionClosedException refusedDuringInit) {
                cause = refusedDuringInit.disconnectCause();
            }
            assertThat(cause).isInstanceOf(DisconnectCause.PeerError.class);
            assertThat(cause.message()).contains("init failed").contains("not today");
        }
    }

    @Test
    void cleanupRunsExactlyOnceWithTheCause() {
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        HostingEnv client = HostingEnv.create().onCleanup((po, ho, cause) -> calls.add(cause.message()));
        HbiPair pair = pair(TestServices::echo, client);
        pair.client().close();
        pair.client().close();
        pair.client().disconnect("again");
        pair.close();
        assertThat(calls).containsExactly("closed: closed by this side");
    }

    @Test
    void servesAndDialsUnixDomainSockets(@TempDir Path dir) {
        Path socket = dir.resolve("hbi.sock");
        try (HbiPair pair = HbiPair.open(UnixDomainSocketAddress.of(socket), TestServices::echo,
                HostingEnv.create(), config())) {
            try (PostingConversation co = pair.client().postingEnd().newConversation()) {
                co.sendCode("echo('over unix')");
                co.startRecv();
                assertThat(co.recvObj()).isEqualTo("over unix");
            }
        }
        assertThat(Files.exists(socket)).isFalse();
    }

    @Test
    void adoptsAnAlreadyConnectedChannel() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            listener.bind(Hbi.address("127.0.0.1:0"));
            SocketChannel a = SocketChannel.open(listener.getLocalAddress());
            SocketChannel b = listener.accept();
            CompletableFuture<HbiConnection> accepting = CompletableFuture.supplyAsync(
                    () -> Hbi.adopt(b, TestServices.echo(), config(), false));
            HbiConnection left = Hbi.adopt(a, HostingEnv.create(), config(), true);
            HbiConnection right = accepting.get(5, TimeUnit.SECONDS);
            try (left; right; PostingConversation co = left.postingEnd().newConversation()) {
                co.sendCode("echo('adopted')");
                co.startRecv();
                assertThat(co.recvObj()).isEqualTo("adopted");
                assertThat(right.wire()).isEqualTo(wire);
            }
        }
    }

    @Test
    void anEnvironmentServesOneConnectionOnly() {
        HostingEnv shared = TestServices.echo();
        try (HbiPair pair = pair(TestServices::echo, shared)) {
            assertThatThrownBy(() -> Hbi.connect(pair.hbiServer().address(), shared))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a factory");
        }
    }
}
