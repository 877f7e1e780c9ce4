package dev.hbi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.ConnectionClosedException;
import dev.hbi.DisconnectCause;
import dev.hbi.Hbi;
import dev.hbi.HbiConfig;
import dev.hbi.HbiConnection;
import dev.hbi.HbiServer;
import dev.hbi.HbiTimeoutException;
import dev.hbi.HostingEnv;
import dev.hbi.PostingConversation;
import dev.hbi.internal.wire.FrameEncoder;
import dev.hbi.internal.wire.Settings;
import dev.hbi.testing.HbiPair;
import dev.hbi.testing.RawPeer;
import dev.hbi.testing.TestServices;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Faults around the connection machinery: a peer that stops reading, functions that fail in unusual
 * ways, callbacks that block, closing at awkward moments.
 */
class ConnectionFaultTest {

    private static final HbiConfig CLASSIC = HbiConfig.builder().wire(HbiConfig.Wire.CLASSIC).build();

    @Test
    void dataThatCannotBeQueuedInTimeEndsTheClassicConnectionWithoutTouchingTheBuffer() throws Exception {
        assertTimedOutDataNeverLeavesTheCallersBuffer(new GatedWire(), null);
    }

    @Test
    void dataStuckHalfWrittenEndsTheConnectionAndIsNeverReadFromTheCallersBufferAgain() throws Exception {
        String coBegin = "[3#co_begin]101";
        assertTimedOutDataNeverLeavesTheCallersBuffer(new GatedWire(coBegin.length()), coBegin);
    }

    /** Sends data the wire will not take; {@code writtenFirst}, if given, is on the wire before the data. */
    private static void assertTimedOutDataNeverLeavesTheCallersBuffer(GatedWire wire, String writtenFirst)
            throws InterruptedException {
        Connection c = Connection.start(wire, HostingEnv.create(), HbiConfig.builder()
                .sendTimeout(Duration.ofMillis(300)).closeTimeout(Duration.ofMillis(500)).build());
        PostingConversation co = c.postingEnd().newConversation();
        if (writtenFirst != null) {
            wire.awaitWritten(writtenFirst, Duration.ofSeconds(5));
        }
        ByteBuffer mine = ByteBuffer.allocate(64 << 10);
        Arrays.fill(mine.array(), (byte) 'A');
        assertThatThrownBy(() -> co.sendData(mine)).isInstanceOf(HbiTimeoutException.class);
        assertThat(mine.position()).isZero();
        Arrays.fill(mine.array(), (byte) 'B');
        wire.open();
        assertThat(c.awaitDisconnected(Duration.ofSeconds(5))).isInstanceOf(DisconnectCause.LocalError.class);
        assertThat(wire.text()).doesNotContain("BBBB");
    }

    @Test
    @Timeout(20)
    void theCreditOfAScriptThatCannotBeQueuedInTimeIsGivenBack() throws Exception {
        int window = 1400; // the peer's whole connection window: no WINDOW_UPDATE ever comes
        GatedWire wire = new GatedWire(0, FrameEncoder.preface(new Settings(16384, window, window, 100, window, false)));
        Connection c = Connection.start(wire, HostingEnv.create(), HbiConfig.builder()
                .sendTimeout(Duration.ofMillis(300)).closeTimeout(Duration.ofMillis(500)).outboundQueueBytes(1000).build(),
                Connection.Protocol.dialing(HbiConfig.Wire.MULTIPLEXED));
        PostingConversation first = c.postingEnd().newConversation();
        first.sendCode(script('x', 900)); // queued: the writer is stuck on the preface
        PostingConversation late = c.postingEnd().newConversation();
        assertThatThrownBy(() -> late.sendCode(script('y', 500))).isInstanceOf(HbiTimeoutException.class)
                .hasMessageContaining("room in the outbound queue");
        wire.open();
        PostingConversation next = c.postingEnd().newConversation();
        next.sendCode(script('y', 500)); // waits for credit, and times out, if the late one's was lost
        assertThat(wire.awaitWritten("y".repeat(10), Duration.ofSeconds(5))).contains("x".repeat(10));
        c.disconnect("the test is over");
    }

    /** A script of {@code bytes} bytes: an assignment of a run of one letter. */
    private static String script(char letter, int bytes) {
        return "v = '" + String.valueOf(letter).repeat(bytes - 6) + "'";
    }

    @Test
    void aTurnEndsBeforeTheNextBeginsEvenWhenThePeerIsSlowToRead() throws Exception {
        GatedWire wire = new GatedWire();
        int limit = 1000;
        Connection c = Connection.start(wire, HostingEnv.create(), HbiConfig.builder()
                .sendTimeout(Duration.ofMillis(300)).outboundQueueBytes(limit).build());
        PostingConversation a = c.postingEnd().newConversation();
        a.sendCode("x".repeat(limit - "[3#co_begin]101".length() - "[979#]".length()));
        a.close();
        wire.open();
        c.postingEnd().newConversation().close();
        assertThat(wire.awaitWritten("[3#co_end]102", Duration.ofSeconds(5)))
                .contains("[3#co_end]101[3#co_begin]102[3#co_end]102");
        assertThat(c.isConnected()).isTrue();
        c.close();
    }

    @Test
    void completionStagesCompleteOffTheReaderSoTheyMayPostAndWait() throws Exception {
        try (HbiPair pair = HbiPair.open(TestServices::echo, HostingEnv.create())) {
            HbiConnection client = pair.client();
            PostingConversation co = client.postingEnd().newConversation();
            CompletableFuture<String> thread = new CompletableFuture<>();
            CompletableFuture<Object> nested = new CompletableFuture<>();
            co.completion().thenRun(() -> {
                thread.complete(Thread.currentThread().getName());
                try (PostingConversation again = client.postingEnd().newConversation()) {
                    again.sendCode("echo(2)");
                    again.startRecv();
                    nested.complete(again.recvObj());
                }
            });
            co.sendCode("echo(1)");
            co.startRecv();
            assertThat(co.recvObj()).isEqualTo(1);
            co.close();
            assertThat(thread.get(5, TimeUnit.SECONDS)).isEqualTo("hbi-callback");
            assertThat(nested.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        }
    }

    @Test
    void aFunctionThrowingAnotherConnectionsClosedExceptionStillEndsItsConversation() {
        HostingEnv server = HostingEnv.create().exposeProcedure("relay", args -> {
            args.conversation().startSend();
            throw new ConnectionClosedException(new DisconnectCause.LocalClose("backend down"));
        });
        try (HbiPair pair = HbiPair.open(() -> server, HostingEnv.create(), CLASSIC)) {
            PostingConversation co = pair.client().postingEnd().newConversation();
            co.sendCode("relay()");
            co.startRecv();
            assertThatThrownBy(co::recvObj).isInstanceOf(ConnectionClosedException.class)
                    .hasMessageContaining("hosting conversation 101 failed")
                    .hasMessageContaining("backend down");
            assertThat(pair.server().awaitDisconnected(Duration.ofSeconds(5)))
                    .isInstanceOf(DisconnectCause.LocalError.class);
        }
    }

    @Test
    void closingAfterThePeerHalfClosedDoesNotWaitForHostingWork() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HbiConfig config = HbiConfig.builder().closeTimeout(Duration.ofMillis(300)).build();
        try (HbiServer server = Hbi.serve(Hbi.address("127.0.0.1:0"), () -> HostingEnv.create()
                .exposeProcedure("work", args -> {
                    args.conversation().finishRecv();
                    working.countDown();
                    release.await(10, TimeUnit.SECONDS);
                }), config);
             RawPeer peer = RawPeer.connect(server.address())) {
            peer.send("[3#co_begin]101[6#]work()[3#co_end]101").shutdownOutput();
            assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();
            HbiConnection conn = server.connections().iterator().next();
            conn.close();
            assertThat(conn.awaitDisconnected(Duration.ofSeconds(2))).isInstanceOf(DisconnectCause.LocalClose.class);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aBackScriptThatFailsAfterCloseFailsTheCompletionAndTellsThePeer() {
        HostingEnv server = HostingEnv.create().exposeProcedure("push", args -> {
            args.conversation().startSend();
            args.conversation().sendCode("boom()");
            args.conversation().sendCode("x = 1");
        });
        HostingEnv client = HostingEnv.create().exposeProcedure("boom", args -> {
            throw new HbiTimeoutException("a nested call timed out");
        });
        try (HbiPair pair = HbiPair.open(() -> server, client, CLASSIC)) {
            PostingConversation co = pair.client().postingEnd().newConversation();
            co.sendCode("push()");
            co.startRecv();
            co.close();
            assertThatThrownBy(() -> co.awaitCompleted(Duration.ofSeconds(5)))
                    .isNotInstanceOf(HbiTimeoutException.class)
                    .hasMessageContaining("a nested call timed out");
            DisconnectCause serverSaw = pair.server().awaitDisconnected(Duration.ofSeconds(5));
            assertThat(serverSaw).isInstanceOf(DisconnectCause.PeerError.class);
            assertThat(serverSaw.message()).contains("landing error in posting conversation 101");
        }
    }
}
