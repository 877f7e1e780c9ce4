package dev.hbi.samples.chat.bots;

import dev.hbi.HbiConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a swarm of bots does.
 *
 * @param bots        how many bots, each on its own connection
 * @param classicBots how many of them speak the classic wire (the reference's)
 * @param wire        the wire of the others: {@link HbiConfig.Wire#MULTIPLEXED} with a Java server,
 *                    {@link HbiConfig.Wire#AUTO} when the server may be either
 * @param duration    how long they chat
 * @param rooms       the rooms they move between
 * @param maxFileKb   the largest file they upload, in KiB (the smallest is 2 KiB, the server's minimum)
 */
public record Plan(int bots, int classicBots, HbiConfig.Wire wire, Duration duration, List<String> rooms,
                   int maxFileKb) {

    /** The rooms of the demo. */
    public static final List<String> ROOMS = List.of("Lobby", "Garden", "Kitchen", "Library", "Studio", "Attic");

    /** The largest file of the demo, in KiB. */
    public static final int MAX_FILE_KB = 256;

    /**
     * Checks the plan.
     *
     * @param bots        how many bots
     * @param classicBots how many speak the classic wire
     * @param wire        the wire of the others
     * @param duration    how long they chat
     * @param rooms       the rooms
     * @param maxFileKb   the largest file in KiB
     */
    public Plan {
        if (bots < 1 || classicBots < 0 || classicBots > bots) {
            throw new IllegalArgumentException("a swarm needs at least one bot, and at most as many classic ones: "
                    + bots + ", " + classicBots);
        }
        Objects.requireNonNull(wire, "wire");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the bots need some time: " + duration);
        }
        if (rooms.isEmpty()) {
            throw new IllegalArgumentException("the bots need a room");
        }
        if (maxFileKb < 2) {
            throw new IllegalArgumentException("files take at least 2 KiB: " + maxFileKb);
        }
        rooms = List.copyOf(rooms);
    }

    /**
     * Makes the demo's plan, for a Java server: a quarter of the bots on the classic wire, the others on
     * the multiplexed wire, the demo's rooms, files up to 256 KiB.
     *
     * @param bots     how many bots
     * @param duration how long they chat
     * @return the plan
     */
    public static Plan demo(int bots, Duration duration) {
        return new Plan(bots, bots / 4, HbiConfig.Wire.MULTIPLEXED, duration, ROOMS, MAX_FILE_KB);
    }

    /**
     * Returns the settings of one bot's connection.
     *
     * @param index the bot's number, from 1
     * @return the classic wire for the first {@link #classicBots()}, else {@link #wire()}
     */
    HbiConfig config(int index) {
        return HbiConfig.builder().wire(index <= classicBots ? HbiConfig.Wire.CLASSIC : wire).build();
    }

    /**
     * Tells how many bots speak each wire, such as {@code "24 on the multiplexed wire, 8 on the classic
     * wire (the reference's)"}.
     *
     * @return the text
     */
    public String wires() {
        String others = switch (wire) {
            case MULTIPLEXED -> "on the multiplexed wire";
            case CLASSIC -> "on the classic wire (the reference's)";
            case AUTO -> "on the wire the server speaks";
        };
        return wire == HbiConfig.Wire.CLASSIC || classicBots == 0 ? bots + " " + others
                : (bots - classicBots) + " " + others + ", " + classicBots + " on the classic wire (the reference's)";
    }
}
