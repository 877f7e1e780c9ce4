package dev.hbi.samples.cli;

import dev.hbi.Args;
import dev.hbi.HostingEnv;
import dev.hbi.Repr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The environment of the {@code hbi} client tools: {@code print} prints, as the reference's clients do
 * (hello servers push a welcome that way), and any other call the service pushes is shown as it was
 * written, so that a tool never fails on a push it does not know.
 */
final class ToolEnv {

    private ToolEnv() {
    }

    /**
     * Makes the environment.
     *
     * @param pushes where each pushed line goes
     * @return the environment
     */
    static HostingEnv create(Consumer<String> pushes) {
        return HostingEnv.create()
                .exposeProcedure("print", "*args", "Prints the arguments, as Python's print.",
                        args -> pushes.accept(args.positional().stream().map(ToolEnv::str)
                                .collect(Collectors.joining(" "))))
                .exposeCatchAll((name, args) -> {
                    pushes.accept("<< " + name + "(" + arguments(args) + ")");
                    return null;
                });
    }

    private static String arguments(Args args) {
        List<String> shown = new ArrayList<>();
        args.positional().forEach(v -> shown.add(literal(v)));
        args.keywords().forEach((k, v) -> shown.add(k + "=" + literal(v)));
        return String.join(", ", shown);
    }

    /** A value as a literal, or its Java form if it has none (a value made by a constructor here). */
    static String literal(Object value) {
        try {
            return Repr.repr(value);
        } catch (IllegalArgumentException noLiteral) {
            return String.valueOf(value);
        }
    }

    /** Python's {@code str()}: strings as they are, everything else as its literal. */
    static String str(Object value) {
        return value instanceof String s ? s : literal(value);
    }
}
