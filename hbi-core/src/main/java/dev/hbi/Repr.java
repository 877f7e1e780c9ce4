package dev.hbi;

/** STUB, replaced by the built-in lander work. */
public final class Repr {
    private Repr() {
    }

    /**
     * Stub.
     *
     * @param value value
     * @return text
     */
    public static String repr(Object value) {
        return String.valueOf(value);
    }
}
