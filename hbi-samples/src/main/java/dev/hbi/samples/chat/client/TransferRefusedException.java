package dev.hbi.samples.chat.client;

/** The server refused an upload or a download; nothing was transferred. */
public final class TransferRefusedException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param reason the server's reason, such as {@code "file too small!"} or {@code "no such file"}
     */
    public TransferRefusedException(String reason) {
        super(reason);
    }
}
