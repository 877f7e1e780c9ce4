package dev.hbi.samples.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.hbi.samples.chat.TestBytes.channel;
import static dev.hbi.samples.chat.TestBytes.crc;
import static dev.hbi.samples.chat.TestBytes.random;

import dev.hbi.Hbi;
import dev.hbi.HbiConfig;
import dev.hbi.HbiServer;
import dev.hbi.samples.chat.Recorder;
import dev.hbi.samples.chat.client.ChatClient;
import dev.hbi.samples.chat.client.FileTransfer;
import dev.hbi.samples.chat.client.TransferRefusedException;
import dev.hbi.samples.chat.server.ChatServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chat sample against the reference's hbichat (complyue/hbichat, Python), both ways: the typed Java
 * client with hbichat's server, and hbichat's interactive client (run in a pseudo-terminal by
 * {@code hbichat_client_in_pty.py}) with the Java server. Each covers nick, rooms, messages, upload,
 * listing and download with their CRC-32 checks. Enabled like {@link ReferenceInteropTest}.
 */
@EnabledIfEnvironmentVariable(named = "HBI_REFERENCE_PEERS", matches = ".+")
@Timeout(60)
class ChatInteropTest {

    @RegisterExtension
    final ReferencePeers peers = new ReferencePeers();
    private final Path workDir = peers.workDir();

    @Test
    void ourTypedClientChatsAndSharesFilesOnTheReferenceChatServer() throws Exception {
        int port = ReferencePeers.freePort();
        Path serverDir = workDir.resolve("reference-server");
        Process server = peers.module(serverDir, true, "hbichat.cmd.server", "127.0.0.1:" + port);
        ReferencePeers.awaitLine(server, "HBI Chatting Server listening");
        SocketAddress address = Hbi.address("127.0.0.1:" + port);
        Recorder alice = new Recorder();
        Recorder bob = new Recorder();
        byte[] data = random(300_000, 7);

        // AUTO finds out that the reference speaks only the classic wire; CLASSIC says so at once
        try (ChatClient aliceClient = ChatClient.connect(address, alice, HbiConfig.defaults());
             ChatClient bobClient = ChatClient.connect(address, bob, HbiConfig.builder().wire(HbiConfig.Wire.CLASSIC)
                     .build())) {
            int alicePort = ((InetSocketAddress) aliceClient.connection().localAddress()).getPort();
            assertThat(alice.await("nick ")).isEqualTo("nick Stranger$127.0.0.1:" + alicePort);
            assertThat(alice.await("notice ")).contains("@@ Welcome Stranger$127.0.0.1:" + alicePort);
            assertThat(aliceClient.setNick("alice")).isEqualTo("alice");
            assertThat(bobClient.setNick("  bob ")).isEqualTo("bob");

            aliceClient.gotoRoom("Garden");
            assertThat(aliceClient.room()).isEqualTo("Garden");
            bobClient.gotoRoom("Garden");
            assertThat(alice.await("joined bob ")).isEqualTo("joined bob #Garden");
            aliceClient.say("hi, it's é中😀");
            assertThat(alice.await("said ")).isEqualTo("said 0 hi, it's é中😀");
            assertThat(bob.nextMsg()).isEqualTo("msg #Garden alice: hi, it's é中😀");

            assertThatThrownBy(() -> aliceClient.upload("Garden", "tiny.bin", 100, channel(new byte[100]), sent -> { }))
                    .isInstanceOf(TransferRefusedException.class).hasMessage("file too small!");
            FileTransfer up = aliceClient.upload("Garden", "notes.bin", data.length, channel(data), sent -> { });
            assertThat(up.verified()).isTrue();
            assertThat(up.crc()).isEqualTo(crc(data));
            assertThat(bob.nextMsg()).isEqualTo("msg #Garden alice: \n @*@ I just uploaded a file "
                    + Long.toHexString(crc(data)) + " 293 KB [notes.bin]\n");
            assertThat(Files.readAllBytes(serverDir.resolve("chat-server-files/Garden/notes.bin"))).isEqualTo(data);

            assertThat(bobClient.listFiles("Garden")).containsExactly(new ChatClient.SharedFile("notes.bin", data.length));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            FileTransfer down = bobClient.download("Garden", "notes.bin", (size, note) -> {
                assertThat(note).startsWith("last modified: ");
                return Channels.newChannel(received);
            }, got -> { });
            assertThat(down.verified()).isTrue();
            assertThat(received.toByteArray()).isEqualTo(data);
            assertThatThrownBy(() -> bobClient.download("Garden", "missing.bin",
                    (size, note) -> Channels.newChannel(new ByteArrayOutputStream()), got -> { }))
                    .isInstanceOf(TransferRefusedException.class).hasMessage("no such file");
        }
    }

    @Test
    void theReferenceClientChatsAndSharesFilesOnOurChatServer() throws Exception {
        Path clientDir = workDir.resolve("reference-client");
        byte[] upload = random(7000, 1);
        byte[] shared = random(5000, 2);
        Files.createDirectories(clientDir.resolve("chat-client-files/Garden"));
        Files.write(clientDir.resolve("chat-client-files/Garden/up.bin"), upload);
        Recorder watcher = new Recorder();
        HbiConfig quickDetection = HbiConfig.builder().detectionWindow(Duration.ofMillis(150)).build();
        try (HbiServer server = ChatServer.serve(Hbi.address("127.0.0.1:0"), workDir.resolve("server"), quickDetection);
             ChatClient watching = ChatClient.connect(server.address(), watcher, HbiConfig.defaults())) {
            watching.setNick("watcher");
            watching.gotoRoom("Garden");
            watching.upload("Garden", "shared.bin", shared.length, channel(shared), sent -> { });

            Process client = peers.script(clientDir, true, "hbichat_client_in_pty.py", Hbi.describe(server.address()),
                    "$ pybob", "# Garden", "hello from python é", "> up.bin", "^", "< shared.bin", "< ../../etc/passwd");
            String shown = ReferencePeers.output(client, Duration.ofSeconds(40));

            assertThat(client.exitValue()).as(shown).isZero();
            assertThat(shown).contains(
                    "You are now known as `pybob`",
                    "@@ You are in #Garden now, 2 chatter(s).",
                    "@@ Your message [0] has been displayed:\n  > hello from python é",
                    "@@ uploaded " + Long.toHexString(crc(upload)) + " [up.bin]",
                    "           5 KB\tshared.bin",
                    "           7 KB\tup.bin",
                    "@@ downloaded " + Long.toHexString(crc(shared)) + " [shared.bin]",
                    "Server refused file downlaod: bad file name [../../etc/passwd]: paths are not allowed",
                    "Bye.");
            assertThat(watcher.await("joined ")).isEqualTo("joined pybob #Garden");
            assertThat(watcher.nextMsg()).isEqualTo("msg #Garden pybob: hello from python é");
            assertThat(watcher.nextMsg()).isEqualTo("msg #Garden pybob: \n @*@ I just uploaded a file "
                    + Long.toHexString(crc(upload)) + " 7 KB [up.bin]\n");
            assertThat(watcher.await("left ")).isEqualTo("left pybob #Garden");
            assertThat(Files.readAllBytes(workDir.resolve("server/Garden/up.bin"))).isEqualTo(upload);
            assertThat(Files.readAllBytes(clientDir.resolve("chat-client-files/Garden/shared.bin"))).isEqualTo(shared);
        }
    }
}
