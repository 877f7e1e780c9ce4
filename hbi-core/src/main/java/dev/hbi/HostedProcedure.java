package dev.hbi;

/**
 * A hosted function with no value, for the common case of a function that answers through its
 * conversation or only has side effects: {@code env.exposeProcedure("print", args ->
 * System.out.println(args.get(0)))}. Its value in the script is {@code None}.
 */
@FunctionalInterface
public interface HostedProcedure {

    /**
     * Runs the procedure.
     *
     * @param args the landed arguments and the landing context
     * @throws Exception any failure, reported to the peer as a landing error
     */
    void run(Args args) throws Exception;
}
