package dev.hbi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.ConnectionClosedException;
import dev.hbi.DisconnectCause;
import dev.hbi.ErrorCode;
import dev.hbi.Hbi;
import dev.hbi.HbiConfig;
import dev.hbi.HbiServer;
import dev.hbi.HostingEnv;
import dev.hbi.PostingEnd;
import dev.hbi.internal.wire.Frame;
import dev.hbi.internal.wire.FrameEncoder;
import dev.hbi.internal.wire.FrameType;
import dev.hbi.internal.wire.Preface;
import dev.hbi.internal.wire.Settings;
import dev.hbi.testing.TestServices;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact frames this library sends on the multiplexed wire, against a peer scripted by hand. */
class MuxWireTest {

    private HbiServer server;
    private final CompletableFuture<DisconnectCause> serverSaw = new CompletableFuture<>();

    private void serve(HbiConfig config) {
        serve(config, TestServices.echo());
    }

    private void serve(HbiConfig config, HostingEnv env) {
        server = Hbi.serve(Hbi.address("127.0.0.1:0"), () -> env
                .onCleanup((po, ho, cause) -> serverSaw.complete(cause)), config);
    }

    private static ByteBuffer notify(String text) {
        return FrameEncoder.notify(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static ByteBuffer code(int id, String text) {
        return FrameEncoder.code(id, false, false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void answersARequestWithCodeObjectAndEndFrames() throws IOException {
        serve(HbiConfig.defaults());
        try (MuxPeer peer = MuxPeer.handshake(server.address())) {
            peer.send(code(1, "echo('hi')"), FrameEncoder.end(1));
            assertThat(peer.next()).isEqualTo(new Frame.Code(1, true, false,
                    ByteBuffer.wrap("'hi'".getBytes(StandardCharsets.UTF_8))));
            assertThat(peer.next()).isEqualTo(new Frame.End(1));
        }
    }

    @Test
    void notificationsAreLandedInTheOrderTheyArriveAndAcknowledgedByCount() throws IOException {
        List<Object> landed = new java.util.concurrent.CopyOnWriteArrayList<>();
        serve(HbiConfig.defaults(), HostingEnv.create().exposeProcedure("note", args -> landed.add(args.get(0))));
        try (MuxPeer peer = MuxPeer.dial(server.address(), FrameEncoder.preface(Settings.DEFAULTS))) {
            assertThat(peer.readPreface().landsNotifications()).isTrue();
            for (int i = 0; i < 50; i++) {
                peer.send(notify("note(" + i + ")"));
            }
            int acknowledged = 0;
            while (acknowledged < 50) {
                Frame f = nextNonWindowUpdate(peer);
                assertThat(f).isInstanceOfSatisfying(Frame.Notified.class, n -> assertThat(n.failure()).isEmpty());
                acknowledged += ((Frame.Notified) f).count();
            }
            assertThat(acknowledged).isEqualTo(50);
            assertThat(landed).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
        }
    }

    @Test
    void aNotificationThatFailsIsAcknowledgedWithWhyAndTheNextOneStillLands() throws IOException {
        serve(HbiConfig.defaults());
        try (MuxPeer peer = MuxPeer.handshake(server.address())) {
            byte[] notUtf8 = {(byte) 0xff};
            peer.send(notify("no_such_function()"));
            assertThat(peer.next()).isInstanceOfSatisfying(Frame.Notified.class, n -> {
                assertThat(n.count()).isOne();
                assertThat(n.failure()).startsWith("landing error in notification 1: name 'no_such_function' is not defined");
            });
            peer.send(FrameEncoder.notify(ByteBuffer.wrap(notUtf8)));
            assertThat(peer.next()).isEqualTo(new Frame.Notified(1, "notification 2 is not valid UTF-8"
                    + " (wire-protocol.md §12.5)"));
            peer.send(notify("x = 1"));
            assertThat(peer.next()).isEqualTo(new Frame.Notified(1, ""));
            peer.send(code(1, "echo(x)"), FrameEncoder.end(1));
            assertThat(nextNonWindowUpdate(peer)).isEqualTo(new Frame.Code(1, true, false,
                    ByteBuffer.wrap("1".getBytes(StandardCharsets.UTF_8))));
        }
    }

    @Test
    void acknowledgingNotificationsNeverSentIsAProtocolError() throws Exception {
        serve(HbiConfig.defaults());
        try (MuxPeer peer = MuxPeer.handshake(server.address())) {
            peer.send(FrameEncoder.notified(Integer.MAX_VALUE, "", 65536));
            assertGoAway(peer.framesToEnd(), ErrorCode.PROTOCOL_ERROR, "acknowledged 2147483647 notifications, but 0 were sent");
        }
    }

    @Test
    void notificationsBeyondTheirWindowAreAFlowControlError() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        serve(HbiConfig.builder().maxFrameSize(16384).initialWindowSize(16384).build(),
                HostingEnv.create().exposeProcedure("hold", args -> release.await(5, TimeUnit.SECONDS)));
        try (MuxPeer peer = MuxPeer.handshake(server.address())) {
            String filler = "hold()#" + "x".repeat(8000);
            peer.send(notify(filler), notify(filler), notify(filler));
            assertGoAway(peer.framesToEnd(), ErrorCode.FLOW_CONTROL_ERROR, "more than the window of 16384 bytes for notifications");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aSilentPeerIsPingedThenToldItIdledOut() throws Exception {
        serve(HbiConfig.builder().idleTimeout(Duration.ofMillis(300)).build());
        List<Frame> frames;
        try (MuxPeer peer = MuxPeer.handshake(server.address())) {
            frames = peer.framesToEnd();
        }
        assertThat(frames).anyMatch(f -> f instanceof Frame.Ping p && !p.ack());
        assertThat(frames.get(frames.size() - 1)).isInstanceOfSatisfying(Frame.GoAway.class,
                g -> assertThat(g.errorCode()).isEqualTo(ErrorCode.IDLE_TIMEOUT));
        // the server's cleanup runs once its reader has seen this peer close
        assertThat(serverSaw.get(5, TimeUnit.SECONDS)).isInstanceOf(DisconnectCause.IdleTimeout.class);
    }

    @Test
    void moreDataThanTheWindowAllowsIsAFlowControlError() throws Exception {
        serve(HbiConfig.builder().initialWindowSize(16384).maxFrameSize(16384).build());
        try (MuxPeer peer = MuxPeer.handshake(server.address())) {
            ByteBuffer chunk = ByteBuffer.allocate(16384);
            peer.send(code(1, "x = 1"));
            peer.send(FrameEncoder.data(1, chunk));
            assertGoAway(peer.framesToEnd(), ErrorCode.FLOW_CONTROL_ERROR, "more than the window of hosting conversation 1");
        }
    }

    @Test
    void aFrameForAConversationThisSideNeverStartedIsAProtocolError() throws Exception {
        serve(HbiConfig.defaults());
        try (MuxPeer peer = MuxPeer.handshake(server.address())) {
            peer.send(code(2, "x = 1"));
            assertGoAway(peer.framesToEnd(), ErrorCode.PROTOCOL_ERROR, "conversation 2, which this side did not start");
        }
    }

    @Test
    void aFrameLongerThanMaxFrameSizeIsAFrameSizeError() throws Exception {
        serve(HbiConfig.builder().maxFrameSize(16384).build());
        try (MuxPeer peer = MuxPeer.handshake(server.address())) {
            peer.send(FrameEncoder.header(16385, FrameType.DATA, 0, 1));
            assertGoAway(peer.framesToEnd(), ErrorCode.FRAME_SIZE_ERROR, "longer than the MAX_FRAME_SIZE of 16384");
        }
    }

    @Test
    void orderedNotificationsPendingWhenThePeerEndsWithoutGoAwayFailSayingThePeerClosed() throws Exception {
        CompletableFuture<PostingEnd> serverPosting = new CompletableFuture<>();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        serve(HbiConfig.defaults(), TestServices.echo().onInit((po, ho) -> serverPosting.complete(po))
                .exposeProcedure("hold", args -> {
                    holding.countDown();
                    release.await(5, TimeUnit.SECONDS);
                }));
        Settings landsNotifications = new Settings(65536, 1 << 20, 32 << 20, 10_000, 1 << 20, true);
        CompletableFuture<Void> pending;
        try (MuxPeer peer = MuxPeer.dial(server.address(), FrameEncoder.preface(landsNotifications))) {
            peer.readPreface();
            pending = serverPosting.get(5, TimeUnit.SECONDS).notifyInOrder("note()").toCompletableFuture();
            while (!(peer.next() instanceof Frame.Notify)) {
                // the server's frames before the notification
            }
            // a conversation still working when the stream ends: the server waits for it before it ends too
            peer.send(code(1, "hold()"), FrameEncoder.end(1));
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        } // the end of stream, with no GOAWAY and no NOTIFIED
        try {
            assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(ConnectionClosedException.class)
                    .hasMessageContaining("peer closed the connection");
        } finally {
            release.countDown();
        }
    }

    @Test
    void moreCodeAfterTheEndIsAProtocolError() throws Exception {
        serve(HbiConfig.defaults());
        try (MuxPeer peer = MuxPeer.handshake(server.address())) {
            peer.send(code(1, "x = 1"), FrameEncoder.end(1), code(1, "y = 2"));
            List<Frame> frames = peer.framesToEnd();
            assertGoAway(frames, ErrorCode.PROTOCOL_ERROR, "after ending its part of it");
        }
    }

    @Test
    void invalidScriptsResetOnlyTheirConversationsAndTheirBytesAreCredited() throws IOException {
        serve(HbiConfig.builder().initialWindowSize(16384).connectionWindowSize(16384).build());
        try (MuxPeer peer = MuxPeer.handshake(server.address())) {
            byte[] notUtf8 = new byte[4096];
            java.util.Arrays.fill(notUtf8, (byte) 0xff);
            for (int id = 1; id <= 41; id += 2) {
                peer.send(FrameEncoder.code(id, false, false, ByteBuffer.wrap(notUtf8)));
                Frame reset = nextNonWindowUpdate(peer);
                assertThat(reset).isInstanceOfSatisfying(Frame.Reset.class, r -> {
                    assertThat(r.errorCode()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
                    assertThat(r.message()).contains("not valid UTF-8");
                });
                peer.send(FrameEncoder.reset(reset.conversationId(), ErrorCode.CANCEL, "", 16384));
            }
            peer.send(code(43, "echo(43)"), FrameEncoder.end(43));
            assertThat(nextNonWindowUpdate(peer)).isInstanceOf(Frame.Code.class);
        }
    }

    private static Frame nextNonWindowUpdate(MuxPeer peer) throws IOException {
        Frame frame;
        do {
            frame = peer.next();
        } while (frame instanceof Frame.WindowUpdate);
        return frame;
    }

    @Test
    void anotherVersionGetsOurPrefaceThenVersionMismatch() throws Exception {
        serve(HbiConfig.defaults());
        ByteBuffer v2 = FrameEncoder.preface(Settings.DEFAULTS);
        v2.putShort(8, (short) 2);
        try (MuxPeer peer = MuxPeer.dial(server.address(), v2)) {
            assertThat(peer.readPreface()).isNotNull();
            assertGoAway(peer.framesToEnd(), ErrorCode.VERSION_MISMATCH, "version 2");
        }
    }

    @Test
    void framesOfUnknownTypesAreIgnored() throws IOException {
        serve(HbiConfig.defaults());
        try (MuxPeer peer = MuxPeer.handshake(server.address())) {
            ByteBuffer unknown = ByteBuffer.allocate(12).put(FrameEncoder.header(3, FrameType.DATA, 0, 1))
                    .put((byte) 1).put((byte) 2).put((byte) 3).flip();
            unknown.put(3, (byte) 0x2a);
            peer.send(unknown, code(1, "echo(7)"), FrameEncoder.end(1));
            assertThat(peer.next()).isInstanceOf(Frame.Code.class);
        }
    }

    @Test
    void aPingIsAnsweredWithTheSameBytes() throws IOException {
        serve(HbiConfig.defaults());
        try (MuxPeer peer = MuxPeer.handshake(server.address())) {
            peer.send(FrameEncoder.ping(false, 0x1122334455667788L));
            assertThat(peer.next()).isEqualTo(new Frame.Ping(true, 0x1122334455667788L));
        }
    }

    @Test
    void aConversationBeyondTheLimitIsRefusedAndTheOthersGoOn() throws IOException {
        serve(HbiConfig.builder().maxConcurrentConversations(1).build());
        try (MuxPeer peer = MuxPeer.handshake(server.address())) {
            peer.send(code(1, "x = 1"), code(3, "y = 2"));
            assertThat(peer.next()).isInstanceOfSatisfying(Frame.Reset.class, r -> {
                assertThat(r.conversationId()).isEqualTo(3);
                assertThat(r.errorCode()).isEqualTo(ErrorCode.REFUSED_CONVERSATION);
            });
            peer.send(FrameEncoder.end(3), FrameEncoder.end(1));
            assertThat(peer.next()).isEqualTo(new Frame.End(1));
        }
    }

    @Test
    void aClassicPacketAfterTheMagicByteIsNotMistakenForTheMultiplexedWire() throws IOException {
        serve(HbiConfig.defaults());
        ByteBuffer garbage = ByteBuffer.wrap(new byte[] {Preface.FIRST_BYTE, 'n', 'o', 'p', 'e', '!', '!', '!', 0, 1});
        try (MuxPeer peer = MuxPeer.dial(server.address(), garbage)) {
            assertThat(peer.framesToEnd()).isEmpty();
        }
    }

    private static void assertGoAway(List<Frame> frames, ErrorCode code, String reason) {
        assertThat(frames).isNotEmpty();
        assertThat(frames.get(frames.size() - 1)).isInstanceOfSatisfying(Frame.GoAway.class, g -> {
            assertThat(g.errorCode()).isEqualTo(code);
            assertThat(g.message()).contains(reason);
        });
    }
}
