package dev.hbi.samples.cli;

import dev.hbi.Hbi;
import dev.hbi.HbiServer;
import dev.hbi.samples.chat.bots.Plan;
import dev.hbi.samples.chat.bots.Swarm;
import dev.hbi.samples.chat.client.ChatConsole;
import dev.hbi.samples.chat.server.ChatServer;
import dev.hbi.samples.demo.Demo;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code demo}, {@code chat-server}, {@code chat-client} and {@code chat-bots}: the hbichat port. */
final class ChatCommands {

    private static final int DEMO_BOTS = 32;
    private static final int DEMO_SECONDS = 10;
    private static final int MAX_BOTS = 1000;
    private static final int MAX_SECONDS = 3600;

    private ChatCommands() {
    }

    static Command demo() {
        return command("demo", "[--bots N] [--seconds S]",
                "start here: a chat server and " + DEMO_BOTS + " bots chatting and sharing files for "
                        + DEMO_SECONDS + " s, all checked", (args, out) -> {
                    Options options = Options.parse(args, Set.of(), Set.of("--bots", "--seconds"));
                    options.positional(0, "no arguments");
                    Plan plan = Plan.demo(options.intValue("--bots", DEMO_BOTS, 1, MAX_BOTS),
                            Duration.ofSeconds(options.intValue("--seconds", DEMO_SECONDS, 1, MAX_SECONDS)));
                    return Demo.run(plan, out, LineSource.isTerminal()) ? 0 : 1;
                });
    }

    static Command server() {
        return command("chat-server", "[HOST:]PORT [--dir DIR]",
                "serve hbichat's chat service; files in DIR/<room> (default ./chat-server-files)", (args, out) -> {
                    Options options = Options.parse(args, Set.of(), Set.of("--dir"));
                    String address = options.positional(1, "[HOST:]PORT").get(0);
                    Path dir = options.value("--dir").map(Path::of).orElse(ChatServer.DEFAULT_DIR);
                    HbiServer server = ChatServer.serve(Hbi.address(address), dir);
                    out.println("chat server listening: " + Hbi.describe(server.address()) + ", files in "
                            + dir.toAbsolutePath().normalize() + " (Ctrl-C stops it)");
                    out.flush();
                    Servers.serveUntilStopped(server, () -> { });
                    return 0;
                });
    }

    static Command client() {
        return command("chat-client", "HOST:PORT [--dir DIR] [--wire auto|classic|mux] [--timeout S]",
                "chat from the terminal (? lists the commands); local files in DIR/<room>", (args, out) -> {
                    Options options = Options.parse(args, Set.of(), Set.of("--dir", "--wire", "--timeout"));
                    String address = options.positional(1, "HOST:PORT").get(0);
                    Path dir = Path.of(options.value("--dir").orElse("chat-client-files"));
                    try (LineSource source = LineSource.terminal("")) {
                        return ChatConsole.run(Hbi.address(address), options.config(), dir, lines(source), out,
                                LineSource.isTerminal());
                    }
                });
    }

    static Command bots() {
        return command("chat-bots", "HOST:PORT [--bots N] [--classic N] [--wire auto|classic|mux] [--seconds S]",
                "headless bots, each on its own connection, chat and share files; then a summary", (args, out) -> {
                    Options options = Options.parse(args, Set.of(),
                            Set.of("--bots", "--classic", "--wire", "--seconds"));
                    String address = options.positional(1, "HOST:PORT").get(0);
                    int bots = options.intValue("--bots", 8, 1, MAX_BOTS);
                    Plan plan = new Plan(bots, options.intValue("--classic", 0, 0, bots), options.config().wire(),
                            Duration.ofSeconds(options.intValue("--seconds", DEMO_SECONDS, 1, MAX_SECONDS)),
                            Plan.ROOMS, Plan.MAX_FILE_KB);
                    out.println(plan.bots() + " bots: " + plan.wires() + ", for " + plan.duration().toSeconds() + " s");
                    Swarm.Report report = new Swarm(plan, out, LineSource.isTerminal()).run(Hbi.address(address));
                    out.println();
                    out.print(report.summary());
                    return report.ok() ? 0 : 1;
                });
    }

    /** The console's lines: a terminal with line editing, or standard input. */
    private static ChatConsole.Lines lines(LineSource source) {
        return new ChatConsole.Lines() {
            @Override
            public String readLine(String prompt) {
                return source.readLine(prompt);
            }

            @Override
            public void printAbove(String text) {
                source.printAbove(text);
            }
        };
    }

    /** The body of a command. */
    @FunctionalInterface
    private interface Body {
        int run(List<String> args, PrintStream out) throws Exception;
    }

    private static Command command(String name, String usage, String summary, Body body) {
        return new Command() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String usage() {
                return usage;
            }

            @Override
            public String summary() {
                return summary;
            }

            @Override
            public int run(List<String> args, PrintStream out) throws Exception {
                return body.run(args, out);
            }
        };
    }
}
