package dev.hbi.groovy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a confined script can do: Groovy's everyday constructs, against exposed names, with HBI values out. */
class ConfinedLandingTest {

    private final HostingEnv env = TestEngines.env(TestEngines.confined());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            def total = 0; for (i in 1..10) { total += add(i, i) }; total | 110
            [1, 2, 3].collect { it * 2 }.sum() + base                     | 112
            def f = { a, b -> a * b }; f(6, 7)                            | 42
            def i = 0; while (i < 5) { i++ }; i                           | 5
            def r = 0; 5.times { r += it }; r                             | 10
            def m = [a: 1, b: 2]; m.a + m['b'] + m.size()                 | 5
            def m = [:]; m.x = 1; m.x += 2; m.x++; m.x                    | 4
            def l = [3, 1, 2]; l << 4; l.sort().join('-')                 | 1-2-3-4
            def l = [1, 2]; l[0]++; l[1] += 5; l                          | [2, 7]
            def (a, b) = [1, 2]; a + b                                    | 3
            int n = 5; String s = n; s + '!'                              | 5!
            'abc'.toUpperCase().reverse()                                 | CBA
            'x' * 3                                                       | xxx
            'a' in ['a', 'b']                                             | true
            'c' !in ['a', 'b']                                            | true
            [1, 2, 3]*.toString()                                         | [1, 2, 3]
            def x = null; x?.foo()                                        | `null`
            switch (3) { case 1..2: 'low'; break; case 3: 'three' }       | three
            def s = 'bob'; "hi ${s.capitalize()}, ${add(1, 2)}"           | hi Bob, 3
            (1..4).findAll { it % 2 == 0 }.inject(0) { acc, v -> acc + v } | 6
            [a: 1, b: 2].collectEntries { k, v -> [(k): v * 10] }         | {a=10, b=20}
            def f; f = { n -> n <= 1 ? 1 : n * f(n - 1) }; f(10)          | 3628800
            2 ** 10 + 7.intdiv(2) + 7 % 4                                 | 1030
            [1, 2] + [3] - [1]                                            | [2, 3]
            (1.5 + 1) * 2                                                 | 5.0
            'abc' as List                                                 | [a, b, c]
            [1, 1, 2] as Set                                              | [1, 2]
            def xs = new ArrayList([3, 4]); xs.add(5); xs                 | [3, 4, 5]
            def e = [k: 'v'].entrySet().first(); e.key + e.value          | kv
            try { [1].get(5); 'no' } catch (e) { 'caught' }                | caught
            try { throw new RuntimeException('x') } catch (e) { 'c' }    | c
            """)
    void everydayGroovyLands(String script, String expected) {
        Object value = env.land(script);
        assertThat(String.valueOf(value)).isEqualTo(expected);
    }

    @Test
    void valuesLeaveTheScriptAsHbiValues() {
        assertThat(env.land("1.5 + 1")).isEqualTo(2.5);
        assertThat(env.land("def s = 'x'; \"$s\"")).isInstanceOf(String.class).isEqualTo("x");
        assertThat(env.land("5L * 2")).isEqualTo(10);
        assertThat(env.land("2G ** 70")).isEqualTo(java.math.BigInteger.TWO.pow(70));
        assertThat(env.land("def s = 'k'; [(\"$s\"): [1.25, \"$s\"]]")).isEqualTo(Map.of("k", List.of(1.25, "k")));
    }

    @Test
    void argumentsOfExposedFunctionsAreHbiValuesAndNamedArgumentsAreKeywords() {
        List<Object> seen = new ArrayList<>();
        env.expose("record", args -> {
            seen.add(args.positional());
            seen.add(args.keywords());
            return null;
        });
        env.land("def name = 'bob'; record(\"$name\", 0.5, [2L], nick: \"$name\")");
        assertThat(seen).containsExactly(List.of("bob", 0.5, List.of(2)), Map.of("nick", "bob"));
    }

    /** A value an exposed constructor makes. */
    public record Msg(String nick, String text, double weight) {
    }

    /** A reactor: its public methods are exposed by name. */
    public static final class Room {
        private final List<Msg> said = new ArrayList<>();

        /** Says something. */
        public int say(Msg msg) {
            said.add(msg);
            return said.size();
        }
    }

    @Test
    void exposedConstructorsAndReactorsAreCalledByNameAndRecordsRead() {
        Room room = new Room();
        env.exposeConstructor(Msg.class).exposeReactor(room);
        Object count = env.land("def m = Msg('bob', 'hi', 1.5); say(m); say(Msg(m.nick.toUpperCase(), m.text() * 2, 2))");
        assertThat(count).isEqualTo(2);
        assertThat(room.said).containsExactly(new Msg("bob", "hi", 1.5), new Msg("BOB", "hihi", 2.0));
        assertThatThrownBy(() -> env.land("def m = Msg('a', 'b', 1); m.equals(m) ? m.nick.getBytes() : 0"))
                .hasMessageContaining("calling 'getBytes' on java.lang.String");
    }

    @Test
    void aClosureCannotLeaveTheScript() {
        assertThatThrownBy(() -> env.land("add({ -> 1 }, 2)"))
                .isInstanceOf(LandingException.class)
                .hasMessageContaining("a closure cannot leave the script");
        assertThatThrownBy(() -> env.land("f = { -> 1 }; 2"))
                .isInstanceOf(LandingException.class)
                .hasMessageContaining("a closure cannot leave the script");
        assertThatThrownBy(() -> env.land("def f = { -> 1 }; f"))
                .isInstanceOf(LandingException.class)
                .hasMessageContaining("the landed value");
    }

    @Test
    void anExposedFunctionIsCalledNotRead() {
        assertThatThrownBy(() -> env.land("def f = add; f"))
                .isInstanceOf(LandingException.class)
                .hasMessageContaining("add is a function; call it, as in add(...)");
        assertThatThrownBy(() -> env.land("def x = base(); x"))
                .hasMessageContaining("'base' is an exposed value, not a function");
    }

    @Test
    void anExposedValueCannotBeAssigned() {
        assertThatThrownBy(() -> env.land("base = 1; base"))
                .isInstanceOf(LandingException.class)
                .hasMessageContaining("cannot assign to 'base'")
                .satisfies(e -> assertThat(((LandingException) e).line()).isEqualTo(1));
    }
}
