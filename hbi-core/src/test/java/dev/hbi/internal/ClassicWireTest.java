package dev.hbi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hbi.DisconnectCause;
import dev.hbi.Hbi;
import dev.hbi.HbiConfig;
import dev.hbi.HbiConnection;
import dev.hbi.HbiServer;
import dev.hbi.HostingEnv;
import dev.hbi.PostingConversation;
import dev.hbi.testing.RawPeer;
import dev.hbi.testing.TestServices;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes this library sends on the classic wire, against a peer scripted by hand: the
 * reference's own exchanges (hbi-wire-reference §1.4) and its error handling, done better (§5).
 */
class ClassicWireTest {

    private HbiServer server;

    @BeforeEach
    void startServer() {
        server = Hbi.serve(Hbi.address("127.0.0.1:0"), ClassicWireTest::service);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static HostingEnv service() {
        return TestServices.echo().exposeProcedure("nothing", args -> { });
    }

    @Test
    void answersARequestWithTheReferenceBytes() throws IOException {
        try (RawPeer peer = RawPeer.connect(server.address())) {
            peer.send("[3#co_begin]101[24#]my_name = 'Nick'\nhello()[3#co_end]101");
            String greeting = "'Hello, Nick from 127.0.0.1:" + peer.localAddress().getPort() + "!'";
            String expected = "[3#co_ack_begin]101[" + greeting.length() + "#co_recv]" + greeting + "[3#co_ack_end]101";
            assertThat(peer.read(expected)).isEqualTo(expected);
        }
    }

    @Test
    void answersAFireAndForgetWithAnEmptyAckPair() throws IOException {
        try (RawPeer peer = RawPeer.connect(server.address())) {
            peer.send("[3#co_begin]101[5#]x = 1[3#co_end]101");
            assertThat(peer.read("[3#co_ack_begin]101[3#co_ack_end]101"))
                    .isEqualTo("[3#co_ack_begin]101[3#co_ack_end]101");
        }
    }

    @Test
    void echoesRawDataThatLooksLikeAPacket() throws IOException {
        try (RawPeer peer = RawPeer.connect(server.address())) {
            peer.send("[3#co_begin]101[12#]echo_data(5)[5#]x[3#co_end]101");
            assertThat(peer.read("[3#co_ack_begin]101[5#]x[3#co_ack_end]101"))
                    .isEqualTo("[3#co_ack_begin]101[5#]x[3#co_ack_end]101");
        }
    }

    @Test
    void treatsCoSeqAsAnOpaqueString() throws IOException {
        try (RawPeer peer = RawPeer.connect(server.address())) {
            peer.send("[1#co_begin]7[10#]echo_obj()[11#co_recv]'é中😀'[1#co_end]7");
            assertThat(peer.read("[1#co_ack_begin]7[11#co_recv]'é中😀'[1#co_ack_end]7"))
                    .isEqualTo("[1#co_ack_begin]7[11#co_recv]'é中😀'[1#co_ack_end]7");
        }
    }

    @Test
    void answersAHalfClosedPeerBeforeClosing() throws IOException {
        try (RawPeer peer = RawPeer.connect(server.address())) {
            peer.send("[3#co_begin]101[7#]echo(1)[3#co_end]101").shutdownOutput();
            assertThat(peer.readToEnd()).isEqualTo("[3#co_ack_begin]101[1#co_recv]1[3#co_ack_end]101");
        }
    }

    @Test
    void malformedHeaderGetsAnErrPacketThenClose() throws IOException {
        assertErr("[3#co_begin]101[xx#]", "malformed packet header '[xx#]': the length is not a decimal number");
    }

    @Test
    void unknownDirectiveGetsAnErrPacketThenClose() throws IOException {
        assertErr("[0#bogus]", "malformed packet header '[0#bogus]': 'bogus' is not a directive of the classic wire");
    }

    @Test
    void coSeqMismatchGetsAnErrPacketThenClose() throws IOException {
        assertErr("[3#co_begin]101[5#]x = 1[3#co_end]102", "co_end 102 does not match hosting conversation 101");
    }

    @Test
    void codeOutsideAnyConversationGetsAnErrPacketThenClose() throws IOException {
        assertErr("[5#]x = 1", "a code packet arrived outside any conversation: [5#]x = 1");
    }

    @Test
    void answerToNoConversationGetsAnErrPacketThenClose() throws IOException {
        assertErr("[3#co_ack_begin]555", "co_ack_begin 555 answers no posting conversation of ours");
    }

    @Test
    void landingErrorGetsAnErrPacketNamingTheCode() throws IOException {
        assertErr("[3#co_begin]101[11#]__import__()[3#co_end]101",
                "landing error in hosting conversation 101");
    }

    @Test
    void extraPacketAfterTheFunctionThatEndedTheReceiveStageGetsAnErrPacket() throws IOException {
        // hbi-wire-reference §2.5: [7#]hello()[5#]y = 2[3#co_end]101 made the reference close silently
        assertErr("[3#co_begin]101[7#]hello()[5#]y = 2[3#co_end]101",
                "hosting conversation 101 was told to finish receiving, but the request goes on with code: y = 2");
    }

    @Test
    void objectNobodyReceivesGetsAnErrPacket() throws IOException {
        assertErr("[3#co_begin]101[9#]nothing()[1#co_recv]1[3#co_end]101",
                "hosting conversation 101 received an object (co_recv) but nothing was receiving it");
    }

    @Test
    void oversizedPacketIsRefusedBeforeItsPayloadArrives() throws IOException {
        assertErr("[3#co_begin]101[999999999#]", "announces more than the 16777216 bytes a packet may carry");
    }

    @Test
    void peerErrorClosesWithoutAnsweringErr() throws IOException {
        try (RawPeer peer = RawPeer.connect(server.address())) {
            peer.send("[7#err]go away");
            assertThat(peer.readToEnd()).isEmpty();
        }
    }

    @Test
    void endOfStreamWhileAConversationReceivesGetsAnErrPacket() throws IOException {
        try (RawPeer peer = RawPeer.connect(server.address())) {
            peer.send("[3#co_begin]101[9#]nothing()").shutdownOutput();
            assertThat(peer.readToEnd()).matches("\\[\\d+#err\\].*")
                    .contains("the peer closed the connection while hosting conversation 101 was receiving");
        }
    }

    @Test
    void anAnswerBeforeTheRequestEndedGetsAnErrPacket() throws Exception {
        try (ServerSocket rawServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HbiConnection client = Hbi.connect(rawServer.getLocalSocketAddress(), HostingEnv.create(),
                    HbiConfig.builder().wire(HbiConfig.Wire.CLASSIC).build());
            try (Socket raw = rawServer.accept()) {
                PostingConversation co = client.postingEnd().newConversation();
                co.sendCode("x = 1");
                raw.getOutputStream().write("[3#co_ack_begin]101".getBytes(StandardCharsets.US_ASCII));
                String got = new String(raw.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(got).startsWith("[3#co_begin]101[5#]x = 1[")
                        .contains("#err]co_ack_begin 101 arrived before this side's co_end 101");
            }
            assertThat(client.awaitDisconnected(Duration.ofSeconds(5))).isInstanceOf(DisconnectCause.LocalError.class);
        }
    }

    private void assertErr(String send, String reason) throws IOException {
        try (RawPeer peer = RawPeer.connect(server.address())) {
            peer.send(send);
            String got = peer.readToEnd();
            assertThat(got).matches("(?s)\\[\\d+#err\\].*").contains(reason);
            int length = Integer.parseInt(got.substring(1, got.indexOf('#')));
            assertThat(got.substring(got.indexOf(']') + 1).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .hasSize(length);
        }
    }
}
