package dev.hbi.benchmarks;

import dev.hbi.HostingEnv;
import dev.hbi.groovy.GroovyLanderConfig;
import dev.hbi.groovy.GroovyLanderProvider;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What landing a script costs with the Groovy lander (confined, as by default), outside any connection:
 * a script of the built-in call/literal subset (landed without Groovy), Groovy scripts whose shape is
 * cached (each invocation has other literal values, so caching by exact text would miss every time), and
 * a script of a shape never seen before (compiled, then cached while older shapes are dropped).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class GroovyLandingBenchmark {

    private static final int VARIATIONS = 1024;

    private HostingEnv env;
    private final String[] subset = new String[VARIATIONS];
    private final String[] call = new String[VARIATIONS];
    private final String[] loop = new String[VARIATIONS];
    private int next;
    private long fresh;

    /** Makes the environment and the literal variations of each script. */
    @Setup
    public void setUp() {
        env = HostingEnv.create(GroovyLanderProvider.of(GroovyLanderConfig.defaults()))
                .exposeProcedure("SetNick", args -> args.string(0))
                .expose("add", args -> args.longValue(0) + args.longValue(1));
        for (int i = 0; i < VARIATIONS; i++) {
            subset[i] = "SetNick('nick" + i + "')";
            call[i] = "SetNick('nick" + i + "'.toUpperCase())";
            loop[i] = "def t = 0; for (i in 1..3) { t += add(i, " + i + ") }; t";
        }
    }

    /** {@code SetNick('nick42')}: in the subset, landed by the built-in lander. */
    @Benchmark
    public Object subsetFastPath() {
        return env.land(subset[next++ & (VARIATIONS - 1)]);
    }

    /** {@code SetNick('nick42'.toUpperCase())}: Groovy, shape cached; one checked method call, one exposed call. */
    @Benchmark
    public Object shapeCacheHitCall() {
        return env.land(call[next++ & (VARIATIONS - 1)]);
    }

    /** A loop of three exposed calls whose results are summed: Groovy, shape cached. */
    @Benchmark
    public Object shapeCacheHitLoop() {
        return env.land(loop[next++ & (VARIATIONS - 1)]);
    }

    /** A shape never seen before: lexed, compiled, class-loaded, run and cached, dropping the oldest shape. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object coldCompile() {
        long n = fresh++;
        return env.land("def v" + n + " = 'x'; SetNick(v" + n + " * 2)");
    }
}
