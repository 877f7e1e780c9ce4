package dev.hbi.samples.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code hbi} command: {@code hbi [--debug] COMMAND [ARGS...]}. Errors are one line on standard
 * error (a stack trace only with {@code --debug}); the exit status is 0 on success, 1 on failure, 2 on
 * a usage error.
 */
public final class Main {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    private Main(List<Command> all) {
        all.forEach(c -> commands.put(c.name(), c));
    }

    /**
     * Runs the command line.
     *
     * @param argv the arguments
     */
    public static void main(String[] argv) {
        quietLogs(List.of(argv).contains("--debug"));
        int status = standard().run(List.of(argv), System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /**
     * HBI logs through {@code System.Logger}, which is {@code java.util.logging} here. Its warnings (a peer
     * that went away, an AUTO client that fell back to the classic wire) would be stack-trace-like noise
     * between a command's lines, so only severe ones are printed unless {@code --debug}.
     */
    private static void quietLogs(boolean debug) {
        Logger.getLogger("").setLevel(debug ? Level.INFO : Level.SEVERE);
    }

    static Main standard() {
        return new Main(List.of(ChatCommands.demo(),
                ServerCommands.serve(), ServerCommands.stop(), ServerCommands.status(),
                ClientCommands.call(), ClientCommands.list(), ClientCommands.shell(),
                HelloCommands.server(), HelloCommands.client(), JobCommands.server(), JobCommands.client(),
                ChatCommands.server(), ChatCommands.client(), ChatCommands.bots()));
    }

    int run(List<String> argv, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(argv);
        boolean debug = args.remove("--debug");
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("help")) {
            help(out);
            return args.isEmpty() ? 2 : 0;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            err.println("hbi: unknown command '" + args.get(0) + "'; try: hbi --help");
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help")) {
            out.println("usage: hbi " + command.name() + " " + command.usage());
            out.println("  " + command.summary());
            return 0;
        }
        try {
            return command.run(rest, out);
        } catch (UsageException e) {
            err.println("hbi " + command.name() + ": " + e.getMessage());
            err.println("usage: hbi " + command.name() + " " + command.usage());
            return 2;
        } catch (Exception e) {
            err.println("hbi " + command.name() + ": " + oneLine(e));
            if (debug) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    private static String oneLine(Exception e) {
        Throwable shown = e instanceof UncheckedIOException u ? u.getCause() : e;
        String message = e.getMessage() != null ? e.getMessage() : shown.toString();
        return message.replace('\n', ' ');
    }

    private void help(PrintStream out) {
        out.println("usage: hbi [--debug] COMMAND [ARGS...]");
        out.println();
        for (Command c : commands.values()) {
            out.printf("  %-14s %-22s %s%n", c.name(), c.usage(), c.summary());
        }
        out.println();
        out.println("hbi COMMAND --help tells more about one command.");
    }
}
