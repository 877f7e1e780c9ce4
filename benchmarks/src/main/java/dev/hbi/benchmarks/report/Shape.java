package dev.hbi.benchmarks.report;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One row of the summary: a shape of traffic, its metric, and how to read each library's value of it
 * from the results.
 *
 * @param name           what is measured, as the table shows it
 * @param unit           the metric's unit
 * @param higherIsBetter {@code true} for rates, {@code false} for latencies and heap
 * @param value          reads the value of a library ({@link #IMPLS}) from the results
 */
record Shape(String name, String unit, boolean higherIsBetter, BiFunction<Results, String, Optional<Double>> value) {

    /** The libraries, in the table's column order. */
    static final List<String> IMPLS = List.of("hbi-mux", "hbi-classic", "hbi-typed", "raw", "rsocket", "grpc");

    /** The in-flight counts of the round-trip shapes. */
    static final List<String> IN_FLIGHT = List.of("1", "16", "256", "1024");

    /** The chunk sizes of the bulk shapes. */
    static final List<String> CHUNKS = List.of("65536", "1048576");

    /** Every shape, in the table's row order. */
    private static List<Shape> all() {
        List<Shape> shapes = new java.util.ArrayList<>();
        for (String n : IN_FLIGHT) {
            shapes.add(new Shape("round trips, " + n + " in flight", "calls/s", true,
                    (r, impl) -> r.find("RoundTripBenchmark", "impl", impl, "inFlight", n).map(Results.Run::score)));
        }
        shapes.add(new Shape("fire-and-forget", "msgs/s", true,
                (r, impl) -> r.find("OneWayBenchmark", "impl", impl).map(Results.Run::score)));
        for (String c : CHUNKS) {
            shapes.add(new Shape("bulk, " + chunk(c) + " chunks", "MiB/s", true,
                    (r, impl) -> r.find("BulkBenchmark", "impl", impl, "chunkBytes", c).map(run -> run.score() / 16)));
        }
        shapes.add(new Shape("small-call p99 under bulk", "ms", false,
                (r, impl) -> r.find("SmallCallUnderBulkBenchmark", "impl", impl)
                        .map(run -> run.percentiles().get("99.0"))));
        shapes.add(new Shape("10,000 in flight: heap used", "MiB", false,
                (r, impl) -> r.find("InFlightHeapBenchmark", "impl", impl)
                        .map(run -> run.secondary().get("heap.used"))));
        return shapes;
    }

    /**
     * Returns the shapes that at least one library was measured in.
     *
     * @param results the results
     * @return those shapes, in the table's row order
     */
    static List<Shape> measured(Results results) {
        return all().stream().filter(s -> IMPLS.stream().anyMatch(i -> s.value.apply(results, i).isPresent())).toList();
    }

    /**
     * Returns how many times better the first value is than the second: {@code a / b} for rates,
     * {@code b / a} for latencies and heap.
     *
     * @param a the value compared
     * @param b the value compared with
     * @return the ratio, above 1 when {@code a} is better
     */
    double advantage(double a, double b) {
        return higherIsBetter ? a / b : b / a;
    }

    static String chunk(String bytes) {
        int n = Integer.parseInt(bytes);
        return n >= 1 << 20 ? (n >> 20) + " MiB" : (n >> 10) + " KiB";
    }
}
