package dev.hbi.benchmarks.harness;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What a benchmark records besides JMH's own score, per iteration: the latency of every call of a
 * continuously running load, and gauges such as the heap in use. {@link MetricsProfiler} turns them into
 * secondary results of the iteration. JMH runs each benchmark in its own fork, so one static registry
 * belongs to one benchmark.
 */
public final class Metrics {

    private static final Recorder LATENCIES = new Recorder(3);
    private static final Map<String, Gauge> GAUGES = new ConcurrentHashMap<>();

    /** A value measured during an iteration, with its unit. */
    record Gauge(double value, String unit) {
    }

    private Metrics() {
    }

    /**
     * Returns the recorder of call latencies, in nanoseconds; safe for concurrent recording.
     *
     * @return the recorder
     */
    public static Recorder latencies() {
        return LATENCIES;
    }

    /**
     * Records a gauge for the current iteration; a later value of the same name replaces it.
     *
     * @param name  the name
     * @param value the value
     * @param unit  its unit
     */
    public static void gauge(String name, double value, String unit) {
        GAUGES.put(name, new Gauge(value, unit));
    }

    /** Forgets what was recorded before the iteration that starts. */
    static void reset() {
        LATENCIES.reset();
        GAUGES.clear();
    }

    /** Returns the latencies recorded since the last call or reset. */
    static Histogram takeLatencies() {
        return LATENCIES.getIntervalHistogram();
    }

    /** Returns the gauges recorded since the last reset, and forgets them. */
    static Map<String, Gauge> takeGauges() {
        Map<String, Gauge> taken = Map.copyOf(GAUGES);
        GAUGES.clear();
        return taken;
    }
}
