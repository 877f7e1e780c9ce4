package dev.hbi.samples.cli;

import dev.hbi.ConnectionClosedException;
import dev.hbi.Hbi;
import dev.hbi.HbiConfig;
import dev.hbi.HbiConnection;
import dev.hbi.HbiException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code hbi shell}: each line typed is landed on the service as a conversation; its answer, if any, is
 * printed as a literal, and so is whatever the service pushes meanwhile. Lines starting with a dot are
 * the shell's own commands.
 */
final class Shell {

    private static final List<String> HELP = List.of(
            "  SCRIPT          land the script on the service and print its answer, if it sends one",
            "  .notify SCRIPT  send the script without waiting for anything",
            "  .list           list what the service exposes",
            "  .help           this help",
            "  .quit           leave (Ctrl-D too)");

    private final String address;
    private final HbiConfig config;
    private final LineSource in;
    private final PrintStream out;

    Shell(String address, HbiConfig config, LineSource in, PrintStream out) {
        this.address = address;
        this.config = config;
        this.in = in;
        this.out = out;
    }

    /**
     * Runs until end of input, {@code .quit}, or the connection ends.
     *
     * @return the exit status: 0, or 1 if the connection ended under the user
     */
    int run() {
        try (HbiConnection connection = Hbi.connect(Hbi.address(address), ToolEnv.create(in::printAbove), config)) {
            out.println("connected to " + address + " over the " + wireName(connection) + " wire; .help for help");
            for (String line; (line = in.readLine()) != null; ) {
                if (!handle(connection, line.strip())) {
                    return 0;
                }
            }
            return 0;
        } catch (ConnectionClosedException e) {
            out.println("the connection ended: " + ClientCommands.oneLine(e));
            return 1;
        }
    }

    private boolean handle(HbiConnection connection, String line) {
        try {
            if (line.isEmpty()) {
                return true;
            } else if (line.equals(".quit")) {
                return false;
            } else if (line.equals(".help")) {
                HELP.forEach(out::println);
            } else if (line.equals(".list")) {
                ClientCommands.printListing(ClientCommands.listing(connection, address), out);
            } else if (line.startsWith(".notify ")) {
                connection.postingEnd().notify(line.substring(".notify ".length()));
            } else if (line.startsWith(".")) {
                out.println("unknown command " + line + "; .help lists them");
            } else {
                Remote.ask(connection, line).ifPresent(a -> out.println(ToolEnv.literal(a.value())));
            }
        } catch (ConnectionClosedException e) {
            throw e;
        } catch (HbiException | IllegalStateException | IllegalArgumentException e) {
            out.println("error: " + e.getMessage().replace('\n', ' '));
        }
        return true;
    }

    private static String wireName(HbiConnection connection) {
        return connection.wire() == HbiConfig.Wire.CLASSIC ? "classic" : "multiplexed";
    }
}
