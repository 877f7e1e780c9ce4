package dev.hbi.internal.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hook through which another lander lands the subset on a fast path. */
class SubsetScriptTest {

    @Test
    void aScriptInTheSubsetParsesAndLandsAsTheBuiltInLanderLandsIt() {
        HostingEnv env = HostingEnv.create().expose("add", args -> args.intValue(0) + args.intValue(1));
        SubsetScript script = SubsetScript.parse("x = [1, 'a']\nadd(2, 3)", 100).orElseThrow();
        assertThat(script.land(new LocalLandingContext(env))).isEqualTo(5);
        assertThat(env.get("x")).contains(List.of(1, "a"));
    }

    @Test
    void aScriptOutsideTheSubsetDoesNotParse() {
        assertThat(SubsetScript.parse("def x = 1", 100)).isEmpty();
        assertThat(SubsetScript.parse("[1, 2].sum()", 100)).isEmpty();
        assertThat(SubsetScript.parse("f(" .repeat(5) + ")".repeat(5), 3)).isEmpty();
    }

    @Test
    void anUndefinedNameIsALandingErrorOfAParsedScriptNotAParseFailure() {
        SubsetScript script = SubsetScript.parse("no_such_function(1)", 100).orElseThrow();
        assertThatThrownBy(() -> script.land(new LocalLandingContext(HostingEnv.create())))
                .isInstanceOf(LandingException.class)
                .hasMessageContaining("name 'no_such_function' is not defined");
    }
}
