package dev.hbi.samples.cli;

import dev.hbi.ConversationResetException;
import dev.hbi.Hbi;
import dev.hbi.HbiConnection;
import dev.hbi.HbiException;
import dev.hbi.ConnectionClosedException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code call}, {@code list} and {@code shell}: the client tools for any HBI service. */
final class ClientCommands {

    private static final Set<String> CLIENT_OPTIONS = Set.of("--wire", "--timeout");

    private ClientCommands() {
    }

    static Command call() {
        return new Command() {
            @Override
            public String name() {
                return "call";
            }

            @Override
            public String usage() {
                return "HOST:PORT SCRIPT [--wire auto|classic|mux] [--timeout SECONDS]";
            }

            @Override
            public String summary() {
                return "post a script, print the answer as a literal";
            }

            @Override
            public int run(List<String> args, PrintStream out) {
                Options options = Options.parse(args, Set.of(), CLIENT_OPTIONS);
                List<String> pos = options.positional(2, "HOST:PORT SCRIPT");
                try (HbiConnection connection = Hbi.connect(Hbi.address(pos.get(0)), ToolEnv.create(System.err::println),
                        options.config())) {
                    Remote.ask(connection, pos.get(1)).ifPresent(a -> out.println(ToolEnv.literal(a.value())));
                }
                return 0;
            }
        };
    }

    static Command list() {
        return new Command() {
            @Override
            public String name() {
                return "list";
            }

            @Override
            public String usage() {
                return "HOST:PORT [--wire auto|classic|mux]";
            }

            @Override
            public String summary() {
                return "list what a service exposes, with parameters and docs";
            }

            @Override
            public int run(List<String> args, PrintStream out) {
                Options options = Options.parse(args, Set.of(), CLIENT_OPTIONS);
                String address = options.positional(1, "HOST:PORT").get(0);
                try (HbiConnection connection = Hbi.connect(Hbi.address(address), ToolEnv.create(System.err::println),
                        options.config())) {
                    printListing(listing(connection, address), out);
                }
                return 0;
            }
        };
    }

    /**
     * Asks a service what it exposes, through HBI's introspection function.
     *
     * @param connection the connection
     * @param address    the service, for the error
     * @return rows of name, kind, parameters, doc
     */
    static List<List<String>> listing(HbiConnection connection, String address) {
        Object answer;
        try {
            answer = Remote.ask(connection, "__hbi_list__()").map(Remote.Answer::value).orElse(null);
        } catch (ConversationResetException | ConnectionClosedException e) {
            throw new IllegalStateException("the service at " + address + " does not tell what it exposes: its host"
                    + " switched introspection off, or it is not HBI for Java (" + e.getMessage() + ")", e);
        }
        List<List<String>> rows = new ArrayList<>();
        if (answer instanceof List<?> entries) {
            for (Object entry : entries) {
                List<String> row = new ArrayList<>();
                ((List<?>) entry).forEach(cell -> row.add(String.valueOf(cell)));
                rows.add(row);
            }
        }
        return rows;
    }

    static void printListing(List<List<String>> rows, PrintStream out) {
        int width = rows.stream().mapToInt(r -> signature(r).length()).max().orElse(0);
        for (List<String> row : rows) {
            String doc = row.size() > 3 ? row.get(3) : "";
            out.printf("  %-" + Math.max(1, width) + "s  %-11s %s%n", signature(row), row.get(1), doc);
        }
        if (rows.isEmpty()) {
            out.println("  (nothing exposed)");
        }
    }

    private static String signature(List<String> row) {
        return "value".equals(row.get(1)) ? row.get(0) : row.get(0) + "(" + row.get(2) + ")";
    }

    static Command shell() {
        return new Command() {
            @Override
            public String name() {
                return "shell";
            }

            @Override
            public String usage() {
                return "HOST:PORT [--wire auto|classic|mux] [--timeout SECONDS]";
            }

            @Override
            public String summary() {
                return "an interactive prompt that lands what you type on a service";
            }

            @Override
            public int run(List<String> args, PrintStream out) throws Exception {
                Options options = Options.parse(args, Set.of(), CLIENT_OPTIONS);
                String address = options.positional(1, "HOST:PORT").get(0);
                try (LineSource in = LineSource.terminal("hbi> ")) {
                    return new Shell(address, options.config(), in, out).run();
                }
            }
        };
    }

    /**
     * Says what went wrong in one line.
     *
     * @param e the failure
     * @return the line
     */
    static String oneLine(HbiException e) {
        return e.getMessage().replace('\n', ' ');
    }
}
