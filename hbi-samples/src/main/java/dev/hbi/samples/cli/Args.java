package dev.hbi.samples.cli;

import java.util.List;

/** Small helpers for reading command-line arguments. */
final class Args {

    private Args() {
    }

    /**
     * Returns the only argument.
     *
     * @param args  the arguments
     * @param usage what was expected, for the error
     * @return the argument
     * @throws UsageException if there is not exactly one
     */
    static String single(List<String> args, String usage) {
        if (args.size() != 1) {
            throw new UsageException("expected " + usage + ", got " + (args.isEmpty() ? "nothing" : String.join(" ", args)));
        }
        return args.get(0);
    }
}
