package dev.hbi.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

/**
 * Makes fuzz inputs: valid wire bytes from a corpus, mutated the ways a broken or hostile peer might
 * (flipped bits, inserted and deleted runs, random lengths, truncation, plain noise).
 */
final class Mutator {

    private final Random random;
    private final List<byte[]> corpus;

    Mutator(long seed, List<byte[]> corpus) {
        this.random = new Random(seed);
        this.corpus = corpus;
    }

    /**
     * Returns the next input.
     *
     * @return a mutated concatenation of corpus entries, or noise
     */
    byte[] next() {
        if (random.nextInt(20) == 0) {
            byte[] noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            return noise;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int entries = 1 + random.nextInt(4);
        for (int i = 0; i < entries; i++) {
            out.writeBytes(corpus.get(random.nextInt(corpus.size())));
        }
        byte[] bytes = out.toByteArray();
        int mutations = random.nextInt(4);
        for (int i = 0; i < mutations && bytes.length > 0; i++) {
            bytes = mutate(bytes);
        }
        return bytes;
    }

    private byte[] mutate(byte[] in) {
        int at = random.nextInt(in.length);
        switch (random.nextInt(6)) {
            case 0 -> {
                byte[] out = in.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1 -> {
                byte[] out = in.clone();
                out[at] = (byte) random.nextInt(256);
                return out;
            }
            case 2 -> {
                return java.util.Arrays.copyOf(in, at);
            }
            case 3 -> {
                int n = 1 + random.nextInt(Math.min(16, in.length - at));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(in, 0, at);
                out.write(in, at + n, in.length - at - n);
                return out.toByteArray();
            }
            case 4 -> {
                byte[] insert = new byte[1 + random.nextInt(8)];
                random.nextBytes(insert);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(in, 0, at);
                out.writeBytes(insert);
                out.write(in, at, in.length - at);
                return out.toByteArray();
            }
            default -> {
                byte[] out = in.clone();
                String digits = Long.toString(random.nextLong() & Long.MAX_VALUE);
                for (int i = 0; i < digits.length() && at + i < out.length; i++) {
                    out[at + i] = (byte) digits.charAt(i);
                }
                return out;
            }
        }
    }

    /**
     * Returns the length of the next piece of an input, as TCP may split it.
     *
     * @param left how many bytes are left
     * @return the piece's length, at least 1
     */
    int nextPiece(int left) {
        return 1 + random.nextInt(Math.max(1, random.nextBoolean() ? Math.min(left, 7) : left));
    }

    /**
     * Returns how many fuzz cases a test runs: the system property {@code hbi.fuzz.cases} (the
     * {@code fuzz} Maven profile sets a million), or the default.
     *
     * @param defaultCases the default
     * @return the count
     */
    static int cases(int defaultCases) {
        return Integer.getInteger("hbi.fuzz.cases", defaultCases);
    }
}
