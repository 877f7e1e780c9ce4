package dev.hbi.benchmarks.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes the results as markdown: the summary with each shape's ratios to RSocket-java and to the raw
 * socket, the latencies of round trips, landing, the Groovy module's benchmarks, and the targets.
 */
final class MarkdownReport {

    private static final Map<String, String> TITLES = Map.of("hbi-mux", "HBI mux", "hbi-classic", "HBI classic",
            "hbi-typed", "HBI typed", "raw", "raw socket", "rsocket", "RSocket", "grpc", "gRPC");

    /** Above this share of CPU time stolen, a run's numbers are flagged as measured on a noisy machine. */
    private static final int NOISY_STEAL_PERCENT = 15;

    private final Results results;
    private final StringBuilder out = new StringBuilder();

    MarkdownReport(Results results) {
        this.results = results;
    }

    /**
     * Writes the report.
     *
     * @param heading the first lines: date, machine, JDK
     * @return the markdown
     */
    String write(String heading) {
        out.append(heading).append("\n\n");
        steal();
        summary();
        latencies();
        cpuPerCall();
        landing();
        others();
        targets();
        return out.toString();
    }

    /** Says how much CPU time the hypervisor took away while the benchmarks measured. */
    private void steal() {
        List<Results.Run> runs = results.all().stream().filter(r -> r.secondary().containsKey("cpu.steal")).toList();
        if (runs.isEmpty()) {
            return;
        }
        double mean = runs.stream().mapToDouble(r -> r.secondary().get("cpu.steal")).average().orElse(0);
        Results.Run worst = runs.stream().max(java.util.Comparator.comparingDouble(r -> r.secondary().get("cpu.steal")))
                .orElseThrow();
        out.append(String.format(java.util.Locale.ROOT, "CPU time stolen by the hypervisor while measuring: %.0f%% on"
                + " average, at most %.0f%% (%s %s). Steal varies from minute to minute on this shared virtual machine;"
                + " a benchmark measured during high steal is slower than its code.", mean,
                worst.secondary().get("cpu.steal"), worst.benchmark(), worst.params()));
        List<String> stolen = runs.stream().filter(r -> r.secondary().get("cpu.steal") > NOISY_STEAL_PERCENT)
                .map(r -> String.format(java.util.Locale.ROOT, "%s %s (%.0f%%)", r.benchmark(), r.params(),
                        r.secondary().get("cpu.steal")))
                .toList();
        if (!stolen.isEmpty()) {
            out.append(" Measured with more than ").append(NOISY_STEAL_PERCENT).append("% stolen: ")
                    .append(String.join("; ", stolen)).append('.');
        }
        out.append("\n\n");
    }

    private void summary() {
        out.append("Each library's value, then HBI's (multiplexed wire) as a ratio: above 1× HBI is better — ")
                .append("more per second, or less latency or heap.\n\n| shape | unit |");
        Shape.IMPLS.forEach(i -> out.append(' ').append(TITLES.get(i)).append(" |"));
        out.append(" mux ÷ RSocket | mux ÷ raw |\n|---|---|");
        Shape.IMPLS.forEach(i -> out.append("---:|"));
        out.append("---:|---:|\n");
        for (Shape s : Shape.measured(results)) {
            out.append("| ").append(s.name()).append(" | ").append(s.unit()).append(" |");
            for (String impl : Shape.IMPLS) {
                out.append(' ').append(s.value().apply(results, impl).map(Format::number).orElse("–")).append(" |");
            }
            out.append(' ').append(ratio(s, "rsocket")).append(" | ").append(ratio(s, "raw")).append(" |\n");
        }
        out.append('\n');
    }

    private String ratio(Shape s, String other) {
        Optional<Double> mux = s.value().apply(results, "hbi-mux");
        Optional<Double> them = s.value().apply(results, other);
        return mux.flatMap(m -> them.map(t -> Format.ratio(s.advantage(m, t)))).orElse("–");
    }

    private void latencies() {
        perInFlight("Round-trip latency of every call (p50 / p99, µs):",
                r -> percentile(r, "latency.p50") + " / " + percentile(r, "latency.p99"));
    }

    private void cpuPerCall() {
        perInFlight("CPU time per round trip, both peers together (µs: the JVM's CPU time ÷ calls; lower is better):",
                r -> percentile(r, "cpu.perOp"));
    }

    private void perInFlight(String title, Function<Results.Run, String> cell) {
        out.append(title).append("\n\n| in flight |");
        Shape.IMPLS.forEach(i -> out.append(' ').append(TITLES.get(i)).append(" |"));
        out.append("\n|---:|");
        Shape.IMPLS.forEach(i -> out.append("---:|"));
        out.append('\n');
        for (String n : Shape.IN_FLIGHT) {
            if (Shape.IMPLS.stream().noneMatch(i -> results.find("RoundTripBenchmark", "impl", i, "inFlight", n).isPresent())) {
                continue;
            }
            out.append("| ").append(n).append(" |");
            for (String impl : Shape.IMPLS) {
                Optional<Results.Run> run = results.find("RoundTripBenchmark", "impl", impl, "inFlight", n);
                out.append(' ').append(run.map(cell).orElse("–")).append(" |");
            }
            out.append('\n');
        }
        out.append('\n');
    }

    private static String percentile(Results.Run run, String key) {
        Double v = run.secondary().get(key);
        return v == null ? "?" : Format.number(v);
    }

    private void landing() {
        out.append("Landing: one script with varying literals, per lander\n\n")
                .append("| lander | landing alone (ns/script) | round trips at 256 in flight (calls/s) |\n|---|---:|---:|\n");
        for (String lander : List.of("builtin", "groovy")) {
            Optional<Results.Run> alone = results.find("LandingBenchmark", "lander", lander);
            Optional<Results.Run> trips = results.find("LandedRoundTripBenchmark", "lander", lander);
            if (alone.isPresent() || trips.isPresent()) {
                out.append("| ").append(lander).append(" | ")
                        .append(alone.map(r -> Format.number(r.score())).orElse("–")).append(" | ")
                        .append(trips.map(r -> Format.number(r.score())).orElse("–")).append(" |\n");
            }
        }
        out.append('\n');
    }

    private void others() {
        List<Results.Run> others = results.others(BenchSuite.OWN_BENCHMARKS);
        if (others.isEmpty()) {
            return;
        }
        out.append("Other benchmarks in the jar (the Groovy module's)\n\n| benchmark | params | score | unit |\n|---|---|---:|---|\n");
        for (Results.Run r : others) {
            out.append("| ").append(r.benchmark()).append(" | ").append(r.params()).append(" | ")
                    .append(Format.number(r.score())).append(" | ").append(r.unit()).append(" |\n");
        }
        out.append('\n');
    }

    private void targets() {
        out.append("Targets (issue 6)\n\n| target | measured | verdict |\n|---|---:|---|\n");
        for (Target t : Target.evaluate(results)) {
            out.append("| ").append(t.goal()).append(" | ").append(t.measuredText()).append(" | ")
                    .append(t.verdict()).append(" |\n");
        }
    }
}
