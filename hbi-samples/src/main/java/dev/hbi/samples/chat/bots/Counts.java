package dev.hbi.samples.chat.bots;

import java.util.List;

/**
 * What a swarm of bots did so far.
 *
 * @param conversations the conversations the bots started: each request, each half of an upload
 * @param said          the messages the bots said
 * @param heard         the messages said by others that the server pushed to the bots
 * @param uploads       the files uploaded, each checked by the CRC-32 the server computed
 * @param downloads     the files downloaded, each checked against the CRC-32 of what was uploaded
 * @param listings      the file listings, each checked to hold every file uploaded to its room
 * @param bytes         the bytes of files moved both ways
 * @param checksums     the CRC-32 checks made, all passed
 * @param errors        the failures
 * @param firstErrors   the first few failures, one line each
 */
public record Counts(long conversations, long said, long heard, long uploads, long downloads, long listings,
                     long bytes, long checksums, long errors, List<String> firstErrors) {

    /**
     * Returns the megabytes (10^6 bytes) of files moved.
     *
     * @return the megabytes
     */
    public double megabytes() {
        return bytes / 1e6;
    }
}
