package dev.hbi.samples.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hbi.Expose;
import dev.hbi.Hbi;
import dev.hbi.HbiConnection;
import dev.hbi.HbiServer;
import dev.hbi.HostingEnv;
import dev.hbi.PostingConversation;
import dev.hbi.Repr;
import dev.hbi.Tuple;
import dev.hbi.samples.hello.HelloClient;
import dev.hbi.samples.hello.HelloServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Interop with the reference HBI (complyue/hbi, Python), run as a real peer. Needs a checkout laid out
 * as ../shared/reference-peer.md says, named by {@code HBI_REFERENCE_PEERS}; skipped without it (as in
 * CI, which cannot fetch the reference). The hello tests use port 3232, which the reference's hello
 * programs hard-code. The chat sample's interop is in {@link ChatInteropTest}.
 */
@EnabledIfEnvironmentVariable(named = "HBI_REFERENCE_PEERS", matches = ".+")
@Timeout(60)
class ReferenceInteropTest {

    @RegisterExtension
    final ReferencePeers peers = new ReferencePeers();
    private final Path workDir = peers.workDir();

    @Test
    void referenceHelloClientGreetsOurHelloServer() throws Exception {
        try (HbiServer server = HelloServer.serve(Hbi.address("127.0.0.1:3232"))) {
            Process client = peers.module(workDir, false, "hbi.cmd.hello-client");
            assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String printed = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(printed.lines()).hasSize(2);
            assertThat(printed.lines().toList().get(0)).isEqualTo("Welcome to HBI world!");
            assertThat(printed.lines().toList().get(1)).matches("Hello, Nick from 127\\.0\\.0\\.1:\\d+!");
            assertThat(client.exitValue()).isZero();
            assertThat(server.isOpen()).isTrue();
        }
    }

    @Test
    void ourHelloClientGreetsTheReferenceHelloServer() throws Exception {
        Process server = peers.module(workDir, false, "hbi.cmd.hello-server");
        ReferencePeers.awaitLine(server, "hello server listening");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        HelloClient.sayHello(Hbi.address("127.0.0.1:3232"), new PrintStream(printed, true, StandardCharsets.UTF_8));
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("Welcome to HBI world!");
        assertThat(lines.get(1)).matches("Hello, Nick from 127\\.0\\.0\\.1:\\d+!");
    }

    /** The reference hello server's one function, as a Java interface for a typed proxy. */
    public interface HelloService {
        /**
         * {@code hello()}: greets the name the client's scripts assigned to {@code my_name}.
         *
         * @return the greeting
         */
        @Expose("hello")
        String hello();
    }

    @Test
    void aTypedProxyGreetsTheReferenceHelloServer() throws Exception {
        Process server = peers.module(workDir, false, "hbi.cmd.hello-server");
        ReferencePeers.awaitLine(server, "hello server listening");
        BlockingQueue<Object> printed = new LinkedBlockingQueue<>();
        HostingEnv env = HostingEnv.create().exposeProcedure("print", args -> printed.add(args.get(0)));

        try (HbiConnection connection = Hbi.connect(Hbi.address("127.0.0.1:3232"), env)) {
            HelloService hello = connection.postingEnd().proxy(HelloService.class);

            assertThat(hello.hello()).matches("Hello, None from 127\\.0\\.0\\.1:\\d+!");
            connection.postingEnd().notify("my_name = 'Nick'").awaitCompleted();
            assertThat(hello.hello()).matches("Hello, Nick from 127\\.0\\.0\\.1:\\d+!");
            assertThat(printed.poll(5, TimeUnit.SECONDS)).isEqualTo("Welcome to HBI world!");
        }
    }

    @Test
    void pythonLiteralsLandHereAsEqualJavaValues() throws Exception {
        try (HbiConnection peer = literalPeer();
             PostingConversation co = peer.postingEnd().newConversation()) {
            co.sendCode("corpus()");
            co.startRecv();
            for (Object expected : javaCorpus()) {
                assertThat(co.recvObj()).as("the value after %s", Repr.repr(expected)).isEqualTo(expected);
            }
        }
    }

    @Test
    void ourLiteralsLandThereAsEqualValues() throws Exception {
        try (HbiConnection peer = literalPeer()) {
            for (Object value : javaCorpus()) {
                try (PostingConversation co = peer.postingEnd().newConversation()) {
                    co.sendCode("echo_repr()");
                    co.sendValue(value);
                    co.startRecv();
                    assertThat(co.recvObj()).as("what Python landed from %s", Repr.repr(value)).isEqualTo(value);
                    String pythonRepr = co.recvObj(String.class);
                    if (!(value instanceof Set<?>) && !(value instanceof Double d && !Double.isFinite(d))) {
                        // Python writes sets in hash order and non-finite floats as names it cannot land
                        assertThat(pythonRepr).as("Python's repr of %s", Repr.repr(value)).isEqualTo(Repr.repr(value));
                    }
                }
            }
        }
    }

    /** The Java values of literal_peer.py's CORPUS, in the same order. */
    private static List<Object> javaCorpus() {
        Map<Object, Object> strKeys = new LinkedHashMap<>();
        strKeys.put("a", 1);
        strKeys.put("b", List.of(1, 2));
        Map<Object, Object> intKeys = new LinkedHashMap<>();
        intKeys.put(1, "one");
        intKeys.put(2, "two");
        return Arrays.asList(
                null, true, false,
                0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 2147483648L, Long.MAX_VALUE, Long.MIN_VALUE,
                BigInteger.TWO.pow(64), BigInteger.TWO.pow(100).negate(), BigInteger.TEN.pow(50),
                0.0, -0.0, 1.5, -2.25, 0.1, 1e16, 1e-05, 1e300, Double.MIN_VALUE, Double.MAX_VALUE, 123456789.0,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                "", "plain", "it's", "say \"hi\"", "both ' and \"", "tab\there", "new\nline", "cr\rlf", "back\\slash",
                "\u0000\u0001\u001f\u007f", "é中😀", "\u2028 line sep", "\u00a0 nbsp", "\ud7ff", "\udbff\udfff",
                List.of(), List.of(1, List.of(2, List.of(3, List.of()))), Arrays.asList("a", 1, null, 2.5, true),
                Map.of(), strKeys, intKeys, Map.of("nested", Map.of("deeper", Map.of("deepest", List.of()))),
                Tuple.EMPTY, Tuple.of(1), Tuple.of(1, "two", Tuple.of(3.0)), Map.of(Tuple.of(1, 2), "tuple key"),
                new LinkedHashSet<>(List.of(1, 2, 3)), Set.of(4), Set.of(),
                new byte[0], "bytes\u0000\u00ff'\"".getBytes(StandardCharsets.ISO_8859_1),
                "array".getBytes(StandardCharsets.US_ASCII));
    }

    private HbiConnection literalPeer() throws Exception {
        int port = ReferencePeers.freePort();
        ReferencePeers.awaitLine(peers.script(workDir, false, "literal_peer.py", Integer.toString(port)), "ready");
        return Hbi.connect(Hbi.address("127.0.0.1:" + port), HostingEnv.create());
    }
}
