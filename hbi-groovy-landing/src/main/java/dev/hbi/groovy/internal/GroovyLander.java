package dev.hbi.groovy.internal;

import dev.hbi.HbiConfig;
import dev.hbi.HbiException;
import dev.hbi.LandingException;
import dev.hbi.internal.landing.SubsetScript;
import dev.hbi.spi.Lander;
import dev.hbi.spi.LandingContext;
import groovy.lang.Binding;
import java.util.Objects;
import java.util.Optional;

/**
 * Lands a script: the call/literal subset with the built-in lander (never reaching the Groovy
 * compiler), everything else as Groovy. A Groovy script is lexed into its {@link Shape}, its compiled
 * class taken from the {@link ShapeCache} (compiled on a miss), a new instance given the landing's
 * state and run; its value leaves as an HBI value ({@link Values}). Every failure is a
 * {@link LandingException} that points into the script as sent, except the {@link HbiException}s of
 * exposed functions (a closed connection, a timeout), which pass unchanged. Thread-safe and stateless
 * per call.
 */
final class GroovyLander implements Lander {

    /** Shapes with longer keys are compiled for each landing, not cached, so the cache stays small. */
    static final int MAX_CACHED_KEY = 64 << 10;

    private final boolean confined;
    private final long budgetNanos;
    private final ShapeCache cache;
    private final ShapeCompiler compiler;

    GroovyLander(boolean confined, long budgetNanos, ShapeCache cache, ShapeCompiler compiler) {
        this.confined = confined;
        this.budgetNanos = budgetNanos;
        this.cache = cache;
        this.compiler = compiler;
    }

    @Override
    public Object land(String code, LandingContext context) {
        Objects.requireNonNull(code, "code");
        context.checkCodeSize(code);
        HbiConfig config = context.config();
        if (FastPath.worthParsing(code)) {
            Optional<SubsetScript> subset = SubsetScript.parse(code, config.maxNesting());
            if (subset.isPresent()) {
                return subset.get().land(context);
            }
        }
        Shape shape = ShapeLexer.lex(code, confined, config.maxNesting());
        if (shape.key().length() > MAX_CACHED_KEY) {
            Compiled once = compiler.compile(shape.key(), shape.slots());
            try {
                return land(once, shape, context);
            } finally {
                cache.release(once);
            }
        }
        Compiled compiled;
        try {
            compiled = cache.get(shape.key(), key -> compiler.compile(key, shape.slots()));
        } catch (RuntimeException e) {
            // not a compile error (those are results) but a failure of the compiler itself
            throw new LandingException("the script could not be compiled: " + e.getClass().getSimpleName(), e);
        }
        return land(compiled, shape, context);
    }

    private Object land(Compiled compiled, Shape shape, LandingContext context) {
        if (compiled instanceof Compiled.Refused refused) {
            throw Positions.error(shape, refused.message(), refused.line(), refused.column(), refused.lastLine(),
                    refused.lastColumn(), null);
        }
        return run((Compiled.Ready) compiled, shape, context);
    }

    private Object run(Compiled.Ready compiled, Shape shape, LandingContext context) {
        ((ShapeLoader) compiled.script().getClassLoader()).landing();
        Landing landing = new Landing(context, shape, compiled.sites(), budgetNanos);
        LandedScript script = compiled.newScript(confined ? new Binding() : new HostBinding(landing));
        script.attach(landing);
        Object value;
        try {
            value = script.run();
        } catch (RuntimeException | Error e) {
            throw failed(landing, Guard.unwrap(e));
        }
        if (landing.fatal() != null) {
            // the script caught a refusal or the deadline: they stick
            throw landing.fatal();
        }
        try {
            return Values.toHbi(value, context.config().maxNesting());
        } catch (IllegalArgumentException e) {
            throw new LandingException("the landed value: " + e.getMessage());
        }
    }

    private static RuntimeException failed(Landing landing, Throwable cause) {
        if (landing.fatal() != null) {
            // the script caught a refusal or the deadline and failed otherwise afterwards: the refusal counts
            return landing.fatal();
        }
        return switch (cause) {
            case HbiException hbi -> hbi;
            case StackOverflowError deep -> failure(landing, "the script recursed too deeply", deep);
            case AssertionError assertion -> failure(landing, "assertion failed: " + assertion.getMessage(), assertion);
            case Error fatal -> throw fatal;
            default -> failure(landing, cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        };
    }

    /** An error the runtime raised outside a checked site: placed at the script line that raised it. */
    private static LandingException failure(Landing landing, String message, Throwable cause) {
        if (landing.fatal() != null) {
            return landing.fatal();
        }
        int line = 0;
        for (StackTraceElement frame : cause.getStackTrace()) {
            if (ShapeLoader.NAME.equals(frame.getClassLoaderName()) && frame.getLineNumber() > 0) {
                line = frame.getLineNumber();
                break;
            }
        }
        return Positions.error(landing.shape(), message, line, 0, line, 0, cause);
    }
}
