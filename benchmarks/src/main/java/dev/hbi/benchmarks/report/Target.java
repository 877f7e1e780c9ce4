package dev.hbi.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A target of issue 6 and whether one run met it.
 *
 * @param goal     the target, as the issue states it
 * @param measured the measured value, if both sides of it were measured
 * @param bound    the value it must reach
 * @param atLeast  {@code true} if the measured value must be at least the bound, {@code false} at most
 * @param unit     the unit of both, {@code ×} for ratios
 */
record Target(String goal, Optional<Double> measured, double bound, boolean atLeast, String unit) {

    /**
     * Evaluates every target on the results.
     *
     * @param r the results
     * @return the targets
     */
    static List<Target> evaluate(Results r) {
        return List.of(
                ratio("1 in flight ≥ 0.95× the raw socket's ping-pong", r, "1", "raw", 0.95),
                ratio("1 in flight ≥ 1.5× RSocket", r, "1", "rsocket", 1.5),
                ratio("16 in flight ≥ 1.2× RSocket", r, "16", "rsocket", 1.2),
                ratio("256 in flight ≥ 2× RSocket", r, "256", "rsocket", 2),
                ratio("256 in flight ≥ 4× gRPC", r, "256", "grpc", 4),
                new Target("Groovy-landed scripts with varying literals at 256 in flight ≥ 0.7× the built-in lander",
                        both(r.find("LandedRoundTripBenchmark", "lander", "groovy").map(Results.Run::score),
                                r.find("LandedRoundTripBenchmark", "lander", "builtin").map(Results.Run::score)),
                        0.7, true, "×"),
                new Target("fire-and-forget ≥ 25× RSocket",
                        both(r.find("OneWayBenchmark", "impl", "hbi-mux").map(Results.Run::score),
                                r.find("OneWayBenchmark", "impl", "rsocket").map(Results.Run::score)),
                        25, true, "×"),
                bulk(r, "65536"),
                bulk(r, "1048576"),
                new Target("small-call p99 under a saturating bulk stream ≤ 5 ms (multiplexed wire)",
                        r.find("SmallCallUnderBulkBenchmark", "impl", "hbi-mux").map(run -> run.percentiles().get("99.0")),
                        5, false, " ms"),
                new Target("10,000 conversations in flight in ≤ 256 MiB of heap (multiplexed wire, both peers)",
                        r.find("InFlightHeapBenchmark", "impl", "hbi-mux").map(run -> run.secondary().get("heap.used")),
                        256, false, " MiB"));
    }

    private static Target ratio(String goal, Results r, String inFlight, String other, double bound) {
        return new Target(goal, both(
                r.find("RoundTripBenchmark", "impl", "hbi-mux", "inFlight", inFlight).map(Results.Run::score),
                r.find("RoundTripBenchmark", "impl", other, "inFlight", inFlight).map(Results.Run::score)),
                bound, true, "×");
    }

    private static Target bulk(Results r, String chunk) {
        return new Target("bulk (" + Shape.chunk(chunk) + " chunks) ≥ 0.85× the raw socket", both(
                r.find("BulkBenchmark", "impl", "hbi-mux", "chunkBytes", chunk).map(Results.Run::score),
                r.find("BulkBenchmark", "impl", "raw", "chunkBytes", chunk).map(Results.Run::score)),
                0.85, true, "×");
    }

    private static Optional<Double> both(Optional<Double> a, Optional<Double> b) {
        return a.flatMap(x -> b.map(y -> x / y));
    }

    /** Tells whether it was met, or by how much it was missed. */
    String verdict() {
        if (measured.isEmpty()) {
            return "not measured";
        }
        double m = measured.get();
        boolean met = atLeast ? m >= bound : m <= bound;
        if (met) {
            return "met";
        }
        double by = atLeast ? 1 - m / bound : m / bound - 1;
        // a miss that rounds to 0% says by how little, and that it is a miss
        return by < 0.005 ? String.format(Locale.ROOT, "missed by %.2g%% (%.4g against %s)", by * 100, m, Format.number(bound))
                : String.format(Locale.ROOT, "missed by %.0f%%", by * 100);
    }

    /** Formats the measured value. */
    String measuredText() {
        return measured.map(m -> Format.number(m) + unit).orElse("–");
    }
}
