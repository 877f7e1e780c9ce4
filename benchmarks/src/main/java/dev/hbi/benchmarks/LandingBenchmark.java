package dev.hbi.benchmarks;

import dev.hbi.HostingEnv;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of landing one script, with no connection: a call with an int, a 32-character string and a
 * float, the literals different in each of {@value #SCRIPTS} scripts landed in turn. For the Groovy lander
 * this is a shape-cache hit; its cold compile is measured by the Groovy module's own benchmarks.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LandingBenchmark {

    static final int SCRIPTS = 1024;

    /** The lander. */
    @Param({HostingEnv.BUILTIN_LANDER, "groovy"})
    public String lander;

    private HostingEnv env;
    private final String[] scripts = new String[SCRIPTS];
    private int next;

    /** Makes the environment and the scripts. */
    @Setup(Level.Trial)
    public void prepare() {
        env = HostingEnv.create(lander).expose("mix", args -> args.size());
        for (int i = 0; i < SCRIPTS; i++) {
            scripts[i] = "mix(" + i + ", '" + "%032d".formatted(i * 7919L) + "', " + i + ".25)";
        }
    }

    /**
     * Lands the next script.
     *
     * @return what the script evaluated to
     */
    @Benchmark
    public Object land() {
        return env.land(scripts[next++ & (SCRIPTS - 1)]);
    }
}
