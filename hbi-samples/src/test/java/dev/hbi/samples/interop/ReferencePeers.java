package dev.hbi.samples.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs programs of the reference HBI (complyue/hbi, hbichat) with {@code python3}, laid out as
 * ../shared/reference-peer.md says in the folder named by {@code HBI_REFERENCE_PEERS}, from a work folder
 * of the test's (never from inside the reference's own folders). A JUnit extension, registered as a field
 * of the test class: after each test it stops the programs it started and deletes the work folder.
 */
final class ReferencePeers implements AfterEachCallback {

    /** Where the reference is laid out. */
    static final Path PEERS = Path.of(System.getenv().getOrDefault("HBI_REFERENCE_PEERS", "."));

    private final Path workDir;
    private final List<Process> processes = new ArrayList<>();

    ReferencePeers() {
        try {
            workDir = Files.createTempDirectory("hbi-interop-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the folder the test's files and the programs' outputs go to. */
    Path workDir() {
        return workDir;
    }

    /**
     * Runs a module as {@code python -m} would, with the reference's Python 3.11 patches applied.
     *
     * @param dir         the working folder
     * @param mergeStderr whether standard error goes with standard output (else to a file in the work folder)
     * @param args        the module, then its arguments
     * @return the process
     */
    Process module(Path dir, boolean mergeStderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(PEERS.resolve("run_module.py").toString()));
        command.addAll(List.of(args));
        return python(dir, mergeStderr, command);
    }

    /**
     * Runs a Python script of this test's resources ({@code /interop/NAME}), copied to the work folder.
     *
     * @param dir           the working folder
     * @param mergeStderr   whether standard error goes with standard output
     * @param name          the script's name
     * @param args          its arguments
     * @return the process
     */
    Process script(Path dir, boolean mergeStderr, String name, String... args) throws IOException {
        Path script = workDir.resolve(name);
        if (!Files.exists(script)) {
            try (InputStream in = ReferencePeers.class.getResourceAsStream("/interop/" + name)) {
                Files.copy(in, script);
            }
        }
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        return python(dir, mergeStderr, command);
    }

    private Process python(Path dir, boolean mergeStderr, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(args);
        Files.createDirectories(dir);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("PYTHONPATH", PEERS.resolve("lib") + ":" + PEERS);
        builder.environment().put("PYTHONUNBUFFERED", "1");
        builder.environment().put("HBI_REFERENCE_PEERS", PEERS.toString());
        if (mergeStderr) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(workDir.resolve("python-" + processes.size() + ".err").toFile());
        }
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /**
     * Reads a process's output until a line that contains a text, then keeps draining it in the
     * background so that the process never blocks on a full pipe.
     *
     * @throws IOException if the output ends first, or the line does not come within 30 seconds
     */
    static void awaitLine(Process process, String text) throws IOException, InterruptedException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> seen = new CompletableFuture<>();
        // a blocking read cannot be given a deadline, so it runs aside and the test waits with one
        Thread.ofVirtual().name("python-output").start(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.contains(text)) {
                        seen.complete(true);
                    }
                }
            } catch (IOException stopped) {
                // the process was stopped
            }
            seen.complete(false);
        });
        try {
            if (!seen.get(30, TimeUnit.SECONDS)) {
                throw new IOException("the Python peer ended before printing '" + text + "'");
            }
        } catch (TimeoutException e) {
            throw new IOException("the Python peer did not print '" + text + "' within 30 s", e);
        } catch (ExecutionException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /**
     * Reads all a process prints until it ends.
     *
     * @return the output, UTF-8
     * @throws IOException if the process does not end within the timeout (it is then stopped)
     */
    static String output(Process process, Duration timeout) throws IOException, InterruptedException {
        CompletableFuture<byte[]> all = new CompletableFuture<>();
        Thread.ofVirtual().name("python-output").start(() -> {
            try {
                all.complete(process.getInputStream().readAllBytes());
            } catch (IOException e) {
                all.completeExceptionally(e);
            }
        });
        try {
            byte[] printed = all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("the Python peer closed its output but did not end");
            }
            return new String(printed, StandardCharsets.UTF_8);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("the Python peer did not end within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IOException("cannot read the Python peer's output", e.getCause());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        processes.forEach(Process::destroyForcibly);
        for (Process p : processes) {
            p.onExit().join();
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
