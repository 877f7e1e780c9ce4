package dev.hbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.testing.HbiPair;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The typed layer: {@link Expose}d reactors and proxies, over loopback, on either wire. */
@ParameterizedClass(name = "{0}")
@EnumSource(value = HbiConfig.Wire.class, names = {"CLASSIC", "MULTIPLEXED"})
class TypedLayerTest {

    @Parameter
    HbiConfig.Wire wire;

    /** hbichat's message, a record exposed as a constructor on both sides. */
    public record Msg(String from, String content, double time) {
    }

    /** A colour, carried by name. */
    public enum Color { RED, GREEN }

    /** The service, seen from the client. */
    public interface Service {
        @Expose("Add")
        int add(int a, int b);

        @Expose("Total")
        long total(List<Long> values);

        @Expose("Big")
        BigInteger big(BigInteger a, BigDecimal b);

        @Expose("Describe")
        String describe(Color color, Map<String, Integer> counts, String[] names);

        @Expose("Echo")
        Msg echo(Msg msg);

        @Expose("Upper")
        byte[] upper(String tag, byte[] text);

        @Expose("Shout")
        CompletableFuture<String> shout(String word);

        @Expose(value = "Remember", oneWay = true)
        void remember(String note);

        @Expose("Forget")
        void forget(String note);

        @Expose("Slow")
        String slow();

        @Expose("Nothing")
        String nothing();

        /** Default methods run here, not remotely. */
        default int addTwice(int a, int b) {
            return add(add(a, b), b);
        }
    }

    /** The service, on the server: typed methods answer with what they return. */
    public static final class ServiceImpl {
        final BlockingQueue<String> notes = new LinkedBlockingQueue<>();
        final CountDownLatch slowRelease = new CountDownLatch(1);

        @Expose(value = "Add", doc = "Adds two ints.")
        public int add(int a, int b) {
            return a + b;
        }

        @Expose("Total")
        public long total(List<Long> values) {
            return values.stream().mapToLong(Long::longValue).sum();
        }

        @Expose("Big")
        public BigInteger big(BigInteger a, BigDecimal b) {
            return a.add(b.toBigInteger());
        }

        @Expose("Describe")
        public String describe(Color color, Map<String, Integer> counts, String[] names) {
            return color + " " + counts + " " + List.of(names);
        }

        @Expose("Echo")
        public Msg echo(Msg msg) {
            return new Msg(msg.from(), msg.content().toUpperCase(java.util.Locale.ROOT), msg.time());
        }

        @Expose("Upper")
        public ByteBuffer upper(String tag, byte[] text) {
            return ByteBuffer.wrap((tag + new String(text, StandardCharsets.UTF_8)).toUpperCase(java.util.Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Expose("Shout")
        public String shout(String word) {
            return word + "!";
        }

        @Expose("Remember")
        public void remember(String note) {
            notes.add(note);
        }

        @Expose("Forget")
        public void forget(String note, HostingConversation co) {
            notes.remove(note);
        }

        @Expose("Slow")
        public String slow() throws InterruptedException {
            slowRelease.await(10, TimeUnit.SECONDS);
            return "late";
        }

        @Expose("Nothing")
        public void nothing() {
        }

        public String notExposed() {
            return "hidden";
        }
    }

    private HbiPair pair(ServiceImpl impl) {
        return HbiPair.open(() -> HostingEnv.create().exposeReactor(impl).exposeConstructor(Msg.class),
                HostingEnv.create().exposeConstructor(Msg.class), HbiConfig.builder().wire(wire).build());
    }

    @Test
    void onlyExposeMarkedMethodsAreExposedUnderTheirNames() {
        HostingEnv env = HostingEnv.create().exposeReactor(new ServiceImpl());
        assertThat(env.exposures()).extracting(Exposure::name).containsExactly("Add", "Big", "Describe", "Echo",
                "Forget", "Nothing", "Remember", "Shout", "Slow", "Total", "Upper");
        assertThat(env.exposure("Add").orElseThrow().doc()).isEqualTo("Adds two ints.");
        assertThat(env.exposure("Upper").orElseThrow().signature()).isEqualTo("Upper(tag, text)");
        assertThat(env.isExposed("notExposed")).isFalse();
    }

    @Test
    void proxyCallsConvertArgumentsAndAnswersBothWays() {
        try (HbiPair pair = pair(new ServiceImpl())) {
            Service service = pair.client().postingEnd().proxy(Service.class);
            assertThat(service.add(2, 3)).isEqualTo(5);
            assertThat(service.addTwice(2, 3)).isEqualTo(8);
            assertThat(service.total(List.of(1L, 2L, 3_000_000_000L))).isEqualTo(3_000_000_003L);
            assertThat(service.big(BigInteger.TWO.pow(70), new BigDecimal("2.5"))).isEqualTo(BigInteger.TWO.pow(70).add(BigInteger.TWO));
            assertThat(service.describe(Color.GREEN, Map.of("a", 1), new String[] {"x", "y"}))
                    .isEqualTo("GREEN {a=1} [x, y]");
            assertThat(service.echo(new Msg("bob", "hi", 1.5))).isEqualTo(new Msg("bob", "HI", 1.5));
        }
    }

    @Test
    void bytesGoAsDataBothWays() {
        try (HbiPair pair = pair(new ServiceImpl())) {
            Service service = pair.client().postingEnd().proxy(Service.class);
            byte[] answer = service.upper("héllo ", "wörld".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("HÉLLO WÖRLD");
        }
    }

    @Test
    void dataAnnouncedBeyondTheLimitIsRefusedBeforeAnythingIsAllocated() {
        try (HbiPair pair = pair(new ServiceImpl());
             PostingConversation co = pair.client().postingEnd().newConversation()) {
            // 2 GB announced, nothing sent: a typed byte[] parameter must not try to allocate it
            co.sendCode("Upper('x', 2000000000)");
            co.startRecv();
            assertThatThrownBy(co::recvObj).isInstanceOf(HbiException.class)
                    .hasMessageContaining("announces 2000000000 bytes of data").hasMessageContaining("maxPacketSize");
        }
    }

    @Test
    void aCompletableFutureMethodDoesNotBlockTheCaller() throws Exception {
        try (HbiPair pair = pair(new ServiceImpl())) {
            Service service = pair.client().postingEnd().proxy(Service.class);
            assertThat(service.shout("hey").get(5, TimeUnit.SECONDS)).isEqualTo("hey!");
        }
    }

    @Test
    void oneWayMethodsReturnAtOnceAndVoidMethodsOnceTheyRan() throws Exception {
        ServiceImpl impl = new ServiceImpl();
        try (HbiPair pair = pair(impl)) {
            Service service = pair.client().postingEnd().proxy(Service.class);
            service.remember("milk");
            assertThat(impl.notes.poll(5, TimeUnit.SECONDS)).isEqualTo("milk");
            impl.notes.add("eggs");
            service.forget("eggs");
            assertThat(impl.notes).isEmpty();
        }
    }

    @Test
    void aMethodThatAnswersNothingWhereAValueIsExpectedSaysSo() {
        try (HbiPair pair = pair(new ServiceImpl())) {
            Service service = pair.client().postingEnd().proxy(Service.class);
            assertThatThrownBy(service::nothing).isInstanceOf(ConversationEndedException.class);
            assertThat(service.add(1, 1)).isEqualTo(2);
        }
    }

    @Test
    void aWrongArgumentIsALandingErrorNamingFunctionParameterAndValue() {
        try (HbiPair pair = pair(new ServiceImpl());
             PostingConversation co = pair.client().postingEnd().newConversation()) {
            co.sendCode("Add(1, 'two')");
            assertThatThrownBy(() -> {
                co.startRecv();
                co.recvObj();
            }).isInstanceOf(HbiException.class)
                    .hasMessageContaining("Add() failed")
                    .hasMessageContaining("argument 'b' of Add(): expected int, got str 'two'");
        }
    }

    @Test
    void eachProxyCallWaitsAtMostItsTimeout() {
        ServiceImpl impl = new ServiceImpl();
        try (HbiPair pair = pair(impl)) {
            Service service = pair.client().postingEnd().proxy(Service.class, Duration.ofMillis(300));
            assertThatThrownBy(service::slow).isInstanceOf(HbiTimeoutException.class)
                    .hasMessageContaining("timed out after 300 ms");
            impl.slowRelease.countDown();
        }
    }

    @Test
    void recordsAreMadeFromDictsToo() {
        try (HbiPair pair = pair(new ServiceImpl());
             PostingConversation co = pair.client().postingEnd().newConversation()) {
            co.sendCode("Echo({'from': 'ann', 'content': 'yo', 'time': 2})");
            co.startRecv();
            assertThat(co.recvObj()).isEqualTo(new Msg("ann", "YO", 2.0));
        }
    }

    @Test
    void aProxyNeedsAnInterfaceAndSaysWhatIsWrongWithIt() {
        try (HbiPair pair = pair(new ServiceImpl())) {
            assertThatThrownBy(() -> pair.client().postingEnd().proxy(ServiceImpl.class))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an interface");
            assertThat(pair.client().postingEnd().proxy(Service.class).toString()).startsWith("HBI proxy of Service");
        }
    }
}
