package dev.hbi.samples.cli;

import dev.hbi.HbiConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one command: positional ones, {@code --flag}s and {@code --name value} options.
 * Anything the command does not know is a {@link UsageException} naming it.
 */
final class Options {

    private final List<String> positional = new ArrayList<>();
    private final Set<String> flags = new HashSet<>();
    private final Map<String, String> values = new HashMap<>();

    private Options() {
    }

    /**
     * Parses arguments.
     *
     * @param args       the arguments after the command's name
     * @param knownFlags the flags the command takes, such as {@code "--background"}
     * @param knownNames the options with a value it takes, such as {@code "--env"}
     * @return the parsed arguments
     * @throws UsageException for an unknown option or a missing value
     */
    static Options parse(List<String> args, Set<String> knownFlags, Set<String> knownNames) {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (knownFlags.contains(a)) {
                o.flags.add(a);
            } else if (knownNames.contains(a)) {
                if (i + 1 == args.size()) {
                    throw new UsageException(a + " needs a value");
                }
                o.values.put(a, args.get(++i));
            } else if (a.startsWith("--") && a.length() > 2) {
                throw new UsageException("unknown option " + a);
            } else {
                o.positional.add(a);
            }
        }
        return o;
    }

    /**
     * Returns the positional arguments, checking how many there are.
     *
     * @param count how many the command takes
     * @param usage how to write them, for the error
     * @return the arguments
     */
    List<String> positional(int count, String usage) {
        if (positional.size() != count) {
            throw new UsageException("expected " + usage + ", got "
                    + (positional.isEmpty() ? "nothing" : String.join(" ", positional)));
        }
        return positional;
    }

    /**
     * Returns the positional arguments, of which there may be up to {@code max}.
     *
     * @param max   how many the command takes at most
     * @param usage how to write them, for the error
     * @return the arguments
     */
    List<String> positionalAtMost(int max, String usage) {
        if (positional.size() > max) {
            throw new UsageException("expected " + usage + ", got " + String.join(" ", positional));
        }
        return positional;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * Returns the only argument of a command that takes one and no options.
     *
     * @param args  the arguments
     * @param usage how to write it, for the error
     * @return the argument
     * @throws UsageException if there is not exactly one
     */
    static String single(List<String> args, String usage) {
        return parse(args, Set.of(), Set.of()).positional(1, usage).get(0);
    }

    /**
     * Returns a whole-number option.
     *
     * @param name         the option, such as {@code "--bots"}
     * @param defaultValue its value when not given
     * @param min          the smallest value allowed
     * @param max          the largest value allowed
     * @return the value
     * @throws UsageException if it is not a number in range
     */
    int intValue(String name, int defaultValue, int min, int max) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int v = Integer.parseInt(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the range
        }
        throw new UsageException(name + " takes a number from " + min + " to " + max + ", not " + text);
    }

    /**
     * Reads {@code --wire auto|classic|mux} into a config.
     *
     * @return the config for a client
     */
    HbiConfig config() {
        HbiConfig.Wire wire = switch (value("--wire").orElse("auto").toLowerCase(Locale.ROOT)) {
            case "auto" -> HbiConfig.Wire.AUTO;
            case "classic" -> HbiConfig.Wire.CLASSIC;
            case "mux", "multiplexed" -> HbiConfig.Wire.MULTIPLEXED;
            default -> throw new UsageException("--wire takes auto, classic or mux, not " + value("--wire").get());
        };
        HbiConfig.Builder builder = HbiConfig.builder().wire(wire);
        value("--timeout").ifPresent(t -> builder.recvTimeout(seconds(t)));
        return builder.build();
    }

    private static Duration seconds(String text) {
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
        } catch (NumberFormatException e) {
            throw new UsageException("--timeout takes seconds, not " + text);
        }
    }
}
