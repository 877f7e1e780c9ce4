package dev.hbi.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Adds what the benchmark recorded in {@link Metrics} to each iteration's results: the percentiles of
 * the latencies of all calls of the load (not only those the benchmark thread made), in microseconds,
 * and the gauges; and the share of the machine's CPU time the hypervisor stole meanwhile
 * ({@code cpu.steal}, Linux only); and, for throughput, the JVM's CPU time per operation
 * ({@code cpu.perOp}, both peers together), which varies less from run to run than the throughput and
 * shows what a change saves even while the machine is not saturated. Across iterations they are
 * averaged. Enable with
 * {@code -prof dev.hbi.benchmarks.harness.MetricsProfiler}; {@code ./hbi bench} does.
 */
public final class MetricsProfiler implements InternalProfiler {

    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Optional<CpuTimes> cpuAtStart = Optional.empty();
    private long processCpuAtStart;
    private long wallAtStart;

    @Override
    public String getDescription() {
        return "latency percentiles of every call of the load, gauges such as heap in use, and CPU steal";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        Metrics.reset();
        cpuAtStart = CpuTimes.now();
        processCpuAtStart = OS.getProcessCpuTime();
        wallAtStart = System.nanoTime();
    }

    @Override
    @SuppressWarnings("rawtypes") // the raw type is JMH's, in the interface this implements
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        List<ScalarResult> results = new ArrayList<>();
        Histogram h = Metrics.takeLatencies();
        if (h.getTotalCount() > 0) {
            for (double p : PERCENTILES) {
                results.add(new ScalarResult("latency.p" + label(p), h.getValueAtPercentile(p) / 1e3, "us",
                        AggregationPolicy.AVG));
            }
            results.add(new ScalarResult("latency.mean", h.getMean() / 1e3, "us", AggregationPolicy.AVG));
        }
        cpuAtStart.flatMap(start -> CpuTimes.now().map(end -> end.stealPercentSince(start))).ifPresent(steal ->
                results.add(new ScalarResult("cpu.steal", steal, "%", AggregationPolicy.AVG)));
        cpuPerOp(benchmarkParams, result).ifPresent(results::add);
        for (Map.Entry<String, Metrics.Gauge> g : Metrics.takeGauges().entrySet()) {
            results.add(new ScalarResult(g.getKey(), g.getValue().value(), g.getValue().unit(), AggregationPolicy.AVG));
        }
        return results;
    }

    private Optional<ScalarResult> cpuPerOp(BenchmarkParams params, IterationResult result) {
        if (params.getMode() != Mode.Throughput || processCpuAtStart < 0) {
            return Optional.empty();
        }
        long cpu = OS.getProcessCpuTime() - processCpuAtStart;
        double ops = result.getPrimaryResult().getScore() * (System.nanoTime() - wallAtStart) / 1e9;
        return ops <= 0 ? Optional.empty()
                : Optional.of(new ScalarResult("cpu.perOp", cpu / ops / 1e3, "us", AggregationPolicy.AVG));
    }

    private static String label(double percentile) {
        return percentile == Math.rint(percentile) ? Integer.toString((int) percentile) : Double.toString(percentile);
    }
}
