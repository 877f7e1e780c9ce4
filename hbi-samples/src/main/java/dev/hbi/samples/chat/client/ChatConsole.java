package dev.hbi.samples.chat.client;

import dev.hbi.DisconnectCause;
import dev.hbi.HbiConfig;
import dev.hbi.HbiConnection;
import java.io.PrintStream;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The interactive chat client, as hbichat's: reads commands line by line, prints what the server pushes
 * as it comes. On a terminal it shows a prompt {@code nick@server#room: } and progress lines; fed from a
 * pipe or a test's reader it prints only the lines, so it can run headless.
 *
 * <pre>
 *  # room        go to a room
 *  $ nick        change nick
 *  .             list local files       ^           list server files
 *  &gt; file        upload a file          &lt; file      download a file
 *  * [n...]      spam the service with bots on this connection
 *  ?             help                   Ctrl-D      quit
 *  anything else is said in the room
 * </pre>
 */
public final class ChatConsole {

    static final String HELP = """

            Usage:

             # _room_
                goto a room

             $ _nick_
                change nick

             .
                list local files

             ^
                list server files

             > _file-name_
                upload a file

             < _file-name_
                download a file

            %s
                spam the service for stress-test

             ?
                show this help

             Ctrl-D
                quit

            Anything else is said in your room.
            """.formatted(Spam.USAGE);

    private final ConsoleCommands commands;
    private final Screen screen;

    private ChatConsole(ConsoleCommands commands, Screen screen) {
        this.commands = commands;
        this.screen = screen;
    }

    /**
     * Where the console reads its commands and prints what comes meanwhile: a terminal with line editing,
     * or any reader (a pipe, a test).
     */
    public interface Lines {

        /**
         * Reads the next line.
         *
         * @param prompt the prompt to show, if this is a terminal
         * @return the line, or {@code null} at end of input (Ctrl-D)
         */
        String readLine(String prompt);

        /**
         * Prints text without disturbing what the user is typing: above the prompt while a line is read,
         * as is otherwise.
         *
         * @param text the text, one line or several
         */
        void printAbove(String text);
    }

    /**
     * Connects, then runs commands until the input ends (Ctrl-D) or the connection does.
     *
     * @param address   the chat server
     * @param config    the connection's settings
     * @param localRoot the folder of local files, one sub-folder per room
     * @param lines     the commands, one a line, and where text goes
     * @param out       where progress lines go, on a terminal
     * @param terminal  whether this is a terminal: then transfers show a progress line
     * @return the exit status: 0 when the input ended or the server closed, 1 if the connection failed
     */
    public static int run(SocketAddress address, HbiConfig config, Path localRoot, Lines lines, PrintStream out,
                          boolean terminal) {
        Screen screen = new Screen(lines, out, terminal);
        try (ChatClient client = ChatClient.connect(address, new ConsoleListener(screen), config)) {
            return new ChatConsole(new ConsoleCommands(client, screen, localRoot), screen)
                    .loop(new Keyboard(lines, client.connection()));
        }
    }

    /** {@code nick@server#room: }, as hbichat's prompt. */
    private String prompt() {
        ChatClient client = commands.client();
        return client.nick() + "@" + client.serverAddress() + "#" + client.room() + ": ";
    }

    private int loop(Keyboard keyboard) {
        HbiConnection connection = commands.client().connection();
        while (connection.isConnected()) {
            Keyboard.Input input;
            try {
                input = keyboard.next(prompt());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
            switch (input) {
                case Keyboard.Line line -> execute(line.text());
                case Keyboard.End end -> {
                    connection.close();
                    screen.show("Bye.");
                    return 0;
                }
                case Keyboard.Disconnected gone -> {
                    return disconnected(gone.cause());
                }
            }
        }
        return disconnected(connection.awaitDisconnected(Duration.ofSeconds(10)));
    }

    private int disconnected(DisconnectCause cause) {
        screen.show("Disconnected: " + cause.message());
        return cause.isError() ? 1 : 0;
    }

    /** Runs one line; a failure is printed and the console goes on. */
    private void execute(String line) {
        if (line.isBlank()) {
            return;
        }
        String rest = line.substring(1).strip();
        String room = commands.client().room();
        try {
            switch (line.charAt(0)) {
                case '#' -> commands.gotoRoom(rest);
                case '$' -> commands.setNick(rest);
                case '.' -> commands.listLocalFiles(room);
                case '^' -> commands.listServerFiles(room);
                case '>' -> commands.upload(room, rest);
                case '<' -> commands.download(room, rest);
                case '*' -> spam(Spam.parse(line.substring(1)));
                case '?' -> screen.show(HELP);
                default -> commands.say(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            screen.show("Error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private void spam(Spam spam) throws InterruptedException {
        screen.show(spam.plan("Start spamming"));
        List<String> failures = spam.run(commands);
        failures.forEach(f -> screen.show("Error: " + f));
        screen.show(spam.plan("Spammed"));
    }
}
