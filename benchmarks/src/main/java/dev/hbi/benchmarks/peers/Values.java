package dev.hbi.benchmarks.peers;

/** The small values the shapes send: 32 ASCII characters that differ from call to call. */
final class Values {

    private static final String ZEROS = "0".repeat(Peers.VALUE_BYTES);

    private Values() {
    }

    /**
     * Returns a 32-character value made from a number.
     *
     * @param n the number
     * @return the value
     */
    static String text(long n) {
        String digits = Long.toString(n);
        return ZEROS.substring(digits.length()) + digits;
    }
}
