package dev.hbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.testing.HbiPair;
import dev.hbi.testing.TestServices;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What is particular to conversations on the classic wire: its error semantics (hbi-wire-reference §5). */
class ClassicConversationTest {

    private static final HbiConfig CLASSIC = HbiConfig.builder().wire(HbiConfig.Wire.CLASSIC).build();

    @Test
    void landingErrorIsSentToThePeerAndEndsTheConnection() {
        List<DisconnectCause> clientCleanups = new CopyOnWriteArrayList<>();
        List<DisconnectCause> serverCleanups = new CopyOnWriteArrayList<>();
        HostingEnv client = HostingEnv.create().onCleanup((po, ho, cause) -> clientCleanups.add(cause));
        HostingEnv server = TestServices.echo().onCleanup((po, ho, cause) -> serverCleanups.add(cause));
        try (HbiPair pair = HbiPair.open(() -> server, client, CLASSIC)) {
            PostingConversation co = pair.client().postingEnd().newConversation();
            co.sendCode("no_such_function(1)");
            // the peer lands the code as soon as it arrives, so the connection may be down before startRecv
            assertThatThrownBy(() -> {
                co.startRecv();
                co.recvObj();
            })
                    .isInstanceOf(ConnectionClosedException.class)
                    .hasMessageContaining("peer error: landing error in hosting conversation 101")
                    .hasMessageContaining("no_such_function");
            DisconnectCause clientSaw = pair.client().awaitDisconnected(Duration.ofSeconds(5));
            DisconnectCause serverSaw = pair.server().awaitDisconnected(Duration.ofSeconds(5));
            assertThat(clientSaw).isInstanceOf(DisconnectCause.PeerError.class);
            assertThat(serverSaw).isInstanceOf(DisconnectCause.LocalError.class);
            assertThat(((DisconnectCause.PeerError) clientSaw).reason()).isEqualTo(serverSaw.message());
            assertThat(clientCleanups).containsExactly(clientSaw);
            assertThat(serverCleanups).containsExactly(serverSaw);
        }
    }

    @Test
    void aConversationCannotBeCancelledOnTheClassicWire() {
        try (HbiPair pair = HbiPair.open(TestServices::echo, HostingEnv.create(), CLASSIC);
             PostingConversation co = pair.client().postingEnd().newConversation()) {
            assertThatThrownBy(() -> co.cancel("changed my mind"))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("classic wire cannot cancel");
        }
    }
}
