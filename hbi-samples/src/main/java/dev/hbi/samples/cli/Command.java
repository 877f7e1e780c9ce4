package dev.hbi.samples.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of the {@code hbi} command line. */
public interface Command {

    /**
     * Returns the name typed after {@code hbi}.
     *
     * @return such as {@code "hello-server"}
     */
    String name();

    /**
     * Returns the arguments it takes, for help.
     *
     * @return such as {@code "[HOST:]PORT"}
     */
    String usage();

    /**
     * Returns one line saying what it does.
     *
     * @return the summary
     */
    String summary();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @param out  where results go
     * @return the exit status
     * @throws Exception any failure; reported as one line unless {@code --debug}
     */
    int run(List<String> args, PrintStream out) throws Exception;
}
