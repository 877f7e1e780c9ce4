package dev.hbi.groovy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.ConnectionClosedException;
import dev.hbi.DisconnectCause;
import dev.hbi.ErrorCode;
import dev.hbi.HbiConfig;
import dev.hbi.HbiConnection;
import dev.hbi.HostingConversation;
import dev.hbi.HostingEnv;
import dev.hbi.PeerLandingException;
import dev.hbi.PostingConversation;
import dev.hbi.testing.HbiPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A server landing with Groovy serves a client over a real loopback connection, on both wires. */
class GroovyEndToEndTest {

    private static final HbiConfig MUX = HbiConfig.builder().wire(HbiConfig.Wire.MULTIPLEXED).build();
    private static final HbiConfig CLASSIC = HbiConfig.builder().wire(HbiConfig.Wire.CLASSIC).build();

    /** A Groovy-landing service: add(a, b), and reply(x), which answers x on the conversation. */
    private static HostingEnv service() {
        return HostingEnv.create("groovy")
                .expose("add", args -> args.longValue(0) + args.longValue(1))
                .exposeProcedure("reply", args -> {
                    HostingConversation co = args.conversation();
                    co.startSend();
                    co.sendValue(args.get(0));
                });
    }

    private static Object ask(HbiConnection connection, String code) {
        try (PostingConversation co = connection.postingEnd().newConversation()) {
            co.sendCode(code);
            co.startRecv();
            return co.recvObj(Duration.ofSeconds(10));
        }
    }

    @Test
    void aScriptWithALoopAndSeveralCallsIsServedInOneRoundTrip() {
        try (HbiPair pair = HbiPair.open(GroovyEndToEndTest::service, HostingEnv.create(), MUX)) {
            assertThat(ask(pair.client(), "def total = 0; for (i in 1..10) { total += add(i, i) }; reply(total)"))
                    .isEqualTo(110);
            assertThat(ask(pair.client(), "reply(add(20, 22))")).isEqualTo(42);
            assertThat(ask(pair.client(), "def names = ['ann', 'bob']; reply(names.collect { it.capitalize() })"))
                    .isEqualTo(List.of("Ann", "Bob"));
        }
    }

    @Test
    void variablesAPeerAssignsPersistForItsConnection() {
        try (HbiPair pair = HbiPair.open(GroovyEndToEndTest::service, HostingEnv.create(), MUX)) {
            pair.client().postingEnd().notify("seen = []").awaitCompleted();
            pair.client().postingEnd().notify("seen << 'a'.toUpperCase()").awaitCompleted();
            assertThat(ask(pair.client(), "seen << 'b'; reply(seen)")).isEqualTo(List.of("A", "b"));
        }
    }

    @Test
    @Timeout(30)
    void anEscapeAttemptFailsOnlyItsConversationOnTheMultiplexedWire() throws Exception {
        try (HbiPair pair = HbiPair.open(GroovyEndToEndTest::service, HostingEnv.create(), MUX);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Object> runaway = threads.submit(() -> ask(pair.client(), "while (true) { }"));
            List<Future<Object>> others = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String code = "reply([" + i + "].collect { add(it, 1) })";
                others.add(threads.submit(() -> ask(pair.client(), code)));
            }
            assertThatThrownBy(() -> ask(pair.client(), "reply('touch /tmp/hbi-pwned'.execute())"))
                    .isInstanceOf(PeerLandingException.class)
                    .hasMessageContaining("calling 'execute' on java.lang.String is not allowed")
                    .satisfies(e -> assertThat(((PeerLandingException) e).errorCode()).isEqualTo(ErrorCode.LANDING_ERROR));
            for (int i = 0; i < 20; i++) {
                assertThat(others.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(List.of(i + 1));
            }
            assertThatThrownBy(() -> runaway.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(PeerLandingException.class)
                    .hasMessageContaining("time budget");
            assertThat(ask(pair.client(), "reply(add(1, 1))")).isEqualTo(2);
            assertThat(pair.client().isConnected()).isTrue();
            assertThat(pair.server().isConnected()).isTrue();
        }
    }

    @Test
    void anEscapeAttemptClosesTheConnectionOnTheClassicWire() {
        try (HbiPair pair = HbiPair.open(GroovyEndToEndTest::service, HostingEnv.create(), CLASSIC)) {
            PostingConversation co = pair.client().postingEnd().newConversation();
            co.sendCode("reply(new File('/tmp/hbi-pwned').text)");
            assertThatThrownBy(() -> {
                co.startRecv();
                co.recvObj();
            })
                    .isInstanceOf(ConnectionClosedException.class)
                    .hasMessageContaining("new java.io.File is not allowed");
            assertThat(pair.client().awaitDisconnected(Duration.ofSeconds(5))).isInstanceOf(DisconnectCause.PeerError.class);
            assertThat(pair.server().awaitDisconnected(Duration.ofSeconds(5))).isInstanceOf(DisconnectCause.LocalError.class);
        }
    }
}
