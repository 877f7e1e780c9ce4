package dev.hbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.testing.HbiPair;
import dev.hbi.testing.ShoutingLanderProvider;
import dev.hbi.testing.TestServices;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** What a hosting environment exposes, and how peer scripts reach it, over real loopback connections. */
@ParameterizedClass(name = "{0}")
@EnumSource(value = HbiConfig.Wire.class, names = {"CLASSIC", "MULTIPLEXED"})
class EnvironmentTest {

    @Parameter
    HbiConfig.Wire wire;

    private HbiPair pair(java.util.function.Supplier<HostingEnv> server, HostingEnv client) {
        return HbiPair.open(server, client, HbiConfig.builder().wire(wire).build());
    }

    /** hbichat's message type, exposed as a constructor. */
    public record Msg(String from, String content, double time) {
    }

    /** A reactor: its public methods are exposed by name. */
    public static final class Calculator {
        private int calls;

        public void add(int a, int b, HostingConversation co) {
            calls++;
            co.startSend();
            co.sendValue(a + b);
        }

        public void total(List<Long> values, HostingConversation co) {
            calls++;
            co.startSend();
            co.sendValue(values.stream().mapToLong(Long::longValue).sum());
        }

        public int calls() {
            return calls;
        }
    }

    @Test
    void reactorMethodsAreCalledByNameWithConvertedArguments() {
        Calculator calculator = new Calculator();
        try (HbiPair pair = pair(() -> HostingEnv.create().exposeReactor(calculator), HostingEnv.create())) {
            assertThat(ask(pair, "add(2, 3)")).isEqualTo(5);
            assertThat(ask(pair, "total([1, 2, 3000000000])")).isEqualTo(3000000003L);
            assertThat(calculator.calls()).isEqualTo(2);
            assertThat(pair.server().env().exposure("add").orElseThrow().signature()).isEqualTo("add(a, b)");
        }
    }

    @Test
    void anArgumentOutOfRangeIsALandingErrorNamingTheParameter() {
        try (HbiPair pair = pair(() -> HostingEnv.create().exposeReactor(new Calculator()),
                HostingEnv.create())) {
            assertThatThrownBy(() -> ask(pair, "add(2, 9999999999)"))
                    .isInstanceOf(wire == HbiConfig.Wire.CLASSIC ? ConnectionClosedException.class
                            : PeerLandingException.class)
                    .hasMessageContaining("add() failed")
                    .hasMessageContaining("argument 'b' of add(): 9999999999 is out of range for int");
        }
    }

    @Test
    void exposedConstructorsLandRecordsBothWays() {
        HostingEnv client = HostingEnv.create().exposeConstructor(Msg.class);
        HostingEnv server = HostingEnv.create().exposeConstructor(Msg.class).exposeProcedure("last_msg", args -> {
            HostingConversation co = args.conversation();
            co.startSend();
            co.sendObj("Msg(('bob'),('hi'),(1795307779.0272496))");
            co.sendValue(new Msg("eve", "hello", 2.5));
        });
        try (HbiPair pair = pair(() -> server, client);
             PostingConversation co = pair.client().postingEnd().newConversation()) {
            co.sendCode("last_msg()");
            co.startRecv();
            assertThat(co.recvObj()).isEqualTo(new Msg("bob", "hi", 1795307779.0272496));
            assertThat(co.recvObj(Msg.class)).isEqualTo(new Msg("eve", "hello", 2.5));
        }
    }

    @Test
    void anAnswerIsLandedInThePostingConversationsOwnEnvironment() throws InterruptedException {
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        HostingEnv client = HostingEnv.create().exposeProcedure("seen", args -> seen.add(args.get(0)));
        HostingEnv server = HostingEnv.create().exposeProcedure("tell_room", args -> {
            HostingConversation co = args.conversation();
            co.startSend();
            co.sendCode("seen(room)");
        });
        try (HbiPair pair = pair(() -> server, client)) {
            HostingEnv inRoom = pair.client().env().augment(Map.of("room", "lobby"));
            try (PostingConversation co = pair.client().postingEnd().newConversation(inRoom)) {
                co.sendCode("tell_room()");
            }
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("lobby");
            assertThat(client.get("room")).isEmpty();
        }
    }

    @Test
    void aHostingConversationCanSwitchTheEnvironmentForTheRestOfItsCode() {
        HostingEnv server = HostingEnv.create()
                .exposeProcedure("enter", args -> args.conversation().env(args.env().augment(
                        Map.of("user", args.string(0)))))
                .exposeProcedure("whoami", args -> {
                    HostingConversation co = args.conversation();
                    co.startSend();
                    co.sendValue(args.env().get("user").orElse("nobody"));
                });
        try (HbiPair pair = pair(() -> server, HostingEnv.create());
             PostingConversation co = pair.client().postingEnd().newConversation()) {
            co.sendCode("enter('bob')");
            co.sendCode("whoami()");
            co.startRecv();
            assertThat(co.recvObj()).isEqualTo("bob");
            assertThat(pair.server().env().get("user")).isEmpty();
        }
    }

    @Test
    void currentConversationIsTheOneWhoseCodeTheThreadLands() {
        HostingEnv server = HostingEnv.create().exposeProcedure("which", args -> {
            HostingConversation co = args.hostingEnd().currentConversation();
            co.startSend();
            co.sendValue(co == args.conversation());
        });
        try (HbiPair pair = pair(() -> server, HostingEnv.create())) {
            assertThat(ask(pair, "which()")).isEqualTo(true);
            assertThatThrownBy(() -> pair.server().hostingEnd().currentConversation())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not landing a request");
        }
    }

    @Test
    void aHostedFunctionCanAskThePeerBackAfterFinishingItsReceiveStage() {
        HostingEnv server = HostingEnv.create().exposeProcedure("ask_back", args -> {
            HostingConversation co = args.conversation();
            co.finishRecv();
            Object answer;
            try (PostingConversation back = args.postingEnd().newConversation()) {
                back.sendCode("echo('asked back')");
                back.startRecv();
                answer = back.recvObj();
            }
            co.startSend();
            co.sendValue(List.of("got", answer));
        });
        try (HbiPair pair = pair(() -> server, TestServices.echo())) {
            assertThat(ask(pair, "ask_back()")).isEqualTo(List.of("got", "asked back"));
        }
    }

    @Test
    void namesReservedByHbiCannotBeExposedOrAssigned() {
        HostingEnv env = HostingEnv.create();
        assertThatThrownBy(() -> env.exposeValue("__hbi_init__", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> env.exposeValue("None", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> env.exposeValue("not a name", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an identifier");
        env.exposeValue("version", "1.0");
        assertThatThrownBy(() -> env.exposeValue("version", "2.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exposed");
        assertThatThrownBy(() -> env.land("version = '2.0'"))
                .isInstanceOf(LandingException.class).hasMessageContaining("exposed by the host");
        assertThat(env.land("version")).isEqualTo("1.0");
    }

    @Test
    void introspectionListsWhatIsExposedUnlessSwitchedOff() {
        HostingEnv server = HostingEnv.create()
                .expose("add", "a, b", "Adds two numbers.", args -> args.intValue(0) + args.intValue(1))
                .exposeValue("version", "1.0");
        try (HbiPair pair = pair(() -> server, HostingEnv.create())) {
            assertThat(ask(pair, "__hbi_list__()")).isEqualTo(List.of(
                    List.of("add", "function", "a, b", "Adds two numbers."),
                    List.of("version", "value", "", "")));
        }
        assertThat(server.exposures()).extracting(Exposure::name).containsExactly("add", "version");
        HostingEnv quiet = HostingEnv.create().introspection(false);
        assertThatThrownBy(() -> quiet.land("__hbi_list__()")).isInstanceOf(LandingException.class)
                .hasMessageContaining("not defined");
        assertThatThrownBy(() -> quiet.land("__hbi_init__()")).isInstanceOf(LandingException.class)
                .hasMessageContaining("reserved");
    }

    @Test
    void aCatchAllAnswersUnexposedNamesButNotAssignedOnes() {
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        HostingEnv env = HostingEnv.create().exposeCatchAll((name, args) -> {
            calls.add(name + args.positional());
            return name.length();
        });
        assertThat(env.land("NickChanged('bob')")).isEqualTo(11);
        env.land("room = 'lobby'");
        assertThat(env.land("room")).isEqualTo("lobby");
        assertThat(calls).containsExactly("NickChanged[bob]");
        assertThat(env.isExposed("NickChanged")).isFalse();
    }

    @Test
    void aLanderIsFoundByNameThroughServiceLoader() {
        assertThat(HostingEnv.availableLanders()).contains(HostingEnv.BUILTIN_LANDER, "shout");
        HostingEnv env = HostingEnv.create("shout");
        assertThat(env.landerName()).isEqualTo("shout");
        assertThat(env.land("hello()")).isEqualTo("HELLO()");
        assertThatThrownBy(() -> HostingEnv.create("cobol"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no lander named 'cobol'").hasMessageContaining("shout");
    }

    @Test
    void aLanderProviderConfiguredInCodeCanBeGivenDirectly() {
        HostingEnv env = HostingEnv.create(new ShoutingLanderProvider());
        assertThat(env.landerName()).isEqualTo("shout");
        assertThat(env.land("hello()")).isEqualTo("HELLO()");
        assertThat(env.augment(Map.of("x", 1)).landerName()).isEqualTo("shout");
    }

    private static Object ask(HbiPair pair, String code) {
        try (PostingConversation co = pair.client().postingEnd().newConversation()) {
            co.sendCode(code);
            co.startRecv();
            return co.recvObj(Duration.ofSeconds(5));
        }
    }
}
