package dev.hbi.samples.chat.client;

import dev.hbi.samples.chat.FileNames;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.hbi.samples.chat.Chunks.kiB;

/**
 * What the console's commands do, printing as hbichat's client prints. Local files live in one folder per
 * room under a root ({@code chat-client-files/<room>/} by default); names typed by the user are checked
 * with {@link FileNames} so that nothing outside a room's folder is read or written. Safe to use from
 * several threads at once (the {@code *} bots do).
 */
final class ConsoleCommands {

    private static final long PROGRESS_EVERY_NANOS = 100_000_000;

    private final ChatClient client;
    private final Screen screen;
    private final Path localRoot;

    ConsoleCommands(ChatClient client, Screen screen, Path localRoot) {
        this.client = client;
        this.screen = screen;
        this.localRoot = localRoot.toAbsolutePath().normalize();
    }

    ChatClient client() {
        return client;
    }

    void setNick(String nick) {
        screen.show("You are now known as `" + client.setNick(nick) + "`");
    }

    void gotoRoom(String roomId) {
        client.gotoRoom(roomId);
    }

    void say(String text) {
        client.say(text);
    }

    void listLocalFiles(String roomId) throws IOException {
        Optional<Path> folder = localFolder(roomId);
        if (folder.isEmpty()) {
            return;
        }
        try (Stream<Path> entries = Files.list(folder.get())) {
            showListing(entries.filter(Files::isRegularFile)
                    .filter(p -> FileNames.isListed(p.getFileName().toString()))
                    .sorted()
                    .map(p -> new ChatClient.SharedFile(p.getFileName().toString(), size(p)))
                    .toList());
        }
    }

    void listServerFiles(String roomId) {
        showListing(client.listFiles(roomId));
    }

    private void showListing(List<ChatClient.SharedFile> files) {
        screen.show(files.isEmpty() ? "(no files)" : files.stream()
                .map(f -> String.format(Locale.ROOT, "%12d KB\t%s", kiB(f.size()), f.name()))
                .collect(Collectors.joining("\n")));
    }

    void upload(String roomId, String name) throws IOException {
        Optional<Path> folder = checked(roomId, name, "upload");
        if (folder.isEmpty()) {
            return;
        }
        Path file = folder.get().resolve(name);
        if (!Files.exists(file)) {
            screen.show("File not there: [" + file + "]");
            return;
        }
        if (!Files.isRegularFile(file)) {
            screen.show("Not a file: [" + file + "]");
            return;
        }
        FileTransfer done;
        try (FileChannel in = FileChannel.open(file)) {
            long size = in.size();
            screen.show(" Start uploading " + kiB(size) + " KB data ...");
            done = client.upload(roomId, name, size, in, progress("sent", () -> size));
        } catch (TransferRefusedException refused) {
            screen.show("Server refused the upload: " + refused.getMessage());
            return;
        } finally {
            screen.endProgress();
        }
        report(done, "uploaded");
    }

    void download(String roomId, String name) throws IOException {
        Optional<Path> folder = checked(roomId, name, "download");
        if (folder.isEmpty()) {
            return;
        }
        Path partial = Files.createTempFile(folder.get(), ".~download-", "");
        try {
            FileTransfer done;
            long[] size = {0};
            try {
                done = client.download(roomId, name, (announced, note) -> {
                    if (!note.isEmpty()) {
                        screen.show("@@ Server: " + note);
                    }
                    screen.show(" Start downloading " + kiB(announced) + " KB data ...");
                    size[0] = announced;
                    return FileChannel.open(partial, StandardOpenOption.WRITE);
                }, progress("received", () -> size[0]));
            } catch (TransferRefusedException refused) {
                screen.show("Server refused the download: " + refused.getMessage());
                return;
            } finally {
                screen.endProgress();
            }
            Files.move(partial, folder.get().resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            report(done, "downloaded");
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private void report(FileTransfer done, String verb) {
        screen.show(String.format(Locale.ROOT, " All %d KB %s in %.2f second(s).", kiB(done.size()), verb,
                done.elapsed().toNanos() / 1e9));
        screen.show(done.verified() ? String.format("\n@@ %s %x [%s]\n", verb, done.crc(), done.name())
                : "But checksum mismatch !?!");
    }

    /** Checks the names, and returns the room's local folder, made if needed. */
    private Optional<Path> checked(String roomId, String name, String verb) throws IOException {
        Optional<String> problem = FileNames.problem(name);
        if (problem.isPresent()) {
            screen.show("Cannot " + verb + " [" + name + "]: " + problem.get());
            return Optional.empty();
        }
        return localFolder(roomId);
    }

    /** Returns the room's local folder, made if needed; empty if the room's name cannot be a folder. */
    Optional<Path> localFolder(String roomId) throws IOException {
        Optional<String> problem = FileNames.problem(roomId, "room name");
        if (problem.isPresent()) {
            screen.show("This room has no local folder: " + problem.get());
            return Optional.empty();
        }
        Path folder = FileNames.resolve(localRoot, roomId);
        if (!Files.isDirectory(folder)) {
            screen.show("Making room dir [" + folder + "] ...");
            Files.createDirectories(folder);
        }
        return Optional.of(folder);
    }

    /** A progress line, at most ten times a second: {@code 1,234 of 5,678 KB sent (21%) ...}. */
    private LongConsumer progress(String verb, LongSupplier size) {
        long[] last = {System.nanoTime()};
        return done -> {
            long now = System.nanoTime();
            if (now - last[0] >= PROGRESS_EVERY_NANOS) {
                last[0] = now;
                long total = size.getAsLong();
                screen.progress(String.format(Locale.ROOT, " %,d of %,d KB %s (%d%%) ...", kiB(done), kiB(total), verb,
                        done * 100 / Math.max(total, 1)));
            }
        };
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException vanished) {
            return 0;
        }
    }
}
