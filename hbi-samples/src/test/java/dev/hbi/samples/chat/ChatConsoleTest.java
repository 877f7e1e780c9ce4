package dev.hbi.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hbi.Hbi;
import dev.hbi.HbiConfig;
import dev.hbi.HbiServer;
import dev.hbi.samples.chat.client.ChatClient;
import dev.hbi.samples.chat.client.ChatConsole;
import dev.hbi.samples.chat.server.ChatServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive client, driven headless by a script of commands as a user would type them. */
class ChatConsoleTest {

    @TempDir
    Path dir;

    private HbiServer server;
    private final Printed printed = new Printed();

    @BeforeEach
    void serve() {
        server = ChatServer.serve(Hbi.address("127.0.0.1:0"), dir.resolve("server"), ChatServiceTest.TEST_SERVER);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int console(String script, boolean terminal) {
        return console(TypedLines.script(script, printed.stream()), terminal);
    }

    private int console(TypedLines lines, boolean terminal) {
        return ChatConsole.run(server.address(), HbiConfig.defaults(), dir.resolve("client"), lines,
                printed.stream(), terminal);
    }

    private String printed() {
        return printed.text();
    }

    @Test
    void scriptedSessionChatsSharesFilesAndEndsAtEndOfInput() throws Exception {
        byte[] notes = TestBytes.random(5000, 1);
        Files.createDirectories(dir.resolve("client/Garden"));
        Files.write(dir.resolve("client/Garden/notes.bin"), notes);
        Recorder watcher = new Recorder();
        try (ChatClient watching = ChatClient.connect(server.address(), watcher, HbiConfig.defaults())) {
            watching.gotoRoom("Garden");

            int status = console("""
                    $ bob
                    # Garden
                    hello garden
                    > notes.bin
                    ^
                    .
                    < notes.bin
                    """, false);

            assertThat(status).isZero();
            assertThat(watcher.await("joined ")).isEqualTo("joined bob #Garden");
            assertThat(watcher.nextMsg()).isEqualTo("msg #Garden bob: hello garden");
            assertThat(watcher.nextMsg()).contains("bob: \n @*@ I just uploaded a file "
                    + Long.toHexString(TestBytes.crc(notes)) + " 5 KB [notes.bin]");
        }
        String crc = Long.toHexString(TestBytes.crc(notes));
        assertThat(printed()).contains(
                "You are now known as `bob`",
                "@@ You are in #Garden now, 2 chatter(s).",
                "@@ Your message [0] has been displayed:\n  > hello garden",
                " Start uploading 5 KB data ...",
                "@@ uploaded " + crc + " [notes.bin]",
                "           5 KB\tnotes.bin",
                "@@ Server: last modified: ",
                "@@ downloaded " + crc + " [notes.bin]");
        assertThat(printed()).endsWith("Bye.\n");
        assertThat(Files.readAllBytes(dir.resolve("server/Garden/notes.bin"))).isEqualTo(notes);
        assertThat(Files.readAllBytes(dir.resolve("client/Garden/notes.bin"))).isEqualTo(notes);
    }

    @Test
    void fileNamesThatLeaveTheRoomsFolderAreRefusedWithAMessage() {
        int status = console("""
                > ../../escape.bin
                < /etc/passwd
                < ..
                > missing.bin
                < missing.bin
                # ../up
                > x.bin
                """, false);

        assertThat(status).isZero();
        assertThat(printed()).contains(
                "Cannot upload [../../escape.bin]: bad file name [../../escape.bin]: paths are not allowed, only a name",
                "Cannot download [/etc/passwd]: bad file name [/etc/passwd]: paths are not allowed, only a name",
                "Cannot download [..]: bad file name [..]: it must not start with one of .~!?*",
                "File not there: [" + dir.resolve("client/Lobby/missing.bin") + "]",
                "Server refused the download: no such file",
                "This room has no local folder: bad room name [../up]: paths are not allowed, only a name");
        assertThat(dir.resolve("escape.bin")).doesNotExist();
    }

    @Test
    void questionMarkShowsTheCommands() {
        console("?\n", false);

        assertThat(printed()).contains("Usage:", " # _room_", " > _file-name_", "* [ _n_bots_=10 ]", " Ctrl-D");
    }

    @Test
    void promptShowsNickServerAndRoom() {
        TypedLines lines = TypedLines.script("$ bob\n# Garden\n", printed.stream());

        console(lines, false);

        String server = Hbi.describe(this.server.address());
        assertThat(lines.prompts()).hasSize(3).endsWith("bob@" + server + "#Lobby: ", "bob@" + server + "#Garden: ");
        assertThat(lines.prompts().get(0)).matches("Stranger\\$127\\.0\\.0\\.1:\\d+@" + server + "#Lobby: ");
    }

    @Test
    void starSpawnsBotsThatShareTheConnection() {
        int status = console("* 3 2 2 1 4 2\n", false);

        assertThat(status).isZero();
        assertThat(printed()).contains(
                "Start spamming with 3 bots in up to 2 rooms,\n  each to speak up to 2 messages,\n"
                        + "  and upload/download up to 1 files, each up to 2 ~ 4 KB large ...",
                "You are now known as `Spammer3`",
                "@@ Your message [",
                "Spammed with 3 bots")
                .doesNotContain("Error:");
        assertThat(dir.resolve("client/Spammed2")).isDirectory();
    }

    @Test
    void serverGoingAwayEndsTheConsole() throws Exception {
        TypedLines lines = new TypedLines(printed.stream());
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> console(lines, false));
        lines.type("$ bob");
        printed.await("You are now known as `bob`", Duration.ofSeconds(5));

        server.close();

        assertThat(status.get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(printed()).contains("Disconnected: ");
    }
}
