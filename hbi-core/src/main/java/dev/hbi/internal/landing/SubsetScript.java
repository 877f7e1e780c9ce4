package dev.hbi.internal.landing;

import dev.hbi.LandingException;
import dev.hbi.spi.LandingContext;
import java.util.Objects;
import java.util.Optional;

/**
 * A script parsed in the built-in lander's call/literal subset, ready to land: the hook through which
 * another lander (the Groovy lander of {@code dev.hbi.groovy}, to which this package is exported) lands
 * the subset on a fast path and sends everything else to its own engine.
 *
 * <p>Whether a script is in the subset is decided by parsing alone: {@link #parse} answers empty for a
 * script the {@link Parser} refuses, and a parsed script then lands exactly as the built-in lander lands
 * it, with the same errors. A landing error of a parsed script (an undefined name, a failed call) is
 * therefore never a sign that the script is outside the subset. Immutable; one parsed script may be
 * landed once per parse, from any thread.
 */
public final class SubsetScript {

    private final Source source;
    private final Ast.Script script;

    private SubsetScript(Source source, Ast.Script script) {
        this.source = source;
        this.script = script;
    }

    /**
     * Parses code in the subset, without landing it.
     *
     * @param code       the code
     * @param maxNesting how deeply brackets and calls may nest
     * @return the parsed script, or empty if the code is not in the subset (or nests too deeply for it)
     */
    public static Optional<SubsetScript> parse(String code, int maxNesting) {
        Objects.requireNonNull(code, "code");
        Source source = new Source(code);
        try {
            return Optional.of(new SubsetScript(source, Parser.parse(source, maxNesting)));
        } catch (LandingException notInSubset) {
            // the parser throws only for code it refuses: that is the answer, not a failure
            return Optional.empty();
        }
    }

    /**
     * Lands the script as the built-in lander does: names resolve in the context's environment.
     *
     * @param context the landing context
     * @return the value of the last statement if it is an expression, else {@code null}
     * @throws LandingException if a name is not defined or a call fails
     */
    public Object land(LandingContext context) {
        return new Evaluator(source, context).run(script);
    }
}
