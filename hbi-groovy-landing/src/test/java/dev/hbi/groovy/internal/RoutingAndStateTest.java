package dev.hbi.groovy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import dev.hbi.Repr;
import dev.hbi.Tuple;
import dev.hbi.internal.landing.SubsetScript;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which scripts the built-in lander lands, and the variables scripts keep for their connection. */
class RoutingAndStateTest {

    private final Engine engine = TestEngines.confined();
    private final HostingEnv env = TestEngines.env(engine).expose("echo", args -> args.get(0));

    @ParameterizedTest
    @ValueSource(strings = {
        "add(1, 2)",
        "x = [1, 2.5, 'a', None, True, {'k': (1, 2)}]",
        "echo(-1e-5)",
        "echo(\"Hi ${name}\")",
        "echo(b'\\x00', frozenset([1]))",
        "# a comment with . and *\necho(1)",
        "echo(x=1)",
    })
    void aScriptInTheSubsetNeverReachesTheGroovyCompiler(String script) {
        try {
            env.land(script);
        } catch (LandingException e) {
            // some of these fail by design (echo takes one positional argument); only the route matters here
        }
        assertThat(engine.cache().compilations()).isZero();
    }

    @Test
    void aSubsetScriptLandsWithTheSubsetsMeaning() {
        assertThat(env.land("echo(\"Hi ${name}\")")).isEqualTo("Hi ${name}");
        assertThat(env.land("echo({'a': None})")).isEqualTo(java.util.Collections.singletonMap("a", null));
        assertThat(env.land("echo((1, 2))")).isEqualTo(Tuple.of(1, 2));
    }

    @Test
    void aLandingErrorOfASubsetScriptIsNotRetriedAsGroovy() {
        assertThatThrownBy(() -> env.land("no_such_function(1)"))
                .isInstanceOf(LandingException.class)
                .hasMessageContaining("name 'no_such_function' is not defined");
        assertThat(engine.cache().compilations()).isZero();
    }

    @Test
    void aScriptOutsideTheSubsetIsLandedAsGroovy() {
        assertThat(env.land("echo('a' + 'b')")).isEqualTo("ab");
        assertThat(env.land("def name = 'bob'; echo(\"Hi ${name}\")")).isEqualTo("Hi bob");
        assertThat(engine.cache().compilations()).isEqualTo(2);
    }

    @Test
    void everyValueReprWritesIsRoutedToTheSubset() {
        Random random = new Random(42);
        List<Object> values = new ArrayList<>(Arrays.asList(null, true, -1, Long.MIN_VALUE, BigInteger.TEN.pow(40),
                1.5, -0.0, 1e300, 5e-324, Double.NaN, Double.NEGATIVE_INFINITY, "", "it's $5", "say \"hi\" #1",
                "a.b*c/d", "\n\t\\", new byte[] {0, 39, 34}, Tuple.of(1, Tuple.EMPTY), List.of(List.of()),
                new LinkedHashSet<>(List.of(1, 2)), Map.of("k", List.of(1.25))));
        for (int i = 0; i < 500; i++) {
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            values.add(randomString(random));
        }
        Map<Object, Object> nested = new LinkedHashMap<>();
        nested.put(Tuple.of(1, "x"), new ArrayList<>(values.subList(0, 10)));
        values.add(nested);
        for (Object value : values) {
            String script = "echo(" + Repr.repr(value) + ")";
            assertThat(FastPath.worthParsing(script)).as(script).isTrue();
            assertThat(SubsetScript.parse(script, 100)).as(script).isPresent();
        }
    }

    private static String randomString(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            s.appendCodePoint(random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000));
        }
        return s.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"def x = 1", "[1].size()", "a + 1", "f(1) - 2", "x == 1", "{ -> 1 }()", "1..2",
        "f(a) * 2", "x = y ?: 1", "'a' in b", "f($x)", "x.y"})
    void thePreCheckRulesOutOnlyScriptsTheSubsetRefuses(String script) {
        assertThat(FastPath.worthParsing(script)).isFalse();
        assertThat(SubsetScript.parse(script, 100)).isEmpty();
    }

    @Test
    void variablesAssignedByScriptsPersistForTheConnection() {
        env.land("total = 0");
        env.land("3.times { total += add(it, 1) }");
        assertThat(env.land("total * 10")).isEqualTo(60);
        env.land("label = 'x'");
        assertThat(env.land("echo(label)")).isEqualTo("x");
        assertThat(env.land("label + '!'")).isEqualTo("x!");
        assertThat(env.get("total")).contains(6);
    }

    @Test
    void localVariablesDoNotPersist() {
        env.land("def local = 5");
        assertThatThrownBy(() -> env.land("local + 1")).hasMessageContaining("name 'local' is not defined");
    }

    @Test
    void variablesOfOneConnectionAreNotSeenByAnother() {
        HostingEnv other = TestEngines.env(engine);
        env.land("secret = 'mine' + 1");
        assertThatThrownBy(() -> other.land("secret + 1")).hasMessageContaining("name 'secret' is not defined");
        assertThat(other.isAssigned("secret")).isFalse();
        assertThat(engine.cache().compilations()).isEqualTo(2);
    }

    @Test
    void aStoredDecimalIsAnHbiFloat() {
        env.land("price = 1.25 * 2");
        assertThat(env.get("price")).contains(2.5);
    }
}
