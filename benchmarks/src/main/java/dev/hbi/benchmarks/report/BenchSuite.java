package dev.hbi.benchmarks.report;

import dev.hbi.HostingEnv;
import dev.hbi.benchmarks.harness.MetricsProfiler;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the whole suite ({@code ./hbi bench}) and writes, into the output folder, the JMH results
 * ({@code results.json}), the tables ({@code results.md}) and the ratio chart ({@code results.svg}).
 *
 * <pre>
 * BenchSuite [--quick] [--report-only] [--out DIR]
 * </pre>
 *
 * <p>{@code --quick} runs every shape briefly with fewer parameters, for development; {@code --report-only}
 * rewrites the tables and chart from an existing {@code results.json}. The Groovy lander's cases run only
 * when its lander is installed, and benchmarks named {@code Groovy*} (the Groovy module's) are run too
 * when the jar has them, each held to the suite's own time per benchmark.
 */
public final class BenchSuite {

    /** The suite's own benchmark classes; others in the jar are reported as they are. */
    static final List<String> OWN_BENCHMARKS = List.of("RoundTripBenchmark", "LandedRoundTripBenchmark",
            "OneWayBenchmark", "BulkBenchmark", "SmallCallUnderBulkBenchmark", "LandingBenchmark",
            "InFlightHeapBenchmark");

    private static final String GROOVY_BENCHMARKS = "\\.Groovy\\w*\\.";

    private BenchSuite() {
    }

    /**
     * Runs the suite.
     *
     * @param args the options above
     * @throws RunnerException if JMH could not run
     */
    public static void main(String[] args) throws RunnerException {
        List<String> options = List.of(args);
        boolean quick = options.contains("--quick");
        int out = options.indexOf("--out");
        Path dir = Path.of(out >= 0 ? options.get(out + 1) : "benchmarks/results");
        Path json = dir.resolve("results.json");
        if (!options.contains("--report-only")) {
            run(quick, json);
        }
        report(json, dir, quick);
    }

    private static void run(boolean quick, Path json) throws RunnerException {
        List<RunResult> results = new ArrayList<>(new Runner(own(quick).build()).run());
        try {
            results.addAll(new Runner(timed(new OptionsBuilder().include(GROOVY_BENCHMARKS), quick).build()).run());
        } catch (NoBenchmarksException absent) {
            System.out.println("bench: no Groovy* benchmarks in this jar");
        }
        write(json, results);
    }

    private static ChainedOptionsBuilder own(boolean quick) {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include("dev\\.hbi\\.benchmarks\\.(" + String.join("|", OWN_BENCHMARKS) + ")\\.")
                .param("lander", landers())
                .addProfiler(MetricsProfiler.class);
        if (quick) {
            timed(b, true).param("inFlight", "1", "256").param("chunkBytes", "1048576");
        }
        return b;
    }

    private static ChainedOptionsBuilder timed(ChainedOptionsBuilder b, boolean quick) {
        return b.forks(1)
                .warmupIterations(quick ? 2 : 5).warmupTime(TimeValue.milliseconds(quick ? 500 : 1000))
                .measurementIterations(quick ? 1 : 3).measurementTime(TimeValue.seconds(1));
    }

    private static String[] landers() {
        return HostingEnv.availableLanders().stream()
                .filter(l -> l.equals(HostingEnv.BUILTIN_LANDER) || l.equals("groovy"))
                .toArray(String[]::new);
    }

    private static void write(Path json, Collection<RunResult> results) {
        try {
            Files.createDirectories(json.getParent());
            try (PrintStream ps = new PrintStream(Files.newOutputStream(json), true, StandardCharsets.UTF_8)) {
                ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(results);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(Path json, Path dir, boolean quick) {
        Results results = Results.read(json);
        String date = LocalDate.ofInstant(lastModified(json), java.time.ZoneOffset.UTC).toString();
        String machine = Machine.describe();
        String caption = date + " · " + machine + " · " + results.vm() + " (JDK " + results.jdk() + ")"
                + (quick ? " · quick mode" : "");
        String heading = "Measured " + caption + "; both peers in one JVM on loopback, one connection, JMH 1.37,"
                + " one fork per benchmark.";
        try {
            Files.writeString(dir.resolve("results.md"), new MarkdownReport(results).write(heading));
            Files.writeString(dir.resolve("results.svg"), new RatioChart(results).draw(caption));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("bench: wrote " + Stream.of("results.json", "results.md", "results.svg")
                .map(f -> dir.resolve(f).toString()).toList());
    }

    private static java.time.Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
