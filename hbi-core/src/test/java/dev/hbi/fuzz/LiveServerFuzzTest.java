package dev.hbi.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hbi.Hbi;
import dev.hbi.HbiConfig;
import dev.hbi.HbiServer;
import dev.hbi.HostingEnv;
import dev.hbi.PostingConversation;
import dev.hbi.internal.wire.FrameEncoder;
import dev.hbi.internal.wire.Settings;
import dev.hbi.testing.TestServices;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutated classic and multiplexed byte streams sent to a live server: every connection ends within its
 * deadline (nothing hangs), no library thread dies of an uncaught exception, and the server goes on
 * serving well-behaved clients.
 */
class LiveServerFuzzTest {

    private final Queue<Throwable> uncaught = new ConcurrentLinkedQueue<>();
    private Thread.UncaughtExceptionHandler previous;
    private HbiServer server;

    @BeforeEach
    void start() {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        HbiConfig small = HbiConfig.builder().maxPacketSize(4096).maxFrameSize(16384).initialWindowSize(16384)
                .connectionWindowSize(65536).recvTimeout(Duration.ofSeconds(2)).closeTimeout(Duration.ofMillis(500))
                .detectionWindow(Duration.ofMillis(100)).build();
        server = Hbi.serve(Hbi.address("127.0.0.1:0"), TestServices::echo, small);
    }

    @AfterEach
    void stop() {
        server.close();
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    private static List<byte[]> corpus() {
        List<byte[]> corpus = new ArrayList<>();
        for (String p : List.of("[3#co_begin]101[24#]my_name = 'Nick'\nhello()[3#co_end]101",
                "[3#co_begin]102[7#]echo(1)[3#co_end]102", "[3#co_begin]103[12#]echo_data(5)ABCDE[3#co_end]103",
                "[3#co_begin]104[10#]echo_obj()[3#co_recv]'x'[3#co_end]104")) {
            corpus.add(p.getBytes(StandardCharsets.UTF_8));
        }
        ByteBuffer preface = FrameEncoder.preface(Settings.DEFAULTS);
        ByteBuffer code = FrameEncoder.code(1, false, false, ByteBuffer.wrap("echo(7)".getBytes(StandardCharsets.UTF_8)));
        ByteBuffer end = FrameEncoder.end(1);
        corpus.add(concat(preface, code, end));
        corpus.add(concat(preface, FrameEncoder.notify(ByteBuffer.wrap("echo(8)".getBytes(StandardCharsets.UTF_8))),
                FrameEncoder.notified(1, "", 65536)));
        return corpus;
    }

    private static byte[] concat(ByteBuffer... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (ByteBuffer p : parts) {
            byte[] b = new byte[p.remaining()];
            p.duplicate().get(b);
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    @Test
    @Timeout(600)
    void everyMalformedConnectionEndsAndTheServerServesOn() throws IOException {
        Mutator mutator = new Mutator(7, corpus());
        int cases = Math.min(Mutator.cases(150), 20_000);
        for (int i = 0; i < cases; i++) {
            byte[] input = mutator.next();
            assertThat(sendAndAwaitClose(input))
                    .as("case %d: %s", i, java.util.HexFormat.of().formatHex(input)).isTrue();
        }
        assertThat(uncaught).isEmpty();
        try (var client = Hbi.connect(server.address(), HostingEnv.create());
             PostingConversation co = client.postingEnd().newConversation()) {
            co.sendCode("echo('still serving')");
            co.startRecv();
            assertThat(co.recvObj()).isEqualTo("still serving");
        }
    }

    /** Sends the bytes, half-closes, and reads until the server closes: false if it does not within 5 s. */
    private boolean sendAndAwaitClose(byte[] input) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server.address(), 2000);
            socket.setSoTimeout(5000);
            try {
                socket.getOutputStream().write(input);
                socket.shutdownOutput();
            } catch (IOException closedEarly) {
                // the server may refuse the first bytes and close before we finish: fine
            }
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[8192];
            try {
                while (in.read(sink) >= 0) {
                    // drain what the server answers until it closes
                }
            } catch (SocketTimeoutException hung) {
                return false;
            } catch (IOException reset) {
                return true;
            }
            return true;
        }
    }
}
