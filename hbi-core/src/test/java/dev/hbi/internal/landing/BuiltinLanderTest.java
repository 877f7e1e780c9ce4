package dev.hbi.internal.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.hbi.Args;
import dev.hbi.ConversationInterruptedException;
import dev.hbi.HbiConfig;
import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import dev.hbi.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BuiltinLanderTest {

    record Msg(String from, String content, double time) {
    }

    record MsgsInRoom(String room, List<Msg> msgs) {
    }

    /** What the recording function was called with. */
    private final List<Args> calls = new CopyOnWriteArrayList<>();

    private final HostingEnv env = HostingEnv.create()
            .expose("record", args -> {
                calls.add(args);
                return args.size();
            })
            .expose("hello", args -> "Hello, " + args.env().get("my_name").orElse("stranger") + "!")
            .exposeValue("answer", 42)
            .exposeValue("nothing", null)
            .exposeConstructor(Msg.class)
            .exposeConstructor(MsgsInRoom.class);

    @Test
    void landsThePythonHelloClientsScript() {
        assertThat(env.land("\nmy_name = 'Nick'\nhello()\n")).isEqualTo("Hello, Nick!");
        assertThat(env.get("my_name")).contains("Nick");
    }

    @Test
    void keepsAssignmentsForLaterLandings() {
        env.land("x = [1, 2]; y = None");
        assertThat(env.land("x")).isEqualTo(List.of(1, 2));
        assertThat(env.land("y")).isNull();
        assertThat(env.isAssigned("y")).isTrue();
    }

    @Test
    void landsTheValueOfTheLastStatementOnlyIfItIsAnExpression() {
        assertThat(env.land("1; 2")).isEqualTo(2);
        assertThat(env.land("1\nz = 3")).isNull();
        assertThat(env.land("")).isNull();
        assertThat(env.land("  # only a comment\n\n")).isNull();
    }

    @Test
    void runsStatementsSeparatedBySemicolonsAndNewlinesInOrder() {
        env.land("record(1); record(2)\n\n    record(3)  # indented\r\nrecord(\\\n4)");
        assertThat(calls).extracting(args -> args.get(0)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void assignsOneValueToEveryTargetOfAChainedAssignment() {
        env.land("a = b = [1]");
        assertThat(env.get("a").orElseThrow()).isSameAs(env.get("b").orElseThrow());
    }

    @Test
    void passesPositionalAndKeywordArgumentsInOrder() {
        assertThat(env.land("record(1, 'a', flag=True, other=None,)")).isEqualTo(2);
        Args args = calls.get(0);
        assertThat(args.positional()).containsExactly(1, "a");
        assertThat(args.keywords()).containsExactly(entry("flag", true), entry("other", null));
        assertThat(args.env()).isSameAs(env);
    }

    @Test
    void passesTheResultsOfCallsOnAndAssignsThem() {
        env.land("n = record(record(1, 2), answer)");
        assertThat(env.get("n")).contains(2);
        assertThat(calls.get(1).positional()).containsExactly(2, 42);
    }

    @Test
    void readsExposedValuesAndAssignedVariables() {
        env.land("v = 'peer'");
        assertThat(env.land("[answer, nothing, v]")).isEqualTo(java.util.Arrays.asList(42, null, "peer"));
    }

    @Test
    void buildsRecordsThroughExposedConstructorsAsHbichatSendsThem() {
        assertThat(env.land("Msg(('from'),('content'),(1795307779.0272496))"))
                .isEqualTo(new Msg("from", "content", 1795307779.0272496));
        assertThat(env.land("MsgsInRoom(\"room\", [\n  Msg(\"a\",\"b\",15),\n  Msg(\"c\",\"d\",16),\n])\n"))
                .isEqualTo(new MsgsInRoom("room", List.of(new Msg("a", "b", 15), new Msg("c", "d", 16))));
    }

    @Test
    void parsesTheWholeScriptBeforeRunningAnyOfIt() {
        assertThatThrownBy(() -> env.land("x = record(1)\ny = 2\n)")).isInstanceOf(LandingException.class);
        assertThat(calls).isEmpty();
        assertThat(env.isAssigned("x")).isFalse();
    }

    @Test
    void keepsTheEffectsOfStatementsBeforeOneThatFailsToRun() {
        assertThatThrownBy(() -> env.land("x = 1\nmissing()")).isInstanceOf(LandingException.class);
        assertThat(env.get("x")).contains(1);
    }

    @Test
    void namesTheFunctionWhoseFailureItReports() {
        HostingEnv failing = HostingEnv.create().expose("SetNick", args -> {
            throw new IllegalArgumentException("nick taken");
        });
        assertThatThrownBy(() -> failing.land("x = 1\nSetNick('bob')"))
                .isInstanceOf(LandingException.class)
                .hasMessage("SetNick() failed: IllegalArgumentException: nick taken (line 2, column 1: SetNick('bob'))")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passesLandingErrorsOfFunctionsOnUnchanged() {
        LandingException own = new LandingException("inner landing failed");
        HostingEnv nested = HostingEnv.create().expose("f", args -> {
            throw own;
        });
        assertThatThrownBy(() -> nested.land("f()")).isSameAs(own);
    }

    @Test
    void restoresTheInterruptFlagWhenAFunctionIsInterrupted() {
        HostingEnv sleepy = HostingEnv.create().expose("wait", args -> {
            throw new InterruptedException();
        });
        try {
            assertThatThrownBy(() -> sleepy.land("wait()"))
                    .isInstanceOf(ConversationInterruptedException.class)
                    .hasMessage("wait() was interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void callsBuiltInHelpersOnlyWhenTheNameIsNeitherExposedNorAssigned() {
        assertThat(env.land("[float('nan'), -float('inf'), float('Infinity'), float(' 1_0.5 '), float(3), float()]"))
                .isEqualTo(List.of(Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 10.5, 3.0, 0.0));
        HostingEnv shadowing = HostingEnv.create().expose("float", args -> "host's float");
        assertThat(shadowing.land("float('nan')")).isEqualTo("host's float");
        env.land("set = 1");
        assertThatThrownBy(() -> env.land("set()"))
                .hasMessageStartingWith("'set' is a variable assigned by the peer, not a function");
    }

    @Test
    void landsEmptyAndFrozenSetsAndByteArraysThroughHelpers() {
        assertThat(env.land("set()")).isEqualTo(Set.of());
        assertThat(env.land("set([1, 2, 1])")).isEqualTo(Set.of(1, 2));
        assertThat(env.land("set('ab')")).isEqualTo(Set.of("a", "b"));
        Object frozen = env.land("frozenset({1})");
        assertThat(frozen).isEqualTo(Set.of(1));
        assertThatThrownBy(() -> ((Set<?>) frozen).clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(env.land("{frozenset({1}): 'key'}")).isEqualTo(Map.of(Set.of(1), "key"));
        assertThat(env.land("bytearray(b'ab')")).isEqualTo(new byte[] {'a', 'b'});
        assertThat(env.land("bytearray([0, 255])")).isEqualTo(new byte[] {0, (byte) 255});
        assertThat(env.land("bytearray()")).isEqualTo(new byte[0]);
    }

    @Test
    void refusesHelperCallsThatPythonWouldRefuse() {
        assertThatThrownBy(() -> env.land("float('x')"))
                .hasMessage("could not convert string to float: str 'x' (line 1, column 1: float('x'))");
        assertThatThrownBy(() -> env.land("float(1, 2)"))
                .hasMessage("float() takes at most 1 argument (2 given) (line 1, column 1: float(1, 2))");
        assertThatThrownBy(() -> env.land("float(x=1)"))
                .hasMessage("float() takes no keyword arguments (line 1, column 1: float(x=1))");
        assertThatThrownBy(() -> env.land("float([])"))
                .hasMessage("float() argument must be a string or a real number, not list [] (line 1, column 1:"
                        + " float([]))");
        assertThatThrownBy(() -> env.land("set([[1]])"))
                .hasMessage("unhashable type: 'list' cannot be a set element (line 1, column 1: set([[1]]))");
        assertThatThrownBy(() -> env.land("bytearray([256])"))
                .hasMessage("bytearray() needs ints from 0 to 255, not int 256 (line 1, column 1: bytearray([256]))");
        assertThatThrownBy(() -> env.land("x = float"))
                .hasMessage("float is a built-in helper; it can only be called, as in float(...)"
                        + " (line 1, column 5: float)");
    }

    @Test
    void refusesNestingDeeperThanTheLimitWithoutOverflowingTheStack() {
        assertThatThrownBy(() -> env.land("[".repeat(10_000)))
                .isInstanceOf(LandingException.class)
                .hasMessageStartingWith("the code nests brackets and calls deeper than 100 levels"
                        + " (HbiConfig.maxNesting) (line 1, column 101: [[[[");
        assertThat(env.land("[".repeat(100) + "]".repeat(100))).isInstanceOf(List.class);
        assertThatThrownBy(() -> env.land("record(".repeat(101) + ")".repeat(101)))
                .hasMessageStartingWith("the code nests brackets and calls deeper than 100 levels");
    }

    @Test
    void foldsLongRunsOfSignsWithoutRecursion() {
        assertThat(env.land("-".repeat(100_001) + "1")).isEqualTo(-1);
        assertThat(env.land("+-".repeat(50_000) + "answer")).isEqualTo(42);
    }

    @Test
    void enforcesTheLimitsOfTheContextsConfig() {
        HbiConfig tight = HbiConfig.builder().maxNesting(2).maxPacketSize(20).build();
        Object landed = env.lander().land("[[1]]", new TestContext(env, tight));
        assertThat(landed).isEqualTo(List.of(List.of(1)));
        assertThatThrownBy(() -> env.lander().land("[[[1]]]", new TestContext(env, tight)))
                .hasMessageStartingWith("the code nests brackets and calls deeper than 2 levels");
        assertThatThrownBy(() -> env.lander().land("'" + "x".repeat(20) + "'", new TestContext(env, tight)))
                .isInstanceOf(LandingException.class)
                .hasMessage("the code is 22 characters long, more than the limit of 20 (HbiConfig.maxPacketSize)");
    }

    @Test
    void resolvesNamesInTheEnvironmentOfTheContext() {
        HostingEnv augmented = env.augment(Map.of("extra", "seen"));
        assertThat(env.lander().land("[extra, answer]", new TestContext(augmented, HbiConfig.defaults())))
                .isEqualTo(List.of("seen", 42));
    }

    @Test
    void landsConcurrentlyFromManyThreads() throws Exception {
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Object>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<Object> landed = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        landed.add(env.land("v" + id + " = (" + id + ", " + i + ")\nrecord(v" + id + ")\nv" + id));
                    }
                    return landed;
                }));
            }
            start.countDown();
            for (int t = 0; t < threads; t++) {
                List<Object> landed = results.get(t).get();
                assertThat(landed).hasSize(500);
                for (int i = 0; i < 500; i++) {
                    assertThat(landed.get(i)).isEqualTo(Tuple.of(t, i));
                }
            }
            assertThat(calls).hasSize(threads * 500);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void isOneStatelessLanderForEveryEnvironment() {
        assertThat(BuiltinLanderProvider.INSTANCE.create(HostingEnv.create()))
                .isSameAs(BuiltinLanderProvider.INSTANCE.create(env))
                .isSameAs(env.lander());
        assertThat(BuiltinLanderProvider.INSTANCE.name()).isEqualTo(HostingEnv.BUILTIN_LANDER);
        assertThat(Collections.singleton(env.landerName())).containsExactly("builtin");
    }
}
