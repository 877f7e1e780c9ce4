package dev.hbi.samples.chat.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The console's {@code *} command, as hbichat's {@code _spam}: bots in this process that share this
 * client's connection, each on its own virtual thread. Each bot goes through the rooms
 * {@code Spammed1..n}; in each it says its messages (going to the room and taking its nick before each, as
 * the bots fight over the one connection's nick and room), then uploads (3 times in 4, of a local file it
 * fills with random bytes if missing or too small) or downloads each of the files {@code SpamFile1..n}.
 *
 * @param bots  how many bots
 * @param rooms how many rooms each goes through
 * @param msgs  how many messages each says per room
 * @param files how many files each moves per room
 * @param maxKb the largest file, in KiB; 0 means the bots only download
 * @param minKb the smallest file, in KiB
 */
record Spam(int bots, int rooms, int msgs, int files, int maxKb, int minKb) {

    static final String USAGE = "* [ _n_bots_=10 ] [ _n_rooms_=10 ] [ _n_msgs_=10 ] [ _n_files_=10 ]"
            + " [ _file_max_kb_=1234 ] [ _file_min_kb_=2 ]";

    private static final int[] DEFAULTS = {10, 10, 10, 10, 1234, 2};

    /**
     * Reads the numbers after {@code *}; missing ones take hbichat's defaults.
     *
     * @throws IllegalArgumentException if they are not up to six non-negative integers
     */
    static Spam parse(String spec) {
        String[] fields = spec.isBlank() ? new String[0] : spec.strip().split("\\s+");
        if (fields.length > DEFAULTS.length) {
            throw new IllegalArgumentException("too many numbers; usage: " + USAGE);
        }
        int[] v = Arrays.copyOf(DEFAULTS, DEFAULTS.length);
        for (int i = 0; i < fields.length; i++) {
            try {
                v[i] = Integer.parseInt(fields[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + fields[i] + "; usage: " + USAGE, e);
            }
            if (v[i] < 0) {
                throw new IllegalArgumentException("not a count: " + fields[i] + "; usage: " + USAGE);
            }
        }
        int maxKb = v[4];
        int minKb = Math.max(1, Math.min(v[5], maxKb));
        return new Spam(v[0], v[1], v[2], v[3], maxKb, minKb);
    }

    String plan(String tense) {
        return maxKb > 0
                ? String.format("\n%s with %d bots in up to %d rooms,\n  each to speak up to %d messages,\n"
                + "  and upload/download up to %d files, each up to %d ~ %d KB large ...\n", tense, bots, rooms, msgs,
                files, minKb, maxKb)
                : String.format("\n%s with %d bots in up to %d rooms,\n  each to speak up to %d messages,\n"
                + "  and download up to %d files ...\n", tense, bots, rooms, msgs, files);
    }

    /**
     * Runs the bots and waits for all of them.
     *
     * @return the failures of the bots, one line each
     */
    List<String> run(ConsoleCommands commands) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 1; i <= bots; i++) {
            String name = "Spammer" + i;
            threads.add(Thread.ofVirtual().name("chat-" + name).start(() -> {
                try {
                    spam(commands, name);
                } catch (Exception e) {
                    failures.add(name + ": " + e.getMessage());
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return failures;
    }

    private void spam(ConsoleCommands commands, String name) throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int r = 1; r <= rooms; r++) {
            String room = "Spammed" + r;
            for (int m = 1; m <= msgs; m++) {
                commands.gotoRoom(room);
                commands.setNick(name);
                commands.say("This is " + name + " giving you " + m + " !");
            }
            for (int f = 1; f <= files; f++) {
                String file = "SpamFile" + f;
                if (maxKb > 0 && random.nextInt(4) > 0) {
                    fill(commands, room, file, random.nextInt(minKb, maxKb + 1));
                    commands.gotoRoom(room);
                    commands.setNick(name);
                    commands.upload(room, file);
                } else {
                    commands.download(room, file);
                }
            }
        }
    }

    /** Fills the local file with random bytes if it is missing or smaller than {@code kb} KiB. */
    private static void fill(ConsoleCommands commands, String room, String file, int kb) throws IOException {
        Path folder = commands.localFolder(room).orElseThrow();
        Path path = folder.resolve(file);
        if (Files.isRegularFile(path) && Files.size(path) >= kb * 1024L) {
            return;
        }
        byte[] bytes = new byte[kb * 1024];
        ThreadLocalRandom.current().nextBytes(bytes);
        // written aside and moved into place: another bot may be uploading the old one
        Path partial = Files.createTempFile(folder, ".~spam-", "");
        Files.write(partial, bytes);
        Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
