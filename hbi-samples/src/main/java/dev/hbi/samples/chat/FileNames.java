package dev.hbi.samples.chat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The rule for the names of shared files, and of the rooms whose folders hold them: one plain path
 * segment, so that a name always stays inside its room's folder. Both ends apply it: the server to what
 * clients ask for, a client to what its user types.
 */
public final class FileNames {

    /** Names starting with one of these are hidden from listings, as in hbichat, so they are not shared. */
    public static final String HIDDEN_PREFIXES = ".~!?*";

    private static final int MAX_BYTES = 255;

    private FileNames() {
    }

    /**
     * Tells what is wrong with a file name.
     *
     * @param name the name
     * @return why it is refused; empty if it is a plain name
     */
    public static Optional<String> problem(String name) {
        return problem(name, "file name");
    }

    /**
     * Tells what is wrong with a name, naming what it is in the message.
     *
     * @param name the name
     * @param what what it names, such as {@code "file name"} or {@code "room name"}
     * @return why it is refused; empty if it is a plain name
     */
    public static Optional<String> problem(String name, String what) {
        if (name == null || name.isBlank()) {
            return Optional.of("empty " + what);
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            return Optional.of("bad " + what + " [" + name + "]: paths are not allowed, only a name");
        }
        if (HIDDEN_PREFIXES.indexOf(name.charAt(0)) >= 0) {
            return Optional.of("bad " + what + " [" + name + "]: it must not start with one of " + HIDDEN_PREFIXES);
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("bad " + what + ": longer than " + MAX_BYTES + " bytes");
        }
        return Optional.empty();
    }

    /**
     * Tells whether a listing should show a name: not one of the hidden ones.
     *
     * @param name the name
     * @return {@code true} unless it starts with one of {@link #HIDDEN_PREFIXES}
     */
    public static boolean isListed(String name) {
        return !name.isEmpty() && HIDDEN_PREFIXES.indexOf(name.charAt(0)) < 0;
    }

    /**
     * Resolves a checked name in a folder, and checks again that the result stays in it.
     *
     * @param folder the folder
     * @param name   the name, already checked with {@link #problem(String)}
     * @return the path
     * @throws IllegalArgumentException if the name escapes the folder
     */
    public static Path resolve(Path folder, String name) {
        Path path = folder.resolve(name).normalize();
        if (!path.getParent().equals(folder.normalize())) {
            throw new IllegalArgumentException("bad file name [" + name + "]: it leaves its folder");
        }
        return path;
    }
}
