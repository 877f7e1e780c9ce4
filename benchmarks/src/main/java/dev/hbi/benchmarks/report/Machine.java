package dev.hbi.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Describes the machine the suite runs on: CPU model, cores, memory (Linux; less elsewhere). */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = field(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
        String memory = field(Path.of("/proc/meminfo"), "MemTotal")
                .map(kb -> String.format(Locale.ROOT, ", %.0f GiB", Long.parseLong(kb.replaceAll("\\D", "")) / 1048576.0))
                .orElse("");
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores" + memory + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    private static java.util.Optional<String> field(Path file, String name) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(name)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
