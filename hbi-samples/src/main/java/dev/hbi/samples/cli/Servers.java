package dev.hbi.samples.cli;

import dev.hbi.HbiServer;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The servers {@code hbi serve} started, one small file each, so that {@code hbi stop} and
 * {@code hbi status} find them: {@code ~/.hbi/servers/}, or the folder named by the system property
 * {@code hbi.state.dir} or the environment variable {@code HBI_STATE_DIR}.
 */
final class Servers {

    private static final String SUFFIX = ".server";

    private Servers() {
    }

    /**
     * One server.
     *
     * @param pid     its process
     * @param address where it listens, as {@code host:port}
     * @param env     the environment class it serves
     * @param started when it started
     */
    record Entry(long pid, String address, String env, Instant started) {
    }

    /**
     * Serves until the process is asked to stop (Ctrl-C, a TERM signal, {@code hbi stop}), then closes the
     * server: what every foreground server command does.
     *
     * @param server the server
     * @param onStop what else to do on the way out, after the server closed
     * @throws InterruptedException if the waiting thread is interrupted
     */
    static void serveUntilStopped(HbiServer server, Runnable onStop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            onStop.run();
            stopped.countDown();
        }, "hbi-stop"));
        stopped.await();
    }

    static Path dir() {
        String configured = System.getProperty("hbi.state.dir", System.getenv("HBI_STATE_DIR"));
        Path base = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".hbi");
        return base.resolve("servers");
    }

    static Path file(String address) {
        return dir().resolve(address.replace(':', '_').replace('/', '_') + SUFFIX);
    }

    static Path log(String address) {
        return dir().resolve(address.replace(':', '_').replace('/', '_') + ".log");
    }

    static void record(Entry entry) {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(entry.pid()));
        p.setProperty("address", entry.address());
        p.setProperty("env", entry.env());
        p.setProperty("started", entry.started().toString());
        try {
            Files.createDirectories(dir());
            Path tmp = Files.createTempFile(dir(), "entry", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "started by hbi serve");
            }
            Files.move(tmp, file(entry.address()), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the server in " + dir() + ": " + e.getMessage(), e);
        }
    }

    static List<Entry> all() {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir())) {
            return entries;
        }
        try (Stream<Path> files = Files.list(dir())) {
            for (Path f : files.filter(f -> f.toString().endsWith(SUFFIX)).sorted().toList()) {
                entries.add(read(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir() + ": " + e.getMessage(), e);
        }
        return entries;
    }

    private static Entry read(Path f) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new Entry(Long.parseLong(p.getProperty("pid", "-1")), p.getProperty("address", "?"),
                p.getProperty("env", "?"), Instant.parse(p.getProperty("started", Instant.EPOCH.toString())));
    }

    static void forget(Entry entry) {
        try {
            Files.deleteIfExists(file(entry.address()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file(entry.address()) + ": " + e.getMessage(), e);
        }
    }
}
