package dev.hbi.testing;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the threads of the JVM, virtual ones included, so that a test can show it left none behind:
 * take a census before, and after the test {@link #assertNoneLeftBehind} waits (boundedly) until every
 * thread started since has ended. Virtual threads do not appear in {@link Thread#getAllStackTraces()},
 * so the census reads the JSON thread dump of {@link HotSpotDiagnosticMXBean#dumpThreads}, which lists
 * both kinds.
 *
 * <p>Threads of the JVM's and the test framework's own pools (the carriers of virtual threads, JUnit's
 * timeout thread) come and go on their own and are not counted, nor is HBI's one JVM-wide timer thread,
 * {@code hbi-deadlines}, which starts on first use and lives as long as the JVM.
 */
public final class ThreadCensus {

    private static final Pattern THREAD = Pattern.compile("\"tid\": \"(\\d+)\",\\s*\"time\": \"[^\"]*\",\\s*"
            + "\"name\": \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern INFRASTRUCTURE = Pattern.compile(
            "ForkJoinPool.*|junit-.*|surefire-.*|Attach Listener|process reaper|VirtualThread-unblocker"
                    + "|Common-Cleaner|Notification Thread|Signal Dispatcher|Reference Handler|Finalizer|RMI .*"
                    + "|JFR .*|.*Poller|MainThread|main|hbi-deadlines");

    private final Map<String, String> before;

    private ThreadCensus(Map<String, String> before) {
        this.before = before;
    }

    /**
     * Takes a census of the threads alive now.
     *
     * @return the census
     */
    public static ThreadCensus take() {
        return new ThreadCensus(living());
    }

    /**
     * Waits until every thread started since the census has ended, and fails naming the ones that have not.
     *
     * @param within how long they may take to end
     */
    public void assertNoneLeftBehind(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Map<String, String> extra;
        do {
            extra = startedSince();
            if (extra.isEmpty()) {
                return;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        throw new AssertionError(extra.size() + " thread(s) left behind after " + within.toMillis() + " ms: "
                + extra.values());
    }

    /**
     * Returns the threads started since the census that are still alive, by thread id.
     *
     * @return id to name
     */
    public Map<String, String> startedSince() {
        Map<String, String> now = living();
        now.keySet().removeAll(before.keySet());
        now.values().removeIf(name -> INFRASTRUCTURE.matcher(name).matches());
        return now;
    }

    private static Map<String, String> living() {
        try {
            Path dir = Files.createTempDirectory("hbi-census");
            Path dump = dir.resolve("threads.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                return parse(Files.readString(dump));
            } finally {
                Files.deleteIfExists(dump);
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not dump the threads", e);
        }
    }

    private static Map<String, String> parse(String json) {
        Map<String, String> threads = new HashMap<>();
        Matcher m = THREAD.matcher(json);
        while (m.find()) {
            threads.put(m.group(1), m.group(2));
        }
        if (threads.isEmpty()) {
            throw new IllegalStateException("the thread dump lists no threads; its format changed?");
        }
        return threads;
    }
}
