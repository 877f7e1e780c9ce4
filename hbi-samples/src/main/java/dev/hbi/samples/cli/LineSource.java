package dev.hbi.samples.cli;

import java.io.BufferedReader;
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
        if (System.console() == null) {
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
            try {
                return reader.readLine(prompt);
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
