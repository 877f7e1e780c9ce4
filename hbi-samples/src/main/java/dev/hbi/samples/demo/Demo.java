package dev.hbi.samples.demo;

import dev.hbi.Hbi;
import dev.hbi.HbiServer;
import dev.hbi.samples.chat.bots.Plan;
import dev.hbi.samples.chat.bots.Swarm;
import dev.hbi.samples.chat.server.ChatServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The demo: a chat server and a swarm of bots in one process, over real loopback connections. The bots
 * chat, move between rooms, upload, download and list files for a while with a live progress line; then
 * a summary says what they did and that every file checked. The server's files live in a temporary
 * folder, deleted at the end.
 */
public final class Demo {

    private static final String NEXT = """
            Everything checked. Now chat yourself, in three terminals:
              ./hbi chat-server 3299
              ./hbi chat-client 127.0.0.1:3299      (? lists the commands)
              ./hbi chat-client 127.0.0.1:3299""";

    private Demo() {
    }

    /**
     * Runs the demo.
     *
     * @param plan     what the bots do
     * @param out      where the story is told
     * @param terminal whether {@code out} is a terminal: the progress line is then updated in place
     * @return {@code true} if everything worked and checked
     * @throws IOException          if the temporary folder cannot be made
     * @throws InterruptedException if interrupted while the bots run
     */
    public static boolean run(Plan plan, PrintStream out, boolean terminal) throws IOException, InterruptedException {
        Path files = Files.createTempDirectory("hbi-demo-");
        try (HbiServer server = ChatServer.serve(Hbi.address("127.0.0.1:0"), files)) {
            out.printf(Locale.ROOT, "HBI demo: a chat server and %d chat bots in one process, over loopback TCP.%n",
                    plan.bots());
            out.printf(Locale.ROOT, "  server  %s, both wires on one port%n", Hbi.describe(server.address()));
            out.printf(Locale.ROOT, "  files   %s (deleted at the end)%n", files);
            out.printf(Locale.ROOT, "  bots    %s,%n          each on its own connection, for %d s: they chat in %d rooms,"
                    + " upload,%n          download and list files, and check every CRC32.%n%n", plan.wires(),
                    plan.duration().toSeconds(), plan.rooms().size());
            Swarm.Report report = new Swarm(plan, out, terminal).run(server.address());
            out.println();
            out.print(report.summary());
            out.println();
            out.println(report.ok() ? NEXT : "Something failed: see the errors above; ./hbi --debug demo shows more.");
            return report.ok();
        } finally {
            delete(files);
        }
    }

    private static void delete(Path tree) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
