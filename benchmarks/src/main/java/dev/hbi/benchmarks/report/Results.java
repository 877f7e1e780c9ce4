package dev.hbi.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The runs of a JMH JSON result file, with what the report needs of each. */
final class Results {

    /**
     * One benchmark run with one set of parameters.
     *
     * @param benchmark   the class's simple name and the method, {@code RoundTripBenchmark.roundTrips}
     * @param params      the parameters
     * @param score       the primary score
     * @param unit        its unit
     * @param percentiles the primary score's percentiles (sample mode), keyed {@code 50.0}, {@code 99.0}...
     * @param secondary   the secondary scores, keyed by label
     */
    record Run(String benchmark, Map<String, String> params, double score, String unit,
               Map<String, Double> percentiles, Map<String, Double> secondary) {

        boolean matches(String simpleBenchmark, Map<String, String> wanted) {
            return benchmark.startsWith(simpleBenchmark + ".")
                    && wanted.entrySet().stream().allMatch(e -> e.getValue().equals(params.get(e.getKey())));
        }
    }

    private final List<Run> runs;
    private final String jdk;
    private final String vm;

    private Results(List<Run> runs, String jdk, String vm) {
        this.runs = runs;
        this.jdk = jdk;
        this.vm = vm;
    }

    /**
     * Reads a JMH JSON result file.
     *
     * @param file the file
     * @return its runs
     */
    static Results read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Run> runs = new ArrayList<>();
        String jdk = "";
        String vm = "";
        for (JsonNode n : root) {
            jdk = n.path("jdkVersion").asText();
            vm = n.path("vmName").asText() + " " + n.path("vmVersion").asText();
            String[] name = n.path("benchmark").asText().split("\\.");
            Map<String, String> params = new LinkedHashMap<>();
            n.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
            JsonNode primary = n.path("primaryMetric");
            Map<String, Double> percentiles = new LinkedHashMap<>();
            primary.path("scorePercentiles").properties().forEach(p -> percentiles.put(p.getKey(), p.getValue().asDouble()));
            Map<String, Double> secondary = new LinkedHashMap<>();
            n.path("secondaryMetrics").properties().forEach(p ->
                    secondary.put(p.getKey().replace("\u00b7", ""), p.getValue().path("score").asDouble()));
            runs.add(new Run(name[name.length - 2] + "." + name[name.length - 1], params, primary.path("score").asDouble(),
                    primary.path("scoreUnit").asText(), percentiles, secondary));
        }
        return new Results(runs, jdk, vm);
    }

    /**
     * Finds the run of a benchmark class with the given parameters.
     *
     * @param simpleClass the benchmark class's simple name
     * @param params      parameter names and values, alternately
     * @return the run, if it was measured
     */
    Optional<Run> find(String simpleClass, String... params) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            wanted.put(params[i], params[i + 1]);
        }
        return runs.stream().filter(r -> r.matches(simpleClass, wanted)).findFirst();
    }

    /**
     * Returns the runs of classes other than the suite's own shapes (the Groovy module's benchmarks).
     *
     * @param known the suite's own benchmark classes
     * @return the other runs
     */
    List<Run> others(List<String> known) {
        return runs.stream().filter(r -> known.stream().noneMatch(k -> r.benchmark().startsWith(k + "."))).toList();
    }

    List<Run> all() {
        return runs;
    }

    String jdk() {
        return jdk;
    }

    String vm() {
        return vm;
    }
}
