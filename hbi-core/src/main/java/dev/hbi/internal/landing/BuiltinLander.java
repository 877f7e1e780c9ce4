package dev.hbi.internal.landing;

import dev.hbi.HbiConfig;
import dev.hbi.spi.Lander;
import dev.hbi.spi.LandingContext;
import java.util.Objects;

/**
 * The built-in lander: lands the literal-and-call subset of Python that every HBI peer speaks
 * (hbi-wire-reference §3), with no script engine and no reflection on what the peer sends. A script is
 * checked against the size limit, parsed whole by the {@link Parser}, then run by the
 * {@link Evaluator}; names resolve in {@link LandingContext#env()}.
 *
 * <p>Holds no state, so one instance serves every environment and every conversation, from any number
 * of threads at once.
 */
final class BuiltinLander implements Lander {

    static final BuiltinLander INSTANCE = new BuiltinLander();

    private BuiltinLander() {
    }

    @Override
    public Object land(String code, LandingContext context) {
        Objects.requireNonNull(code, "code");
        context.checkCodeSize(code);
        HbiConfig config = context.config();
        Source source = new Source(code);
        Ast.Script script = Parser.parse(source, config.maxNesting());
        return new Evaluator(source, context).run(script);
    }

    @Override
    public String toString() {
        return "BuiltinLander";
    }
}
