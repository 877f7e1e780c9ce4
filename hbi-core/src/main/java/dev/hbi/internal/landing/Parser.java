package dev.hbi.internal.landing;

import static java.util.Map.entry;

import dev.hbi.LandingException;
import dev.hbi.internal.Names;
import dev.hbi.internal.convert.Conversions;
import dev.hbi.internal.landing.Ast.Assignment;
import dev.hbi.internal.landing.Ast.Call;
import dev.hbi.internal.landing.Ast.Dict;
import dev.hbi.internal.landing.Ast.Display;
import dev.hbi.internal.landing.Ast.Evaluation;
import dev.hbi.internal.landing.Ast.Literal;
import dev.hbi.internal.landing.Ast.Name;
import dev.hbi.internal.landing.Ast.Node;
import dev.hbi.internal.landing.Ast.Script;
import dev.hbi.internal.landing.Ast.Shape;
import dev.hbi.internal.landing.Ast.Statement;
import dev.hbi.internal.landing.Ast.Unary;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a whole script into an {@link Ast} before anything is evaluated, so that a syntax error on
 * line 3 has no effect from line 1. Recursive descent over the landing subset (hbi-wire-reference §3):
 * statements are {@code name = expr} or an expression; expressions are literals, names, calls of
 * names, parenthesised expressions, tuples, lists, dicts, sets and unary {@code +}/{@code -}. Anything
 * else of Python is refused with a message that names it. The descent checks its depth against the
 * nesting limit at every bracket, so it never recurses deeper than {@code maxNesting} levels.
 *
 * <p>One parser serves one landing on one thread; it is not thread-safe.
 */
final class Parser {

    private static final String NOT_SUPPORTED = " not supported by the built-in lander";

    /** Python keywords that start or join constructs outside the subset, as messages name them. */
    private static final Map<String, String> KEYWORDS = Map.ofEntries(
            entry("lambda", "lambda expressions are"),
            entry("def", "function definitions (def) are"),
            entry("class", "class definitions are"),
            entry("import", "import statements are"),
            entry("from", "import statements are"),
            entry("for", "comprehensions and for loops are"),
            entry("async", "async constructs are"),
            entry("await", "await is"),
            entry("yield", "yield is"),
            entry("while", "while loops are"),
            entry("if", "if statements and conditional expressions (x if c else y) are"),
            entry("elif", "if statements are"),
            entry("else", "if statements and conditional expressions (x if c else y) are"),
            entry("try", "try statements are"),
            entry("except", "try statements are"),
            entry("finally", "try statements are"),
            entry("with", "with statements are"),
            entry("and", "boolean operators (and, or, not) are"),
            entry("or", "boolean operators (and, or, not) are"),
            entry("not", "boolean operators (and, or, not) are"),
            entry("in", "comparison operators (in, is) are"),
            entry("is", "comparison operators (in, is) are"),
            entry("return", "return statements are"),
            entry("del", "del statements are"),
            entry("global", "global statements are"),
            entry("nonlocal", "nonlocal statements are"),
            entry("pass", "pass statements are"),
            entry("raise", "raise statements are"),
            entry("assert", "assert statements are"),
            entry("break", "break statements are"),
            entry("continue", "continue statements are"),
            entry("as", "'as' clauses are"));

    /** Two-character operators ending in '=' that are comparisons, not augmented assignments. */
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<=", ">=");

    private static final Node[] NO_NODES = {};
    private static final String[] NO_KEYWORDS = {};

    private final Source source;
    private final Lexer lexer;
    private final int maxNesting;
    private int depth;
    /** The offsets of the open brackets, innermost at {@code depth - 1}, for "never closed" errors. */
    private int[] openers = new int[8];

    private Parser(Source source, int maxNesting) {
        this.source = source;
        this.lexer = new Lexer(source);
        this.maxNesting = maxNesting;
    }

    /**
     * Parses a script.
     *
     * @param source     the code
     * @param maxNesting how deeply brackets and calls may nest
     * @return the tree
     * @throws LandingException if the code is not in the landing subset
     */
    static Script parse(Source source, int maxNesting) {
        return new Parser(source, maxNesting).script();
    }

    private Script script() {
        List<Statement> statements = new ArrayList<>(2);
        lexer.next();
        while (lexer.kind() != Tok.END) {
            if (lexer.kind() == Tok.NEWLINE || lexer.kind() == Tok.SEMI) {
                lexer.next();
                continue;
            }
            statements.add(statement());
            Tok after = lexer.kind();
            if (after != Tok.NEWLINE && after != Tok.SEMI && after != Tok.END) {
                throw unexpected("after a statement");
            }
        }
        return new Script(statements.toArray(new Statement[0]));
    }

    private Statement statement() {
        Node value = expressionList();
        if (lexer.kind() != Tok.ASSIGN) {
            return new Evaluation(value);
        }
        List<Name> targets = new ArrayList<>(1);
        while (lexer.kind() == Tok.ASSIGN) {
            targets.add(target(value));
            lexer.next();
            value = expressionList();
        }
        return new Assignment(targets.toArray(new Name[0]), value);
    }

    private Name target(Node node) {
        if (node instanceof Name name) {
            return name;
        }
        String why = switch (node) {
            case Literal l when Names.CONSTANTS.contains(text(l)) ->
                    "cannot assign to " + text(l) + ": it is a constant";
            case Literal l -> "cannot assign to a literal";
            case Call c -> "cannot assign to a function call";
            case Display d when d.shape() != Shape.SET ->
                    "unpacking assignment is" + NOT_SUPPORTED + ": assign one name at a time";
            default -> "cannot assign to an expression: only a plain name can be assigned";
        };
        throw source.error(why, node.start(), node.end());
    }

    /** An expression, or a tuple without parentheses ({@code 1, 2}) as Python allows in statements. */
    private Node expressionList() {
        Node first = expression();
        if (lexer.kind() != Tok.COMMA) {
            return first;
        }
        List<Node> items = new ArrayList<>();
        items.add(first);
        while (lexer.kind() == Tok.COMMA) {
            lexer.next();
            Tok k = lexer.kind();
            if (k == Tok.NEWLINE || k == Tok.SEMI || k == Tok.END || k == Tok.ASSIGN) {
                break;
            }
            items.add(element());
        }
        return new Display(Shape.TUPLE, items.toArray(NO_NODES), first.start(), lexer.previousEnd());
    }

    /** An expression: optional signs, then a primary; any operator after it is refused. */
    private Node expression() {
        int start = lexer.start();
        boolean signed = false;
        boolean negative = false;
        // a run of signs is a loop, not a recursion: "- - - ... 1" cannot exhaust the stack
        while (lexer.kind() == Tok.PLUS || lexer.kind() == Tok.MINUS) {
            signed = true;
            negative ^= lexer.kind() == Tok.MINUS;
            lexer.next();
        }
        Node operand = primary();
        Node result = signed ? signed(negative, operand, start) : operand;
        switch (lexer.kind()) {
            case PLUS, MINUS, STAR, DOUBLESTAR, OPERATOR -> throw operatorError(start);
            case NAME -> {
                if (KEYWORDS.containsKey((String) lexer.value())) {
                    throw keywordError();
                }
            }
            default -> {
                // the caller decides what may follow
            }
        }
        return result;
    }

    private Node signed(boolean negative, Node operand, int start) {
        if (!(operand instanceof Literal literal)) {
            return new Unary(negative, operand, start, operand.end());
        }
        Number folded = Numbers.sign(literal.value(), negative);
        if (folded == null) {
            throw source.error("bad operand for unary " + (negative ? "-" : "+") + ": "
                    + Conversions.describe(literal.value()) + " is not a number", start, operand.end());
        }
        return new Literal(folded, start, operand.end());
    }

    private Node primary() {
        Node node = switch (lexer.kind()) {
            case NAME -> name();
            case NUMBER -> literal();
            case STRING, BYTES -> strings();
            case LPAR -> parenthesised();
            case LSQB -> list();
            case LBRACE -> braces();
            default -> throw unexpected("where a value was expected");
        };
        return refuseTrailers(node);
    }

    /** Refuses what Python allows after a primary: attributes, subscripts, calls of values. */
    private Node refuseTrailers(Node node) {
        switch (lexer.kind()) {
            case DOT -> {
                lexer.next();
                int end = lexer.kind() == Tok.NAME ? lexer.end() : lexer.start();
                throw source.error("attribute access is" + NOT_SUPPORTED, node.start(), end);
            }
            case LSQB -> throw source.error("subscripts (x[...]) are" + NOT_SUPPORTED, node.start(), -1);
            case LPAR -> throw source.error("only exposed names can be called: calling the value of an expression is"
                    + NOT_SUPPORTED, node.start(), -1);
            default -> {
                return node;
            }
        }
    }

    private Node name() {
        String name = (String) lexer.value();
        int start = lexer.start();
        int end = lexer.end();
        if (KEYWORDS.containsKey(name)) {
            throw keywordError();
        }
        if (name.startsWith("__") && !Names.isHbiFunction(name)) {
            throw source.error("names starting with __ are reserved", start, end);
        }
        lexer.next();
        if (lexer.kind() == Tok.LPAR) {
            return call(name, start);
        }
        if (Names.CONSTANTS.contains(name)) {
            return new Literal(Constants.value(name), start, end);
        }
        return new Name(name, start, end);
    }

    private Node call(String name, int start) {
        if (Names.CONSTANTS.contains(name)) {
            throw source.error("'" + name + "' is a constant, not a function", start, lexer.end());
        }
        int open = enter();
        List<Node> arguments = new ArrayList<>(4);
        List<String> keywords = null;
        while (lexer.kind() != Tok.RPAR) {
            Node argument = element();
            if (lexer.kind() == Tok.ASSIGN) {
                keywords = keyword(argument, keywords);
                lexer.next();
                arguments.add(expression());
            } else if (keywords != null) {
                throw source.error("positional argument follows keyword argument", argument.start(), argument.end());
            } else {
                arguments.add(argument);
            }
            if (!commaOrClose(Tok.RPAR, open)) {
                break;
            }
        }
        int end = close();
        return new Call(name, arguments.toArray(NO_NODES),
                keywords == null ? NO_KEYWORDS : keywords.toArray(NO_KEYWORDS), start, end);
    }

    private List<String> keyword(Node argument, List<String> keywords) {
        if (!(argument instanceof Name name)) {
            throw source.error("a keyword argument needs a plain name before '='", argument.start(), argument.end());
        }
        List<String> names = keywords == null ? new ArrayList<>(2) : keywords;
        if (names.contains(name.name())) {
            throw source.error("keyword argument repeated: " + name.name(), name.start(), name.end());
        }
        names.add(name.name());
        return names;
    }

    private Node literal() {
        Node node = new Literal(lexer.value(), lexer.start(), lexer.end());
        lexer.next();
        return node;
    }

    /** One string or bytes literal, or several adjacent ones, which Python concatenates. */
    private Node strings() {
        Tok kind = lexer.kind();
        int start = lexer.start();
        Object first = lexer.value();
        lexer.next();
        if (lexer.kind() != Tok.STRING && lexer.kind() != Tok.BYTES) {
            return new Literal(first, start, lexer.previousEnd());
        }
        List<Object> pieces = new ArrayList<>();
        pieces.add(first);
        while (lexer.kind() == Tok.STRING || lexer.kind() == Tok.BYTES) {
            if (lexer.kind() != kind) {
                throw source.error("cannot mix bytes and nonbytes literals", start, lexer.end());
            }
            pieces.add(lexer.value());
            lexer.next();
        }
        return new Literal(kind == Tok.STRING ? joinText(pieces) : joinBytes(pieces), start, lexer.previousEnd());
    }

    private static String joinText(List<Object> pieces) {
        StringBuilder joined = new StringBuilder();
        pieces.forEach(joined::append);
        return joined.toString();
    }

    private static byte[] joinBytes(List<Object> pieces) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        pieces.forEach(piece -> joined.writeBytes((byte[]) piece));
        return joined.toByteArray();
    }

    private Node parenthesised() {
        int open = enter();
        if (lexer.kind() == Tok.RPAR) {
            return new Display(Shape.TUPLE, NO_NODES, open, close());
        }
        Node first = element();
        if (lexer.kind() == Tok.RPAR) {
            close();
            return first;
        }
        List<Node> items = new ArrayList<>();
        items.add(first);
        if (commaOrClose(Tok.RPAR, open)) {
            items(items, Tok.RPAR, open);
        }
        return new Display(Shape.TUPLE, items.toArray(NO_NODES), open, close());
    }

    private Node list() {
        int open = enter();
        List<Node> items = new ArrayList<>();
        items(items, Tok.RSQB, open);
        return new Display(Shape.LIST, items.toArray(NO_NODES), open, close());
    }

    private Node braces() {
        int open = enter();
        if (lexer.kind() == Tok.RBRACE) {
            return new Dict(NO_NODES, NO_NODES, open, close());
        }
        Node first = element();
        if (lexer.kind() == Tok.COLON) {
            return dict(open, first);
        }
        List<Node> items = new ArrayList<>();
        items.add(first);
        if (commaOrClose(Tok.RBRACE, open)) {
            items(items, Tok.RBRACE, open);
        }
        return new Display(Shape.SET, items.toArray(NO_NODES), open, close());
    }

    private Node dict(int open, Node firstKey) {
        List<Node> keys = new ArrayList<>();
        List<Node> values = new ArrayList<>();
        Node key = firstKey;
        while (true) {
            if (lexer.kind() != Tok.COLON) {
                throw unexpected("where ':' was expected after a dict key");
            }
            lexer.next();
            keys.add(key);
            values.add(expression());
            if (!commaOrClose(Tok.RBRACE, open) || lexer.kind() == Tok.RBRACE) {
                break;
            }
            key = element();
        }
        return new Dict(keys.toArray(NO_NODES), values.toArray(NO_NODES), open, close());
    }

    /** Parses comma-separated elements, a trailing comma allowed, up to (not over) the closer. */
    private void items(List<Node> into, Tok closer, int open) {
        while (lexer.kind() != closer) {
            into.add(element());
            if (!commaOrClose(closer, open)) {
                return;
            }
        }
    }

    /** An expression inside brackets, where Python would also allow unpacking. */
    private Node element() {
        if (lexer.kind() == Tok.STAR || lexer.kind() == Tok.DOUBLESTAR) {
            throw source.error("unpacking (*args, **kwargs) is" + NOT_SUPPORTED, lexer.start(), -1);
        }
        return expression();
    }

    /**
     * Consumes a comma, or stops at the closer.
     *
     * @return {@code true} after a comma, {@code false} at the closer
     */
    private boolean commaOrClose(Tok closer, int open) {
        if (lexer.kind() == Tok.COMMA) {
            lexer.next();
            return true;
        }
        if (lexer.kind() == closer) {
            return false;
        }
        throw switch (lexer.kind()) {
            case END -> neverClosed();
            case RPAR, RSQB, RBRACE -> source.error("closing " + lexer.kind().shown() + " does not match opening '"
                    + source.text().charAt(open) + "'", lexer.start(), lexer.end());
            default -> unexpected("where ',' or " + closer.shown() + " was expected");
        };
    }

    /** Opens a bracket, refusing to nest deeper than the limit. */
    private int enter() {
        int open = lexer.start();
        if (depth == maxNesting) {
            throw source.error("the code nests brackets and calls deeper than " + maxNesting
                    + " levels (HbiConfig.maxNesting)", open, -1);
        }
        if (depth == openers.length) {
            openers = Arrays.copyOf(openers, depth * 2);
        }
        openers[depth++] = open;
        lexer.next();
        return open;
    }

    /** Closes the bracket the lexer is at. */
    private int close() {
        int end = lexer.end();
        depth--;
        lexer.next();
        return end;
    }

    private LandingException unexpected(String where) {
        int start = lexer.start();
        return switch (lexer.kind()) {
            case END -> depth > 0 ? neverClosed() : source.errorAround("unexpected end of code " + where, start);
            case NAME -> KEYWORDS.containsKey((String) lexer.value()) ? keywordError()
                    : source.error("invalid syntax: unexpected name '" + lexer.value() + "' " + where, start, -1);
            case STAR, DOUBLESTAR -> source.error("unpacking (*args, **kwargs) is" + NOT_SUPPORTED, start, -1);
            case PLUS, MINUS, OPERATOR -> operatorError(start);
            case RPAR, RSQB, RBRACE -> depth == 0
                    ? source.error("unmatched " + lexer.kind().shown(), start, lexer.end())
                    : source.error("invalid syntax: unexpected " + lexer.kind().shown() + " " + where, start, -1);
            case NUMBER -> source.error("invalid syntax: unexpected number "
                    + source.text().substring(start, lexer.end()) + " " + where, start, -1);
            default -> source.error("invalid syntax: unexpected " + lexer.kind().shown() + " " + where, start, -1);
        };
    }

    private LandingException neverClosed() {
        int open = openers[depth - 1];
        return source.errorAround("'" + source.text().charAt(open) + "' was never closed", open);
    }

    private LandingException keywordError() {
        return source.error(KEYWORDS.get((String) lexer.value()) + NOT_SUPPORTED, lexer.start(), -1);
    }

    private LandingException operatorError(int expressionStart) {
        String op = source.text().substring(lexer.start(), lexer.end());
        String message;
        if (op.equals(":=")) {
            message = "assignment expressions (:=) are" + NOT_SUPPORTED;
        } else if (op.equals("...")) {
            message = "the Ellipsis (...) is" + NOT_SUPPORTED;
        } else if (op.length() > 1 && op.endsWith("=") && !COMPARISONS.contains(op)) {
            message = "augmented assignment (" + op + ") is" + NOT_SUPPORTED;
        } else {
            message = "operator '" + op + "' is" + NOT_SUPPORTED + ": only unary + and - on numbers are";
        }
        return source.error(message, expressionStart, -1);
    }

    private String text(Node node) {
        return source.text().substring(node.start(), node.end());
    }
}
