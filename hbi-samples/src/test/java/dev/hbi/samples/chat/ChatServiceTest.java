package dev.hbi.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.hbi.samples.chat.TestBytes.channel;
import static dev.hbi.samples.chat.TestBytes.crc;

import dev.hbi.ConnectionClosedException;
import dev.hbi.ConversationResetException;
import dev.hbi.Hbi;
import dev.hbi.HbiConfig;
import dev.hbi.HbiServer;
import dev.hbi.PostingConversation;
import dev.hbi.samples.chat.client.ChatClient;
import dev.hbi.samples.chat.client.FileTransfer;
import dev.hbi.samples.chat.client.TransferRefusedException;
import dev.hbi.samples.chat.server.ChatServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The chat service, driven by Java chat clients over loopback on either wire. */
class ChatServiceTest {

    /**
     * A server that takes a silent client for a classic one after 150 ms instead of 500 ms, to keep the
     * classic-wire tests quick; multiplexed clients send their preface at once.
     */
    static final HbiConfig TEST_SERVER = HbiConfig.builder().detectionWindow(Duration.ofMillis(150)).build();

    @TempDir
    Path dir;

    private HbiServer server;
    private final List<ChatClient> clients = new ArrayList<>();

    @BeforeEach
    void serve() {
        server = ChatServer.serve(Hbi.address("127.0.0.1:0"), dir.resolve("server"), TEST_SERVER);
    }

    @AfterEach
    void stop() {
        clients.forEach(ChatClient::close);
        server.close();
    }

    private ChatClient join(HbiConfig.Wire wire, Recorder recorder) throws InterruptedException {
        ChatClient client = ChatClient.connect(server.address(), recorder, HbiConfig.builder().wire(wire).build());
        clients.add(client);
        recorder.await("notice ");
        return client;
    }

    private ChatClient join(HbiConfig.Wire wire, Recorder recorder, String nick, String room)
            throws InterruptedException {
        ChatClient client = join(wire, recorder);
        client.setNick(nick);
        client.gotoRoom(room);
        return client;
    }

    @ParameterizedTest
    @EnumSource(names = {"CLASSIC", "MULTIPLEXED"})
    void newcomerIsNamedWelcomedAndPutInTheLobby(HbiConfig.Wire wire) throws InterruptedException {
        Recorder recorder = new Recorder();
        ChatClient client = ChatClient.connect(server.address(), recorder, HbiConfig.builder().wire(wire).build());
        clients.add(client);
        int port = ((InetSocketAddress) client.connection().localAddress()).getPort();

        assertThat(recorder.await("nick ")).isEqualTo("nick Stranger$127.0.0.1:" + port);
        assertThat(recorder.await("room ")).isEqualTo("room Lobby");
        assertThat(recorder.await("notice ")).contains("@@ Welcome Stranger$127.0.0.1:" + port
                + ", this is chat service at " + Hbi.describe(server.address()) + " !");
        assertThat(client.nick()).isEqualTo("Stranger$127.0.0.1:" + port);
        assertThat(client.room()).isEqualTo("Lobby");
    }

    @Test
    void setNickAnswersTheStrippedNickAndAnEmptyOneBecomesAnonymous() throws InterruptedException {
        ChatClient client = join(HbiConfig.Wire.MULTIPLEXED, new Recorder());
        int port = ((InetSocketAddress) client.connection().localAddress()).getPort();

        assertThat(client.setNick("  bob ")).isEqualTo("bob");
        assertThat(client.nick()).isEqualTo("bob");
        assertThat(client.setNick(" ")).isEqualTo("Anonymous@127.0.0.1:" + port);
    }

    @ParameterizedTest
    @EnumSource(names = {"CLASSIC", "MULTIPLEXED"})
    void messagesReachTheOthersInTheRoomOnlyAndTheAuthorIsToldSaid(HbiConfig.Wire wire) throws InterruptedException {
        Recorder alice = new Recorder();
        Recorder bob = new Recorder();
        Recorder carol = new Recorder();
        ChatClient aliceClient = join(wire, alice, "alice", "Garden");
        join(wire, bob, "bob", "Garden");
        ChatClient carolClient = join(wire, carol, "carol", "Kitchen");

        aliceClient.say("hi, it's é中😀");
        carolClient.say("anyone?");

        assertThat(alice.await("said ")).isEqualTo("said 0 hi, it's é中😀");
        assertThat(bob.nextMsg()).isEqualTo("msg #Garden alice: hi, it's é中😀");
        // pushes to one chatter keep their order: carol's next message is her own room's
        aliceClient.gotoRoom("Kitchen");
        assertThat(alice.nextMsg()).isEqualTo("msg #Kitchen carol: anyone?");
    }

    @Test
    void goingToARoomBringsItsLastTenMessagesAndTellsBothRooms() throws InterruptedException {
        Recorder alice = new Recorder();
        Recorder bob = new Recorder();
        Recorder carol = new Recorder();
        ChatClient aliceClient = join(HbiConfig.Wire.MULTIPLEXED, alice, "alice", "Garden");
        ChatClient bobClient = join(HbiConfig.Wire.CLASSIC, bob, "bob", "Lobby");
        join(HbiConfig.Wire.MULTIPLEXED, carol, "carol", "Lobby");
        for (int i = 1; i <= 12; i++) {
            aliceClient.say("message " + i);
        }

        bobClient.gotoRoom("Garden");

        bob.await("room Garden");
        assertThat(bob.await("notice ")).isEqualTo("notice \n@@ You are in #Garden now, 2 chatter(s).\n");
        for (int i = 3; i <= 12; i++) {
            assertThat(bob.nextMsg()).isEqualTo("msg #Garden alice: message " + i);
        }
        assertThat(bobClient.room()).isEqualTo("Garden");
        assertThat(alice.await("joined ")).isEqualTo("joined bob #Garden");
        assertThat(carol.await("left ")).isEqualTo("left bob #Lobby");
    }

    @Test
    void disconnectingTellsTheRoom() throws InterruptedException {
        Recorder alice = new Recorder();
        join(HbiConfig.Wire.MULTIPLEXED, alice, "alice", "Attic");
        ChatClient bob = join(HbiConfig.Wire.CLASSIC, new Recorder(), "bob", "Attic");

        bob.close();

        assertThat(alice.await("left ")).isEqualTo("left bob #Attic");
    }

    @ParameterizedTest
    @EnumSource(names = {"CLASSIC", "MULTIPLEXED"})
    void uploadedFilesAreListedAnnouncedAndDownloadedWithTheSameCrc(HbiConfig.Wire wire) throws Exception {
        Recorder watcher = new Recorder();
        join(wire, watcher, "watcher", "Library");
        ChatClient client = join(wire, new Recorder(), "bob", "Library");
        byte[] data = TestBytes.random(300_000, 7);

        FileTransfer up = client.upload("Library", "notes.bin", data.length, channel(data), sent -> { });
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        FileTransfer down = client.download("Library", "notes.bin", (size, note) -> {
            assertThat(size).isEqualTo(data.length);
            assertThat(note).startsWith("last modified: ");
            return Channels.newChannel(received);
        }, got -> { });

        assertThat(up.verified()).isTrue();
        assertThat(up.crc()).isEqualTo(crc(data));
        assertThat(down.verified()).isTrue();
        assertThat(received.toByteArray()).isEqualTo(data);
        assertThat(Files.readAllBytes(dir.resolve("server/Library/notes.bin"))).isEqualTo(data);
        assertThat(client.listFiles("Library")).containsExactly(new ChatClient.SharedFile("notes.bin", data.length));
        assertThat(watcher.nextMsg()).isEqualTo("msg #Library bob: \n @*@ I just uploaded a file "
                + Long.toHexString(crc(data)) + " 293 KB [notes.bin]\n");
    }

    @Test
    void uploadsOutsideTheLimitsOrTheRoomsFolderAreRefusedWithAReason() throws InterruptedException {
        ChatClient client = join(HbiConfig.Wire.MULTIPLEXED, new Recorder());

        assertThat(refusal(client, "Lobby", "small.bin", 2047)).isEqualTo("file too small!");
        assertThat(refusal(client, "Lobby", "big.bin", (200L << 20) + 1)).isEqualTo("file too large!");
        assertThat(refusal(client, "Lobby", "../escape.bin", 4096)).contains("bad file name", "paths are not allowed");
        assertThat(refusal(client, "Lobby", "/etc/passwd", 4096)).contains("bad file name");
        assertThat(refusal(client, "Lobby", "..", 4096)).contains("bad file name");
        assertThat(refusal(client, "../..", "x.bin", 4096)).contains("bad room name");
        assertThat(refusal(client, "Lobby", ".hidden", 4096)).contains("must not start with");
        assertThat(dir.resolve("escape.bin")).doesNotExist();
    }

    @Test
    void downloadsOutsideTheRoomsFolderAreRefusedWithAReason() throws InterruptedException {
        ChatClient client = join(HbiConfig.Wire.CLASSIC, new Recorder());

        assertThatThrownBy(() -> download(client, "Lobby", "../../etc/passwd"))
                .isInstanceOf(TransferRefusedException.class).hasMessageContaining("bad file name");
        assertThatThrownBy(() -> download(client, "..", "server"))
                .isInstanceOf(TransferRefusedException.class).hasMessageContaining("bad room name");
        assertThatThrownBy(() -> download(client, "Lobby", "missing.bin"))
                .isInstanceOf(TransferRefusedException.class).hasMessage("no such file");
        assertThat(client.setNick("still here")).isEqualTo("still here");
    }

    @Test
    void dataSentWithoutAnUploadRequestIsCheckedAgainstTheLimitsAndRefusedAloneOnTheMultiplexedWire()
            throws InterruptedException {
        ChatClient client = join(HbiConfig.Wire.MULTIPLEXED, new Recorder());

        assertThatThrownBy(() -> recvFile(client, "tiny.bin", 100, 100))
                .isInstanceOf(ConversationResetException.class).hasMessageContaining("file too small!");
        assertThatThrownBy(() -> recvFile(client, "huge.bin", 300L << 20, 0))
                .isInstanceOf(ConversationResetException.class).hasMessageContaining("file too large!");
        assertThatThrownBy(() -> recvFile(client, "../escape.bin", 4096, 4096))
                .isInstanceOf(ConversationResetException.class).hasMessageContaining("bad file name");

        assertThat(client.setNick("still here")).isEqualTo("still here");
        assertThat(dir.resolve("server/Lobby/tiny.bin")).doesNotExist();
        assertThat(dir.resolve("server/Lobby/huge.bin")).doesNotExist();
        assertThat(dir.resolve("server/escape.bin")).doesNotExist();
    }

    @Test
    void dataSentWithoutAnUploadRequestIsCheckedAgainstTheLimitsAndEndsTheClassicConnection()
            throws InterruptedException {
        ChatClient client = join(HbiConfig.Wire.CLASSIC, new Recorder());

        assertThatThrownBy(() -> recvFile(client, "tiny.bin", 100, 100)).isInstanceOf(ConnectionClosedException.class);

        assertThat(client.connection().awaitDisconnected(Duration.ofSeconds(5)).message()).contains("file too small!");
        assertThat(dir.resolve("server/Lobby/tiny.bin")).doesNotExist();
    }

    @Test
    void anUploadWithMoreDataThanAnnouncedIsNotKeptAndTheConnectionGoesOnOnTheMultiplexedWire() throws Exception {
        ChatClient client = join(HbiConfig.Wire.MULTIPLEXED, new Recorder());

        assertThatThrownBy(() -> recvFile(client, "more.bin", 3 << 10, (3 << 10) + 500))
                .isInstanceOf(ConversationResetException.class).hasMessageContaining("binary data (500 bytes)");

        assertThat(client.setNick("still here")).isEqualTo("still here");
        assertThat(serverFiles("Lobby")).isEmpty();
    }

    @Test
    void anUploadWithMoreDataThanAnnouncedIsNotKeptAndEndsTheClassicConnection() throws Exception {
        ChatClient client = join(HbiConfig.Wire.CLASSIC, new Recorder());

        assertThatThrownBy(() -> recvFile(client, "more.bin", 3 << 10, (3 << 10) + 500))
                .isInstanceOf(ConnectionClosedException.class);

        assertThat(dir.resolve("server/Lobby/more.bin")).doesNotExist();
    }

    @Test
    void anUploadWithLessDataThanAnnouncedIsNotKeptAndTheConnectionGoesOnOnTheMultiplexedWire() throws Exception {
        ChatClient client = join(HbiConfig.Wire.MULTIPLEXED, new Recorder());

        assertThatThrownBy(() -> recvFile(client, "less.bin", 3 << 10, 1000))
                .isInstanceOf(ConversationResetException.class).hasMessageContaining("2072 bytes of data still expected");

        assertThat(client.setNick("still here")).isEqualTo("still here");
        assertThat(serverFiles("Lobby")).isEmpty();
    }

    @Test
    void anUploadWithLessDataThanAnnouncedEndsTheClassicConnectionAfterTheReceiveTimeoutWhileOthersChatOn()
            throws Exception {
        server.close();
        server = ChatServer.serve(Hbi.address("127.0.0.1:0"), dir.resolve("server"),
                HbiConfig.builder().detectionWindow(Duration.ofMillis(150)).recvTimeout(Duration.ofSeconds(1)).build());
        ChatClient stalled = join(HbiConfig.Wire.CLASSIC, new Recorder());
        ChatClient other = join(HbiConfig.Wire.CLASSIC, new Recorder());
        CompletableFuture<Object> upload = CompletableFuture.supplyAsync(() -> recvFile(stalled, "less.bin", 3 << 10, 1000));

        assertThat(other.setNick("unhindered")).isEqualTo("unhindered");
        assertThatThrownBy(() -> upload.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectionClosedException.class);
        assertThat(stalled.connection().awaitDisconnected(Duration.ofSeconds(5)).message())
                .contains("gave up in the middle of receiving");
        assertThat(dir.resolve("server/Lobby/less.bin")).doesNotExist();
        assertThat(other.setNick("still unhindered")).isEqualTo("still unhindered");
    }

    /** The names in a room's folder on the server, hidden ones (partial uploads) included. */
    private List<String> serverFiles(String room) throws IOException {
        try (var names = Files.list(dir.resolve("server").resolve(room))) {
            return names.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** Posts RecvFile as a client that skipped UploadReq, with {@code sent} bytes of data. */
    private static Object recvFile(ChatClient client, String name, long size, int sent) {
        try (PostingConversation co = client.connection().postingEnd().newConversation()) {
            co.sendCode(ChatTypes.call("RecvFile", "Lobby", name, size));
            co.sendData(ByteBuffer.allocate(sent));
            co.startRecv();
            return co.recvObj();
        }
    }

    private static String refusal(ChatClient client, String room, String name, long size) {
        try {
            client.upload(room, name, size, channel(new byte[0]), sent -> { });
        } catch (TransferRefusedException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new AssertionError("the upload was accepted and tried to read its data", e);
        }
        throw new AssertionError("the upload was accepted");
    }

    private static void download(ChatClient client, String room, String name) throws IOException {
        client.download(room, name, (size, note) -> Channels.newChannel(new ByteArrayOutputStream()), got -> { });
    }
}
