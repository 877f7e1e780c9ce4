package dev.hbi.samples.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Where an interactive tool reads its lines: a terminal with line editing and history (JLine), or any
 * reader (a pipe, a test). Text printed while the user types goes above the prompt.
 */
interface LineSource extends AutoCloseable {

    /**
     * Reads the next line.
     *
     * @return the line, or {@code null} at end of input (Ctrl-D)
     */
    String readLine();

    /**
     * Reads the next line with another prompt than the one the source was made with, for tools whose
     * prompt changes (a terminal shows it; a plain reader shows no prompt).
     *
     * @param prompt the prompt
     * @return the line, or {@code null} at end of input (Ctrl-D)
     */
    String readLine(String prompt);

    /**
     * Prints a line without disturbing what the user is typing.
     *
     * @param line the line
     */
    void printAbove(String line);

    @Override
    void close();

    /**
     * The terminal, with history kept in {@code ~/.hbi/history}; a plain reader of standard input when
     * there is no terminal.
     *
     * @param prompt the prompt
     * @return the source
     */
    static LineSource terminal(String prompt) {
        if (!isTerminal()) {
            return of(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
        }
        try {
            Terminal terminal = TerminalBuilder.builder().system(true).build();
            Path history = Path.of(System.getProperty("user.home"), ".hbi", "history");
            Files.createDirectories(history.getParent());
            LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                    .variable(LineReader.HISTORY_FILE, history).build();
            return new JLineSource(terminal, reader, prompt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
        }
    }

    /**
     * Tells whether standard input and output are a terminal. JDK 21 (and 25) give a console only then; JDK
     * 22 to 24 give one for pipes too, and tell with {@code Console.isTerminal()}, which JDK 21 lacks.
     *
     * @return {@code true} for a terminal: prompts, line editing and lines updated in place make sense
     */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException jdk21) {
            return true;
        } catch (ReflectiveOperationException unexpected) {
            return false;
        }
    }

    /**
     * Lines from a reader, pushes to a stream.
     *
     * @param in  the lines
     * @param out where printed lines go
     * @return the source
     */
    static LineSource of(BufferedReader in, PrintStream out) {
        return new LineSource() {
            @Override
            public String readLine() {
                try {
                    return in.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String readLine(String prompt) {
                return readLine();
            }

            @Override
            public void printAbove(String line) {
                out.println(line);
            }

            @Override
            public void close() {
            }
        };
    }

    /** A JLine terminal. */
    final class JLineSource implements LineSource {
        private final Terminal terminal;
        private final LineReader reader;
        private final String prompt;

        JLineSource(Terminal terminal, LineReader reader, String prompt) {
            this.terminal = terminal;
            this.reader = reader;
            this.prompt = prompt;
        }

        @Override
        public String readLine() {
            return readLine(prompt);
        }

        @Override
        public String readLine(String shown) {
            try {
                return reader.readLine(shown);
            } catch (UserInterruptException ctrlC) {
                return "";
            } catch (EndOfFileException ctrlD) {
                return null;
            }
        }

        @Override
        public void printAbove(String line) {
            reader.printAbove(line);
        }

        @Override
        public void close() {
            try {
                reader.getHistory().save();
                terminal.close();
            } catch (IOException e) {
                // nothing to tell: the tool is ending
            }
        }
    }
}
