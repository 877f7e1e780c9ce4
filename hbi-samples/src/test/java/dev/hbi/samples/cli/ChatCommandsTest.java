package dev.hbi.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hbi.Hbi;
import dev.hbi.HbiServer;
import dev.hbi.samples.chat.server.ChatServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hbi demo} and the chat commands, through the command line. */
class ChatCommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int hbi(String... args) {
        return Main.standard().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void demoRunsBotsAgainstItsOwnServerChecksEveryFileAndCleansUpWithoutControlCharactersInAPipe() {
        assertThat(hbi("demo", "--bots", "6", "--seconds", "1")).isZero();

        assertThat(printed()).contains(
                "HBI demo: a chat server and 6 chat bots in one process, over loopback TCP.",
                "5 on the multiplexed wire, 1 on the classic wire (the reference's)",
                " 0 errors",
                "one per upload and per download: all matched",
                "Everything checked.")
                .doesNotContain("\u001B", "\r");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        Matcher folder = Pattern.compile("files   (\\S+) \\(deleted at the end\\)").matcher(printed());
        assertThat(folder.find()).isTrue();
        assertThat(Path.of(folder.group(1))).doesNotExist();
    }

    @Test
    void chatBotsSumUpWhatTheyDidOnAServer(@TempDir Path dir) {
        try (HbiServer server = ChatServer.serve(Hbi.address("127.0.0.1:0"), dir)) {
            assertThat(hbi("chat-bots", Hbi.describe(server.address()), "--bots", "3", "--seconds", "1")).isZero();
        }

        assertThat(printed()).contains("3 bots: 3 on the wire the server speaks, for 1 s", "conversations",
                "all matched", ", 0 errors.");
    }

    @Test
    void demoIsTheFirstCommandListed() {
        hbi("--help");

        assertThat(printed().lines().filter(l -> l.startsWith("  ")).findFirst()).hasValueSatisfying(
                first -> assertThat(first.strip()).startsWith("demo"));
    }

    @Test
    void badArgumentsAreOneLineUsageErrors() {
        assertThat(hbi("demo", "--bots", "many")).isEqualTo(2);
        assertThat(hbi("chat-client")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("""
                hbi demo: --bots takes a number from 1 to 1000, not many
                usage: hbi demo [--bots N] [--seconds S]
                hbi chat-client: expected HOST:PORT, got nothing
                usage: hbi chat-client HOST:PORT [--dir DIR] [--wire auto|classic|mux] [--timeout S]
                """);
    }
}
