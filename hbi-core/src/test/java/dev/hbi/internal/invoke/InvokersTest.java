package dev.hbi.internal.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.Args;
import dev.hbi.HostingEnv;
import dev.hbi.internal.landing.LocalLandingContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reflected constructors and reactor methods called with landed arguments. */
class InvokersTest {

    public record Point(int x, int y) {
    }

    /** Overloads by arity, keyword arguments, an injected environment. */
    public static final class Reactor {
        public String greet(String name) {
            return "hi " + name;
        }

        public String greet(String name, int times) {
            return ("hi " + name + " ").repeat(times).strip();
        }

        public String where(HostingEnv env, String key) {
            return key + "=" + env.get(key).orElse("?");
        }

        public void fail() {
            throw new IllegalStateException("no luck");
        }

        public static String notExposed() {
            return "static";
        }
    }

    /** Two overloads with the same arity cannot be told apart by a script. */
    public static final class Ambiguous {
        public void f(int a) {
        }

        public void f(String a) {
        }
    }

    private final HostingEnv env = HostingEnv.create();

    private Object call(Invokers.Described described, List<?> positional, Map<String, ?> keywords) throws Exception {
        return described.function().call(Args.of(new LocalLandingContext(env), positional, keywords));
    }

    @Test
    void constructsARecordThroughItsCanonicalConstructor() throws Exception {
        Invokers.Described ctor = Invokers.constructor("Point", Point.class);
        assertThat(ctor.parameters()).isEqualTo("x, y");
        assertThat(call(ctor, List.of(1, 2), Map.of())).isEqualTo(new Point(1, 2));
        assertThat(call(ctor, List.of(1), Map.of("y", 5))).isEqualTo(new Point(1, 5));
    }

    @Test
    void refusesAbstractTypesAndClassesWithoutPublicConstructors() {
        assertThatThrownBy(() -> Invokers.constructor("List", List.class))
                .hasMessageContaining("cannot be constructed: it is abstract");
        assertThatThrownBy(() -> Invokers.constructor("Math", Math.class))
                .hasMessageContaining("has no public constructor");
    }

    @Test
    void dispatchesOverloadsByTheNumberOfArguments() throws Exception {
        Map<String, Invokers.Described> methods = Invokers.reactorMethods(new Reactor(), null);
        assertThat(methods).containsOnlyKeys("greet", "where", "fail");
        assertThat(call(methods.get("greet"), List.of("bob"), Map.of())).isEqualTo("hi bob");
        assertThat(call(methods.get("greet"), List.of("bob", 2), Map.of())).isEqualTo("hi bob hi bob");
        assertThat(methods.get("greet").parameters()).isEqualTo("name | name, times");
        assertThatThrownBy(() -> call(methods.get("greet"), List.of(), Map.of()))
                .hasMessage("greet() takes one of [(name), (name, times)], not 0 argument(s)");
    }

    @Test
    void fillsContextParametersAndCountsOnlyScriptArguments() throws Exception {
        env.assign("room", "lobby");
        Invokers.Described where = Invokers.reactorMethods(new Reactor(), java.util.Set.of("where")).get("where");
        assertThat(where.parameters()).isEqualTo("key");
        assertThat(call(where, List.of("room"), Map.of())).isEqualTo("room=lobby");
    }

    @Test
    void refusesUnknownAndMissingKeywords() {
        Invokers.Described ctor = Invokers.constructor("Point", Point.class);
        assertThatThrownBy(() -> call(ctor, List.of(1), Map.of("z", 5)))
                .hasMessage("Point(x, y) is missing argument 'y'");
        assertThatThrownBy(() -> call(ctor, List.of(1, 2, 3), Map.of()))
                .hasMessage("Point(x, y) takes 2 argument(s), 3 given");
    }

    @Test
    void letsTheMethodsOwnExceptionThrough() {
        Invokers.Described fail = Invokers.reactorMethods(new Reactor(), java.util.Set.of("fail")).get("fail");
        assertThatThrownBy(() -> call(fail, List.of(), Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessage("no luck");
    }

    @Test
    void refusesAmbiguousOverloadsWhenExposing() {
        assertThatThrownBy(() -> Invokers.reactorMethods(new Ambiguous(), null))
                .hasMessageContaining("cannot expose f: two overloads take 1 argument(s)");
    }

    @Test
    void refusesToExposeAMethodThatDoesNotExist() {
        assertThatThrownBy(() -> Invokers.reactorMethods(new Reactor(), java.util.Set.of("nope")))
                .hasMessageContaining("has no public method nope");
    }
}
