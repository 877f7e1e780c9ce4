package dev.hbi.groovy.internal;

import dev.hbi.Args;
import dev.hbi.ConversationInterruptedException;
import dev.hbi.Exposure;
import dev.hbi.HbiException;
import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import dev.hbi.spi.LandingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one landing of a compiled shape: its context, its literals, its deadline, and the first
 * refusal, which sticks. Once the script has done something confinement refuses, or has run out of
 * time, every later check throws that same error again, and so does the end of the landing, so a
 * {@code catch} in the script cannot swallow it.
 *
 * <p>The deadline counts only the script's own time: the time an exposed function takes (receiving
 * from the peer, say) is added back to it, since those functions have their own deadlines.
 *
 * <p>Confined to the thread that lands the script.
 */
final class Landing {

    private final LandingContext context;
    private final Shape shape;
    private final int[] sites;
    private final long budget;
    private long deadline;
    private LandingException fatal;

    Landing(LandingContext context, Shape shape, int[] sites, long budgetNanos) {
        this.context = context;
        this.shape = shape;
        this.sites = sites;
        this.budget = budgetNanos;
        this.deadline = System.nanoTime() + budgetNanos;
    }

    HostingEnv env() {
        return context.env();
    }

    int maxNesting() {
        return context.config().maxNesting();
    }

    Shape shape() {
        return shape;
    }

    Object literal(int slot) {
        return shape.literals()[slot];
    }

    /** Throws the sticky refusal if there is one, or the budget error if the deadline has passed. */
    void check(int site) {
        if (fatal != null) {
            throw fatal;
        }
        if (System.nanoTime() - deadline > 0) {
            throw refuse(site, "the script ran longer than its time budget of " + budget / 1_000_000
                    + " ms (GroovyLanderConfig.timeBudget) and was stopped");
        }
    }

    /** Makes, records and returns a refusal: it is thrown now and again at every later check. */
    LandingException refuse(int site, String message) {
        LandingException refusal = error(site, message, null);
        if (fatal == null) {
            fatal = refusal;
        }
        return refusal;
    }

    /** The refusal that sticks, if the script has met one. */
    LandingException fatal() {
        return fatal;
    }

    /** Makes an error that points at a checked site of the script. */
    LandingException error(int site, String message, Throwable cause) {
        if (site < 0 || site * 4 >= sites.length) {
            return new LandingException(shape.restore(message), cause);
        }
        int at = site * 4;
        return Positions.error(shape, message, sites[at], sites[at + 1], sites[at + 2], sites[at + 3], cause);
    }

    /**
     * Calls an exposed function: converts the arguments to HBI values, and keeps the time the call takes
     * out of the budget.
     */
    Object callExposed(Exposure exposure, Map<?, ?> named, List<?> positional, int site) {
        List<Object> arguments = new ArrayList<>(positional.size());
        Map<String, Object> keywords = named == null || named.isEmpty() ? Map.of() : new LinkedHashMap<>();
        try {
            for (Object argument : positional) {
                arguments.add(Values.toHbi(argument, maxNesting()));
            }
            if (named != null) {
                for (Map.Entry<?, ?> entry : named.entrySet()) {
                    if (!(entry.getKey() instanceof CharSequence keyword)) {
                        throw new IllegalArgumentException("keyword argument names must be strings, not "
                                + AllowList.describe(entry.getKey()));
                    }
                    keywords.put(keyword.toString(), Values.toHbi(entry.getValue(), maxNesting()));
                }
            }
        } catch (IllegalArgumentException e) {
            throw error(site, exposure.name() + "(): " + e.getMessage(), null);
        }
        long started = System.nanoTime();
        try {
            return exposure.call(Args.of(context, arguments, keywords));
        } catch (HbiException e) {
            // a nested landing error keeps its own position; a closed connection or a timeout keeps its type
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConversationInterruptedException(exposure.name() + "() was interrupted", e);
        } catch (Exception e) {
            String why = e.getMessage() == null ? "" : ": " + e.getMessage();
            throw error(site, exposure.name() + "() failed: " + e.getClass().getSimpleName() + why, e);
        } finally {
            deadline += System.nanoTime() - started;
        }
    }
}
