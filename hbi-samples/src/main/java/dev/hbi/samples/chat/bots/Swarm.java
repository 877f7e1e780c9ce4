package dev.hbi.samples.chat.bots;

import java.io.PrintStream;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A swarm of chat bots, each on its own connection to one chat server (this project's or hbichat's), run
 * for a while with a live progress line, then summed up. What {@code hbi chat-bots} and {@code hbi demo}
 * run.
 */
public final class Swarm {

    private static final Duration TICK = Duration.ofMillis(200);
    /** Without a terminal the progress goes out as plain lines, this often. */
    private static final int TICKS_PER_PLAIN_LINE = 10;
    private static final int BAR = 12;
    private static final String CLEAR_LINE = "\r\u001B[0K";

    private final Plan plan;
    private final PrintStream out;
    private final boolean terminal;

    /**
     * Prepares a swarm.
     *
     * @param plan     what the bots do
     * @param out      where the progress line goes
     * @param terminal whether {@code out} is a terminal: the progress line is then updated in place, else
     *                 printed as a plain line now and then, without control characters
     */
    public Swarm(Plan plan, PrintStream out, boolean terminal) {
        this.plan = plan;
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * Runs the bots against a server until the plan's time is up and every bot has finished what it was
     * doing and disconnected.
     *
     * @param server the chat server
     * @return what the bots did, and how long it took
     * @throws InterruptedException if interrupted while waiting for the bots
     */
    public Report run(SocketAddress server) throws InterruptedException {
        Tally tally = new Tally();
        Shelf shelf = new Shelf();
        long start = System.nanoTime();
        long deadline = start + plan.duration().toNanos();
        List<Thread> bots = new ArrayList<>();
        for (int i = 1; i <= plan.bots(); i++) {
            String name = String.format(Locale.ROOT, "bot%02d", i);
            bots.add(Thread.ofVirtual().name(name)
                    .start(new Bot(name, server, plan.config(i), plan, deadline, shelf, tally)));
        }
        for (int tick = 1; !joined(bots, TICK); tick++) {
            show(tally.counts(), System.nanoTime() - start, tick % TICKS_PER_PLAIN_LINE == 0);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (terminal) {
            out.print(CLEAR_LINE);
        }
        out.println(progressLine(tally.counts(), took.toNanos()));
        out.flush();
        return new Report(plan, tally.counts(), took);
    }

    private static boolean joined(List<Thread> bots, Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        for (Thread bot : bots) {
            long left = until - System.nanoTime();
            if (left <= 0 || !bot.join(Duration.ofNanos(left))) {
                return false;
            }
        }
        return true;
    }

    private void show(Counts counts, long elapsedNanos, boolean plainLineDue) {
        if (terminal) {
            out.print(CLEAR_LINE + progressLine(counts, elapsedNanos));
            out.flush();
        } else if (plainLineDue) {
            out.println(progressLine(counts, elapsedNanos));
        }
    }

    /**
     * One line of progress, under 80 columns: {@code   4.2 s [#####.......]  1,234 conversations  56 files
     * 3.4 MB  0 errors}.
     */
    String progressLine(Counts c, long elapsedNanos) {
        int filled = (int) Math.min(BAR, elapsedNanos * BAR / Math.max(1, plan.duration().toNanos()));
        return String.format(Locale.ROOT, "%6.1f s [%s%s] %,8d conversations %,6d files %,8.1f MB  %d error%s",
                elapsedNanos / 1e9, "#".repeat(filled), ".".repeat(BAR - filled), c.conversations(),
                c.uploads() + c.downloads(), c.megabytes(), c.errors(), c.errors() == 1 ? "" : "s");
    }

    /**
     * What a swarm did.
     *
     * @param plan   what the bots were to do
     * @param counts what they did
     * @param took   how long, until the last bot disconnected
     */
    public record Report(Plan plan, Counts counts, Duration took) {

        /**
         * Tells whether everything worked and was checked.
         *
         * @return {@code true} if there were no errors
         */
        public boolean ok() {
            return counts.errors() == 0;
        }

        /**
         * Sums up, a few lines, with the first failures if any.
         *
         * @return the text
         */
        public String summary() {
            double seconds = took.toNanos() / 1e9;
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "Done in %.1f s: %d bots, %,d conversations (%,.0f/s), %d error%s.%n%n"
                            + "  messages   %,d said, %,d delivered to the others in their rooms%n"
                            + "  files      %,d uploaded, %,d downloaded, %,d listings checked%n"
                            + "  data       %,.1f MB moved, %,.1f MB/s%n"
                            + "  CRC32      %,d checked, one per upload and per download: %s%n",
                    seconds, plan.bots(), counts.conversations(), counts.conversations() / seconds, counts.errors(),
                    counts.errors() == 1 ? "" : "s", counts.said(), counts.heard(), counts.uploads(),
                    counts.downloads(), counts.listings(), counts.megabytes(), counts.megabytes() / seconds,
                    counts.checksums(), counts.errors() == 0 ? "all matched" : "see the errors below"));
            if (!counts.firstErrors().isEmpty()) {
                s.append(String.format("%n  errors (the first %d of %,d)%n", counts.firstErrors().size(),
                        counts.errors()));
                counts.firstErrors().forEach(e -> s.append("    ").append(e).append(System.lineSeparator()));
            }
            return s.toString();
        }
    }
}
