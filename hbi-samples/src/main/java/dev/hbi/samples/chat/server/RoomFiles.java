package dev.hbi.samples.chat.server;

import dev.hbi.samples.chat.Chunks;
import dev.hbi.samples.chat.FileNames;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The shared files: one folder per room under a root, as hbichat's {@code chat-server-files/<room>/}.
 * Every name a client sends is checked with {@link FileNames} before it touches the disk, so nothing is
 * read or written outside a room's folder. An upload is written to a hidden temporary file and moved into
 * place once complete, so a download never sees half a file.
 */
final class RoomFiles {

    /** The smallest upload hbichat accepts: 2 KiB. */
    static final long MIN_UPLOAD = 2 << 10;
    /** The largest upload hbichat accepts: 200 MiB. */
    static final long MAX_UPLOAD = 200L << 20;

    private final Path root;

    RoomFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Tells why an upload is refused, with hbichat's reasons for the sizes.
     *
     * @return the reason; empty if it is accepted
     */
    Optional<String> uploadProblem(String roomId, String fn, long size) {
        Optional<String> badName = FileNames.problem(roomId, "room name").or(() -> FileNames.problem(fn));
        if (badName.isPresent()) {
            return badName;
        }
        if (size > MAX_UPLOAD) {
            return Optional.of("file too large!");
        }
        if (size < MIN_UPLOAD) {
            return Optional.of("file too small!");
        }
        return Optional.empty();
    }

    /**
     * Starts an upload of exactly {@code size} bytes into the room's folder, after checking it as
     * {@link #uploadProblem} does: a client may skip {@code UploadReq}, or lie in it (hbichat's own server
     * trusts it here).
     *
     * @return the upload, to receive and then keep; closing it without keeping it deletes what was received
     * @throws IllegalArgumentException if the upload breaks the rules: it is refused before a byte is read
     */
    Upload startUpload(String roomId, String fn, long size) throws IOException {
        Optional<String> problem = uploadProblem(roomId, fn, size);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("upload of " + size + " bytes to [" + fn + "] refused: " + problem.get());
        }
        Path folder = folder(roomId);
        return new Upload(FileNames.resolve(folder, fn), Files.createTempFile(folder, ".~upload-", ""), size);
    }

    /**
     * An upload being received into a hidden temporary file (its name starts with one of
     * {@link FileNames#HIDDEN_PREFIXES}, so listings skip it), moved into place only when kept. Used by one
     * thread.
     */
    static final class Upload implements AutoCloseable {

        private final Path target;
        private final Path partial;
        private final long size;

        private Upload(Path target, Path partial, long size) {
            this.target = target;
            this.partial = partial;
            this.size = size;
        }

        /**
         * Receives the announced number of bytes.
         *
         * @param recv fills one chunk from the conversation
         * @return the CRC-32 of what was received
         */
        long receive(Consumer<ByteBuffer> recv) throws IOException {
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                return Chunks.receive(recv, out, size, done -> { });
            }
        }

        /** Moves the received file into place, replacing any file of that name at once for downloads. */
        void keep() throws IOException {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        /** Deletes what was received, unless it was kept. */
        @Override
        public void close() throws IOException {
            Files.deleteIfExists(partial);
        }
    }

    /** Lists a room's files as hbichat does: {@code [[size, name], ...]}, sorted by name. */
    List<List<Object>> list(String roomId) throws IOException {
        if (FileNames.problem(roomId, "room name").isPresent()) {
            return List.of();
        }
        List<List<Object>> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder(roomId))) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                Optional<BasicFileAttributes> attrs = attributes(p);
                if (FileNames.isListed(name) && attrs.isPresent() && attrs.get().isRegularFile()) {
                    files.add(List.of(attrs.get().size(), name));
                }
            }
        }
        return files;
    }

    /**
     * Finds a file to download.
     *
     * @return the file; empty if there is no such file
     * @throws IllegalArgumentException if the room or file name breaks the rules
     */
    Optional<Path> existing(String roomId, String fn) throws IOException {
        Optional<String> problem = FileNames.problem(roomId, "room name").or(() -> FileNames.problem(fn));
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        Path path = FileNames.resolve(folder(roomId), fn);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    private Path folder(String roomId) throws IOException {
        return Files.createDirectories(FileNames.resolve(root, roomId));
    }

    private static Optional<BasicFileAttributes> attributes(Path p) {
        try {
            return Optional.of(Files.readAttributes(p, BasicFileAttributes.class));
        } catch (IOException vanished) {
            // deleted or replaced since it was listed
            return Optional.empty();
        }
    }
}
