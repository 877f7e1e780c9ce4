package dev.hbi.samples.chat.client;

import java.time.Duration;

/**
 * A completed upload or download.
 *
 * @param name     the file's name
 * @param size     how many bytes moved
 * @param crc      the CRC-32 of the bytes this side sent or received
 * @param peerCrc  the CRC-32 the server computed over the bytes it received or sent; -1 if it sent none
 * @param elapsed  how long the data took
 */
public record FileTransfer(String name, long size, long crc, long peerCrc, Duration elapsed) {

    /**
     * Tells whether both sides saw the same bytes.
     *
     * @return {@code true} if the checksums match
     */
    public boolean verified() {
        return crc == peerCrc;
    }
}
