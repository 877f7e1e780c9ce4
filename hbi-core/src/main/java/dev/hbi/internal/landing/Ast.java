package dev.hbi.internal.landing;

/**
 * The syntax tree of a landed script: the few node kinds of the landing subset, as records. Every
 * node knows its offsets in the code, for error messages. Arrays are used instead of lists to keep the
 * tree small; a tree is built by one {@link Parser}, evaluated once by one {@link Evaluator}, and never
 * changed, so no one else ever sees the arrays.
 */
final class Ast {

    private Ast() {
    }

    /** An expression. */
    sealed interface Node permits Literal, Name, Call, Display, Dict, Unary {
        /** The offset of the node's first character. */
        int start();

        /** The offset just after the node's last character. */
        int end();
    }

    /**
     * A value known when parsing: a literal, a constant such as {@code None}, or a folded {@code -1}.
     *
     * @param value the value
     * @param start the first offset
     * @param end   the offset after
     */
    record Literal(Object value, int start, int end) implements Node {
    }

    /**
     * A name read as a value: an exposed value or a variable the peer assigned.
     *
     * @param name  the name
     * @param start the first offset
     * @param end   the offset after
     */
    record Name(String name, int start, int end) implements Node {
    }

    /**
     * A call of a name.
     *
     * @param name      the function's name
     * @param arguments the positional arguments, then the values of the keyword arguments
     * @param keywords  the names of the keyword arguments, which are the last arguments
     * @param start     the first offset
     * @param end       the offset after the closing parenthesis
     */
    record Call(String name, Node[] arguments, String[] keywords, int start, int end) implements Node {
    }

    /** What a {@link Display} makes. */
    enum Shape {
        LIST, TUPLE, SET
    }

    /**
     * A list, tuple or set display: {@code [1, 2]}, {@code (1, 2)}, {@code {1, 2}}.
     *
     * @param shape what it makes
     * @param items the elements
     * @param start the first offset
     * @param end   the offset after
     */
    record Display(Shape shape, Node[] items, int start, int end) implements Node {
    }

    /**
     * A dict display.
     *
     * @param keys   the keys
     * @param values the values, one per key
     * @param start  the first offset
     * @param end    the offset after
     */
    record Dict(Node[] keys, Node[] values, int start, int end) implements Node {
    }

    /**
     * Unary {@code +} or {@code -} on a value known only when evaluating, such as {@code -float('inf')}.
     * A run of signs is folded into one.
     *
     * @param negative whether the signs negate
     * @param operand  the operand
     * @param start    the offset of the first sign
     * @param end      the offset after the operand
     */
    record Unary(boolean negative, Node operand, int start, int end) implements Node {
    }

    /** A statement. */
    sealed interface Statement permits Assignment, Evaluation {
    }

    /**
     * {@code name = value}, or {@code a = b = value}.
     *
     * @param targets the assigned names, left to right
     * @param value   the value
     */
    record Assignment(Name[] targets, Node value) implements Statement {
    }

    /**
     * An expression statement.
     *
     * @param expression the expression
     */
    record Evaluation(Node expression) implements Statement {
    }

    /**
     * A whole script.
     *
     * @param statements the statements in order
     */
    record Script(Statement[] statements) {
    }
}
