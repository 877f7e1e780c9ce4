package dev.hbi.groovy;

import java.time.Duration;
import java.util.Objects;

/**
 * How a Groovy lander lands: in which mode, within which time budget, and how many compiled script
 * shapes it keeps. Immutable; start from {@link #defaults()}.
 *
 * <pre>{@code
 * LanderProvider lenient = GroovyLanderProvider.of(GroovyLanderConfig.defaults()
 *         .withTimeBudget(Duration.ofSeconds(5)));
 * HostingEnv env = HostingEnv.create(lenient);
 * }</pre>
 *
 * @param mode           whether peer scripts are confined (the default) or trusted
 * @param timeBudget     how long a script may run on its own in one landing, not counting the time the
 *                       exposed functions it calls take; a script still running when it is spent is
 *                       stopped with a landing error
 * @param shapeCacheSize how many compiled script shapes the lander keeps; the least recently used is
 *                       dropped, and its classes unloaded, when a new one is compiled
 */
public record GroovyLanderConfig(Mode mode, Duration timeBudget, int shapeCacheSize) {

    /** What peer scripts may reach. */
    public enum Mode {
        /**
         * The default, for peers that are not trusted: a script reaches only the exposed names, the
         * values it makes itself and a short allow-list of value types and their harmless methods; every
         * call, property access and constructor call is checked when it runs, and the script runs within
         * its time budget. See the README for what a confined peer can and cannot do.
         */
        CONFINED,
        /**
         * For peers that are trusted completely: scripts land with plain Groovy semantics, and can do
         * anything the JVM can do (read and write files, run programs, open sockets, call
         * {@code System.exit}, load classes), with the rights of the host process. Exposed names are
         * still reachable by name, compiled shapes are still cached, and loops and closures of the
         * script itself still stop at the time budget; nothing else is checked.
         */
        TRUSTED
    }

    private static final GroovyLanderConfig DEFAULTS =
            new GroovyLanderConfig(Mode.CONFINED, Duration.ofSeconds(1), 256);

    /**
     * Checks the settings.
     *
     * @param mode           the mode
     * @param timeBudget     the time budget of one landing
     * @param shapeCacheSize how many compiled shapes are kept
     * @throws NullPointerException     if the mode or budget is {@code null}
     * @throws IllegalArgumentException if the budget is not positive or the cache size is less than 1
     */
    public GroovyLanderConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive: " + timeBudget);
        }
        if (shapeCacheSize < 1) {
            throw new IllegalArgumentException("shapeCacheSize must be at least 1: " + shapeCacheSize);
        }
    }

    /**
     * Returns the defaults: confined, a budget of one second, 256 shapes.
     *
     * @return the default settings
     */
    public static GroovyLanderConfig defaults() {
        return DEFAULTS;
    }

    /**
     * Returns these settings with another mode.
     *
     * @param value the mode
     * @return the new settings
     */
    public GroovyLanderConfig withMode(Mode value) {
        return new GroovyLanderConfig(value, timeBudget, shapeCacheSize);
    }

    /**
     * Returns these settings with another time budget.
     *
     * @param value the budget of one landing
     * @return the new settings
     */
    public GroovyLanderConfig withTimeBudget(Duration value) {
        return new GroovyLanderConfig(mode, value, shapeCacheSize);
    }

    /**
     * Returns these settings with another shape cache size.
     *
     * @param value how many compiled shapes to keep
     * @return the new settings
     */
    public GroovyLanderConfig withShapeCacheSize(int value) {
        return new GroovyLanderConfig(mode, timeBudget, value);
    }
}
