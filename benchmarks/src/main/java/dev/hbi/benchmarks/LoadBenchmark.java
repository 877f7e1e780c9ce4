package dev.hbi.benchmarks;

import dev.hbi.benchmarks.harness.Meter;
import dev.hbi.benchmarks.peers.Peers;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A throughput benchmark of a load that runs continuously from setup to teardown on one connection: each
 * invocation of the subclass's benchmark method waits on the {@link Meter} for the next batch of
 * completions, so the load never drains between invocations. JMH applies these annotations to the
 * subclasses. Warm-up is five seconds because the libraries' steady state takes that long to reach here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public abstract class LoadBenchmark {

    /** Counts what the load completes; the benchmark methods wait on it. */
    protected Meter meter;
    private Peers peers;
    private Peers.Load load;

    /** Connects the pair and starts the load. */
    @Setup(Level.Trial)
    public void start() {
        meter = new Meter();
        peers = open();
        load = start(peers, meter);
    }

    /** Stops the load and closes the pair. */
    @TearDown(Level.Trial)
    public void stop() {
        load.close();
        peers.close();
    }

    /**
     * Connects the pair this benchmark measures.
     *
     * @return the pair
     */
    protected abstract Peers open();

    /**
     * Starts the load on the pair.
     *
     * @param pair  the pair
     * @param done  told of what completes
     * @return the running load
     */
    protected abstract Peers.Load start(Peers pair, Meter done);
}
