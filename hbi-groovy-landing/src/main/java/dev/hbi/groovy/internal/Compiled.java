package dev.hbi.groovy.internal;

import groovy.lang.Binding;
import java.lang.invoke.MethodHandle;

/**
 * What compiling a shape gave: a script class ready to run, or the reason it was refused. Both are
 * cached, so that a peer repeating a script that does not compile costs no second compilation.
 * Immutable.
 */
sealed interface Compiled {

    /**
     * A compiled shape.
     *
     * @param constructor makes a script: {@code (Binding) -> LandedScript}
     * @param sites       four ints per checked site of the script: line, column, last line, last column,
     *                    in the shape's key, so that a runtime error can point at its expression
     * @param script      the script class, the only strong reference to it and its loader besides the
     *                    constructor's
     */
    record Ready(MethodHandle constructor, int[] sites, Class<?> script) implements Compiled {

        LandedScript newScript(Binding binding) {
            try {
                return (LandedScript) constructor.invokeExact(binding);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("a compiled script could not be made: " + e, e);
            }
        }
    }

    /**
     * A shape that did not compile, or that confinement refused.
     *
     * @param message    what was wrong, in terms of the key
     * @param line       1-based line, or 0 if unknown
     * @param column     1-based column in the key, or 0 if unknown
     * @param lastLine   the line the offending text ends on
     * @param lastColumn the column after the offending text, in the key
     */
    record Refused(String message, int line, int column, int lastLine, int lastColumn) implements Compiled {
    }
}
