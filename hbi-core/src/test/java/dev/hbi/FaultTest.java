package dev.hbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hbi.testing.ProxyLink;
import dev.hbi.testing.ThreadCensus;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults at the worst moments, on either wire, over real sockets: a peer that dies or resets in the middle
 * of a packet or a data stream, a slow reader, a slowloris, hosting functions that throw, block forever
 * or forget to answer, an init hook that fails. After each, every waiter has been released with an
 * exception that carries the cause, each side's cleanup hook ran once, and no thread is left behind.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(value = HbiConfig.Wire.class, names = {"CLASSIC", "MULTIPLEXED"})
class FaultTest {

    private static final Duration SHORT = Duration.ofMillis(300);

    @Parameter
    HbiConfig.Wire wire;

    private final ThreadCensus census = ThreadCensus.take();
    private final CleanupLog serverCleanups = new CleanupLog();
    private final CleanupLog clientCleanups = new CleanupLog();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void nothingIsLeftBehind() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
        census.assertNoneLeftBehind(Duration.ofSeconds(5));
        assertThat(serverCleanups.causes()).as("cleanups of the server's side").hasSizeLessThanOrEqualTo(1);
        assertThat(clientCleanups.causes()).as("cleanups of the client's side").hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void peerDyingMidPacketReleasesTheWaiterWithTheCause() throws Exception {
        Linked linked = link(answering("big", co -> co.sendValue("x".repeat(900_000))));
        linked.link().breakDownstreamAfter(200_000, ProxyLink.Fault.CLOSE);
        PostingConversation co = linked.client().postingEnd().newConversation();
        co.sendCode("big()");
        co.startRecv();
        ConnectionClosedException e = catchThrowableOfType(ConnectionClosedException.class, co::recvObj);
        assertThat(e.disconnectCause().message()).contains("in the middle of a");
        assertBothSidesCleanedUp();
    }

    @Test
    void peerDyingMidDataStreamReleasesTheReceiverWithTheCause() throws Exception {
        Linked linked = link(answering("stream", co -> co.sendData(ByteBuffer.allocate(4 << 20))));
        linked.link().breakDownstreamAfter(1 << 20, ProxyLink.Fault.CLOSE);
        PostingConversation co = linked.client().postingEnd().newConversation();
        co.sendCode("stream()");
        co.startRecv();
        ByteBuffer into = ByteBuffer.allocate(4 << 20);
        ConnectionClosedException e = catchThrowableOfType(ConnectionClosedException.class, () -> co.recvData(into));
        assertThat(e.disconnectCause().isError()).isTrue();
        assertThat(into.position()).isLessThan(into.capacity());
        assertBothSidesCleanedUp();
    }

    @Test
    void connectionResetReleasesEveryWaiterWithAnIoFailure() throws Exception {
        int waiters = 5;
        CountDownLatch holding = new CountDownLatch(waiters);
        HostingEnv server = HostingEnv.create().exposeProcedure("hold", args -> {
            args.conversation().finishRecv();
            holding.countDown();
            new CountDownLatch(1).await();
        });
        Linked linked = link(server);
        List<CompletableFuture<Throwable>> failures = new ArrayList<>();
        for (int i = 0; i < waiters; i++) {
            failures.add(awaitAnswerInBackground(linked.client(), "hold()"));
        }
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        linked.link().breakNow(ProxyLink.Fault.RESET);
        for (CompletableFuture<Throwable> failure : failures) {
            assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(ConnectionClosedException.class,
                    e -> assertThat(e.disconnectCause()).isInstanceOf(DisconnectCause.IoFailure.class));
        }
        assertBothSidesCleanedUp();
    }

    @Test
    void slowReaderMakesTheSenderWaitThenTimeOutWithoutTakingMoreThanItsBounds() throws Exception {
        CountDownLatch ignoring = new CountDownLatch(1);
        HostingEnv server = HostingEnv.create().exposeProcedure("ignore", args -> {
            ignoring.countDown();
            new CountDownLatch(1).await();
        });
        // the server's function holds its request unread: on the classic wire the server notices after its
        // receive timeout, on the multiplexed one the peer's reset ends the conversation at once
        HbiConfig config = config().toBuilder().sendTimeout(SHORT).recvTimeout(SHORT)
                .outboundQueueBytes(64 << 10).build();
        Linked linked = link(server, config);
        PostingConversation co = linked.client().postingEnd().newConversation();
        co.sendCode("ignore()");
        assertThat(ignoring.await(5, TimeUnit.SECONDS)).isTrue();
        ByteBuffer data = ByteBuffer.allocate(256 << 20);
        assertThatThrownBy(() -> co.sendData(data)).isInstanceOf(HbiTimeoutException.class);
        // what left the caller's buffer is bounded by the flow-control window (multiplexed) or the
        // socket buffers (classic), never by how much the caller offered
        assertThat(data.position()).isLessThan(64 << 20);
        linked.close();
        assertBothSidesCleanedUp();
    }

    @Test
    void slowlorisHeaderIsCutOffAfterTheReceiveTimeout() throws Exception {
        HbiServer server = serve(HostingEnv.create(), config().toBuilder().recvTimeout(SHORT).build());
        String told;
        try (Socket slowloris = new Socket()) {
            slowloris.connect(server.address(), 5000);
            slowloris.setSoTimeout(5000);
            // the first bytes of a header (classic) or of the preface (multiplexed), then nothing
            slowloris.getOutputStream().write(wire == HbiConfig.Wire.CLASSIC ? "[12".getBytes(StandardCharsets.UTF_8)
                    : new byte[] {0x00, 'H', 'B'});
            told = readToEnd(slowloris.getInputStream());
        }
        if (wire == HbiConfig.Wire.CLASSIC) {
            assertThat(told).contains("#err]").contains("stalled or slowloris");
            assertThat(serverCleanups.awaitFirst().message()).contains("began a packet");
        } else {
            assertThat(told).isEmpty(); // nothing is sent to a peer that never finished its preface
        }
    }

    @Test
    void hostingFunctionThatThrowsGivesThePosterItsMessage() throws Exception {
        HostingEnv server = HostingEnv.create().exposeProcedure("broken", args -> {
            throw new IllegalStateException("the disk is on fire");
        });
        Linked linked = link(server);
        PostingConversation co = linked.client().postingEnd().newConversation();
        co.sendCode("broken()");
        co.startRecv();
        Throwable e = catchThrowableOfType(HbiException.class, co::recvObj);
        if (wire == HbiConfig.Wire.CLASSIC) {
            // the classic wire can only end the connection (hbi-wire-reference §5)
            assertThat(e).isInstanceOfSatisfying(ConnectionClosedException.class,
                    c -> assertThat(c.disconnectCause().message()).contains("the disk is on fire"));
        } else {
            assertThat(e).isInstanceOf(PeerLandingException.class).hasMessageContaining("the disk is on fire");
            assertThat(linked.client().isConnected()).isTrue();
            linked.close();
        }
        assertBothSidesCleanedUp();
    }

    @Test
    void hostingFunctionThatBlocksForeverTimesOutThePosterAndIsInterruptedOnClose() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        HostingEnv server = HostingEnv.create().exposeProcedure("forever", args -> {
            args.conversation().finishRecv();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        // once the client is gone, the server gives hosting work its send timeout to answer, then ends
        Linked linked = link(server, config().toBuilder().sendTimeout(SHORT).build());
        PostingConversation co = linked.client().postingEnd().newConversation();
        co.sendCode("forever()");
        co.startRecv();
        assertThatThrownBy(() -> co.recvObj(SHORT)).isInstanceOf(HbiTimeoutException.class);
        linked.close();
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertBothSidesCleanedUp();
    }

    @Test
    void hostingFunctionThatForgetsToAnswerEndsThePostersWait() throws Exception {
        HostingEnv server = HostingEnv.create().exposeProcedure("forgetful", args -> { });
        Linked linked = link(server);
        PostingConversation co = linked.client().postingEnd().newConversation();
        co.sendCode("forgetful()");
        co.startRecv();
        assertThatThrownBy(co::recvObj).isInstanceOf(ConversationEndedException.class)
                .hasMessageContaining("without sending the object");
        assertThat(linked.client().isConnected()).isTrue();
        linked.close();
        assertBothSidesCleanedUp();
    }

    @Test
    void failingInitHookRefusesTheDialerAndCleansUpOnce() throws Exception {
        HostingEnv server = HostingEnv.create().onInit((po, ho) -> {
            throw new IllegalStateException("not today");
        });
        HbiServer hbiServer = serve(server, config());
        DisconnectCause cause;
        try {
            cause = Hbi.connect(hbiServer.address(), clientCleanups.attach(HostingEnv.create()), config())
                    .awaitDisconnected(Duration.ofSeconds(5));
        } catch (ConnectionClosedException refusedDuringInit) {
            cause = refusedDuringInit.disconnectCause();
        }
        assertThat(cause.message()).contains("init failed").contains("not today");
        assertThat(serverCleanups.awaitFirst()).isInstanceOf(DisconnectCause.LocalError.class);
    }

    // ---- set-up ----

    private HbiConfig config() {
        return HbiConfig.builder().wire(wire).build();
    }

    /** A server exposing one function that starts sending and lets {@code answer} send the rest. */
    private static HostingEnv answering(String name, Consumer<HostingConversation> answer) {
        return HostingEnv.create().exposeProcedure(name, args -> {
            HostingConversation co = args.conversation();
            co.startSend();
            answer.accept(co);
        });
    }

    private static CompletableFuture<Throwable> awaitAnswerInBackground(HbiConnection client, String code) {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (PostingConversation co = client.postingEnd().newConversation()) {
                co.sendCode(code);
                co.startRecv();
                co.recvObj();
                failure.complete(null);
            } catch (RuntimeException e) {
                failure.complete(e);
            }
        });
        return failure;
    }

    private HbiServer serve(HostingEnv env, HbiConfig config) {
        HbiServer server = Hbi.serve(Hbi.address("127.0.0.1:0"), () -> serverCleanups.attach(env), config);
        opened.add(server);
        return server;
    }

    private Linked link(HostingEnv server) throws IOException {
        return link(server, config());
    }

    /** Connects a client to a server through a {@link ProxyLink}. */
    private Linked link(HostingEnv server, HbiConfig config) throws IOException {
        HbiServer hbiServer = serve(server, config.toBuilder().wire(HbiConfig.Wire.AUTO).build());
        ProxyLink link = ProxyLink.to(hbiServer.address());
        opened.add(link);
        HbiConnection client = Hbi.connect(link.address(), clientCleanups.attach(HostingEnv.create()), config);
        opened.add(client);
        return new Linked(link, client);
    }

    /** Both sides' connections ended, each running its cleanup hook (once: checked after each test). */
    private void assertBothSidesCleanedUp() throws InterruptedException {
        assertThat(clientCleanups.awaitFirst()).isNotNull();
        assertThat(serverCleanups.awaitFirst()).isNotNull();
    }

    private static String readToEnd(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Records the causes a side's cleanup hook was called with. */
    private static final class CleanupLog {
        private final List<DisconnectCause> causes = new CopyOnWriteArrayList<>();
        private final CountDownLatch first = new CountDownLatch(1);

        HostingEnv attach(HostingEnv env) {
            return env.onCleanup((po, ho, cause) -> {
                causes.add(cause);
                first.countDown();
            });
        }

        DisconnectCause awaitFirst() throws InterruptedException {
            assertThat(first.await(5, TimeUnit.SECONDS)).as("the cleanup hook ran").isTrue();
            return causes.getFirst();
        }

        List<DisconnectCause> causes() {
            return causes;
        }
    }

    /** A client connected through a faulty link. */
    private record Linked(ProxyLink link, HbiConnection client) {
        void close() {
            client.close();
        }
    }
}
