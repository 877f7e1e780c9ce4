package dev.hbi.samples.chat.client;

import dev.hbi.DisconnectCause;
import dev.hbi.HbiConnection;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;

/**
 * The console's input, as hbichat's {@code GetLine}: a daemon thread reads one line each time the console
 * asks for one, with the prompt of that moment. The console waits for that line, the end of input
 * (Ctrl-D), or the end of the connection, whichever comes first, so a connection that ends wakes it even
 * while the user types nothing.
 */
final class Keyboard {

    /** What the console waits for. */
    sealed interface Input {
    }

    /** A line the user entered. */
    record Line(String text) implements Input {
    }

    /** The input ended. */
    record End() implements Input {
    }

    /** The connection ended. */
    record Disconnected(DisconnectCause cause) implements Input {
    }

    private final SynchronousQueue<String> prompts = new SynchronousQueue<>();
    private final BlockingQueue<Input> inputs = new LinkedBlockingQueue<>();

    Keyboard(ChatConsole.Lines lines, HbiConnection connection) {
        connection.disconnected().thenAccept(cause -> inputs.add(new Disconnected(cause)));
        Thread reader = new Thread(() -> read(lines), "chat-keyboard");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(ChatConsole.Lines lines) {
        try {
            while (true) {
                String line = lines.readLine(prompts.take());
                inputs.add(line == null ? new End() : new Line(line));
                if (line == null) {
                    return;
                }
            }
        } catch (InterruptedException | RuntimeException unreadable) {
            inputs.add(new End());
        }
    }

    /** Asks for the next line, showing the prompt, and waits for what comes first. */
    Input next(String prompt) throws InterruptedException {
        if (inputs.isEmpty()) {
            prompts.put(prompt);
        }
        return inputs.take();
    }
}
