package dev.hbi.samples.chat;

import dev.hbi.samples.chat.client.ChatConsole;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/** A console's input typed by a test, line by line, and the prompts the console showed. */
final class TypedLines implements ChatConsole.Lines {

    private final BlockingQueue<Optional<String>> typed = new LinkedBlockingQueue<>();
    private final List<String> prompts = new CopyOnWriteArrayList<>();
    private final PrintStream out;

    TypedLines(PrintStream out) {
        this.out = out;
    }

    /** A whole script, then the end of input. */
    static TypedLines script(String script, PrintStream out) {
        TypedLines lines = new TypedLines(out);
        script.lines().forEach(lines::type);
        lines.end();
        return lines;
    }

    void type(String line) {
        typed.add(Optional.of(line));
    }

    void end() {
        typed.add(Optional.empty());
    }

    List<String> prompts() {
        return List.copyOf(prompts);
    }

    @Override
    public String readLine(String prompt) {
        prompts.add(prompt);
        try {
            return typed.take().orElse(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void printAbove(String text) {
        out.println(text);
    }
}
