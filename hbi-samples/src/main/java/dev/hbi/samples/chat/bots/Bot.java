package dev.hbi.samples.chat.bots;

import dev.hbi.HbiConfig;
import dev.hbi.samples.chat.MsgsInRoom;
import dev.hbi.samples.chat.client.ChatClient;
import dev.hbi.samples.chat.client.ChatListener;
import dev.hbi.samples.chat.client.FileTransfer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.nio.channels.Channels;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * One bot: its own connection to the chat server, on which it does one random thing after another until
 * the deadline: says something, goes to another room, uploads a file of random bytes (under one of its
 * three names, again and again, as hbichat's spammers do), downloads a file some bot uploaded, or lists its
 * room's files. Everything that can be checked is checked: the server's CRC-32 of each upload, each
 * download against the versions uploaded under its name, each listing against the files uploaded there.
 */
final class Bot implements Runnable, ChatListener {

    private static final String[] PHRASES = {
        "hello there", "anyone up for tea?", "HBI lands scripts, not bytes", "how is the weather in your room?",
        "just shared a file, have a look", "brb", "this room is lovely", "ping", "who wants to pair on a bug?",
        "ünïcödé works too ✓"};

    /**
     * Random bytes that the files are slices of: generating each file's bytes afresh would cost the bots
     * more CPU than HBI spends moving them.
     */
    private static final byte[] NOISE = noise(1 << 20);

    /** How many names a bot uploads under, again and again: the server's folder stays small. */
    private static final int FILES_PER_BOT = 3;

    private final String name;
    private final SocketAddress server;
    private final HbiConfig config;
    private final Plan plan;
    private final long deadline;
    private final Shelf shelf;
    private final Tally tally;
    private int uploads;

    Bot(String name, SocketAddress server, HbiConfig config, Plan plan, long deadline, Shelf shelf, Tally tally) {
        this.name = name;
        this.server = server;
        this.config = config;
        this.plan = plan;
        this.deadline = deadline;
        this.shelf = shelf;
        this.tally = tally;
    }

    @Override
    public void run() {
        try (ChatClient chat = ChatClient.connect(server, this, config)) {
            chat.setNick(name);
            chat.gotoRoom(randomRoom());
            tally.conversations(2);
            while (System.nanoTime() < deadline && chat.connection().isConnected()) {
                try {
                    step(chat);
                } catch (IOException | RuntimeException e) {
                    tally.error(name, e);
                }
            }
        } catch (RuntimeException e) {
            tally.error(name, e);
        }
    }

    private void step(ChatClient chat) throws IOException {
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < 45) {
            chat.say(PHRASES[ThreadLocalRandom.current().nextInt(PHRASES.length)]);
            tally.said();
            tally.conversations(1);
        } else if (dice < 55) {
            chat.gotoRoom(randomRoom());
            tally.conversations(1);
        } else if (dice < 75) {
            upload(chat);
        } else if (dice < 90) {
            download(chat);
        } else {
            list(chat);
        }
    }

    private void upload(ChatClient chat) throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int size = random.nextInt(2 << 10, Math.min(plan.maxFileKb() << 10, NOISE.length) + 1);
        int offset = random.nextInt(NOISE.length - size + 1);
        CRC32 crc = new CRC32();
        crc.update(NOISE, offset, size);
        Shelf.Place place = new Shelf.Place(chat.room(), name + "-" + (++uploads % FILES_PER_BOT + 1) + ".bin");
        shelf.expect(place, new Shelf.Version(size, crc.getValue()));
        FileTransfer done = chat.upload(place.room(), place.name(), size,
                Channels.newChannel(new ByteArrayInputStream(NOISE, offset, size)), sent -> { });
        tally.conversations(2);
        if (!done.verified()) {
            throw new IllegalStateException("upload of [" + place.name() + "]: the server's CRC-32 "
                    + Long.toHexString(done.peerCrc()) + " is not the data's " + Long.toHexString(done.crc()));
        }
        tally.uploaded(size);
        shelf.confirm(place);
    }

    private void download(ChatClient chat) throws IOException {
        Shelf.Place place = shelf.pick().orElse(null);
        if (place == null) {
            list(chat);
            return;
        }
        FileTransfer done = chat.download(place.room(), place.name(),
                (size, note) -> Channels.newChannel(OutputStream.nullOutputStream()), received -> { });
        tally.conversations(1);
        if (!done.verified() || !shelf.holds(place, new Shelf.Version(done.size(), done.crc()))) {
            throw new IllegalStateException("download of [" + place.name() + "]: got " + done.size()
                    + " bytes with CRC-32 " + Long.toHexString(done.crc()) + " (the server's "
                    + Long.toHexString(done.peerCrc()) + "), which is no version uploaded under that name");
        }
        tally.downloaded(done.size());
    }

    private void list(ChatClient chat) {
        String room = chat.room();
        List<String> uploaded = shelf.namesIn(room);
        Set<String> listed = new HashSet<>();
        chat.listFiles(room).forEach(f -> listed.add(f.name()));
        tally.conversations(1);
        if (!listed.containsAll(uploaded)) {
            Set<String> missing = new HashSet<>(uploaded);
            missing.removeAll(listed);
            throw new IllegalStateException("the listing of #" + room + " misses " + missing);
        }
        tally.listed();
    }

    private static byte[] noise(int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(size).nextBytes(bytes);
        return bytes;
    }

    private String randomRoom() {
        return plan.rooms().get(ThreadLocalRandom.current().nextInt(plan.rooms().size()));
    }

    @Override
    public void roomMsgs(MsgsInRoom msgs, boolean ourRoom) {
        tally.heard(msgs.msgs().size());
    }
}
