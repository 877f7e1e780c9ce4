package dev.hbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hbi.testing.HbiPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The limits of {@link HbiConfig} that protect a server from greedy peers, on either wire. */
@ParameterizedClass(name = "{0}")
@EnumSource(value = HbiConfig.Wire.class, names = {"CLASSIC", "MULTIPLEXED"})
class LimitsTest {

    @Parameter
    HbiConfig.Wire wire;

    @Test
    void aServerAtItsConnectionLimitTellsTheNextClientItIsBusy() {
        HbiConfig config = HbiConfig.builder().wire(wire).maxConnections(1).build();
        try (HbiServer server = Hbi.serve(Hbi.address("127.0.0.1:0"), HostingEnv::create,
                config.toBuilder().wire(HbiConfig.Wire.AUTO).build());
             HbiConnection first = Hbi.connect(server.address(), HostingEnv.create(), config)) {
            DisconnectCause refused = dialRefused(server, HbiConfig.builder().build());
            assertThat(refused).isInstanceOf(DisconnectCause.PeerError.class);
            assertThat(refused.message()).contains("server busy").contains("at most 1 connections");
            assertThat(first.isConnected()).isTrue();
        }
    }

    @Test
    void aPeerFloodingRequestsIsHeldAtTheConversationLimit() throws Exception {
        int limit = 2;
        int requests = 6;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch atLimit = new CountDownLatch(limit);
        CountDownLatch release = new CountDownLatch(1);
        HostingEnv server = HostingEnv.create().exposeProcedure("hold", args -> {
            args.conversation().finishRecv();
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            atLimit.countDown();
            release.await(5, TimeUnit.SECONDS);
            inFlight.decrementAndGet();
        });
        HbiConfig config = HbiConfig.builder().wire(wire).maxConcurrentConversations(limit).build();
        try (HbiPair pair = HbiPair.open(() -> server, HostingEnv.create(), config)) {
            List<Thread> posters = new ArrayList<>();
            List<PostingConversation> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int i = 0; i < requests; i++) {
                posters.add(Thread.ofVirtual().start(() -> sent.add(pair.client().postingEnd().notify("hold()"))));
            }
            assertThat(atLimit.await(5, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            for (Thread t : posters) {
                t.join(Duration.ofSeconds(5));
            }
            for (PostingConversation co : sent) {
                co.awaitCompleted(Duration.ofSeconds(5));
            }
            assertThat(sent).hasSize(requests);
            assertThat(mostAtOnce.get()).isEqualTo(limit);
        }
    }

    private static DisconnectCause dialRefused(HbiServer server, HbiConfig config) {
        try {
            return Hbi.connect(server.address(), HostingEnv.create(), config).awaitDisconnected(Duration.ofSeconds(5));
        } catch (ConnectionClosedException refusedAtOnce) {
            return refusedAtOnce.disconnectCause();
        }
    }
}
