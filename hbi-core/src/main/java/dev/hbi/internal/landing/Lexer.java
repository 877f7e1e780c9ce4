package dev.hbi.internal.landing;

/**
 * Splits landed code into tokens, reading straight from the string: one token of look-ahead, held in
 * this object's fields, and no allocation for punctuation. Follows Python's tokenizer where the
 * landing subset needs it: newlines end statements except inside brackets (implicit line joining),
 * backslash-newline joins lines, {@code #} starts a comment, indentation is ignored (there are no
 * blocks), and {@code \r\n} and a lone {@code \r} end lines too.
 *
 * <p>One lexer serves one landing on one thread; it is not thread-safe.
 */
final class Lexer {

    /**
     * Python's operators and delimiters beyond the ones the subset uses, longest first so that the
     * first match is the one Python's tokenizer would take. Only error messages need them.
     */
    private static final String[] OPERATORS = {
        "**=", "//=", ">>=", "<<=", "...",
        "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", ":=",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "=", ".", ":",
    };

    private final Source source;
    private final String text;
    private int pos;
    /** Open brackets: newlines inside them do not end a statement. */
    private int depth;

    private Tok kind;
    private int start;
    private int end;
    private Object value;
    private int previousEnd;

    Lexer(Source source) {
        this.source = source;
        this.text = source.text();
        // a byte order mark is not code, as when Python decodes a file
        this.pos = text.startsWith("\uFEFF") ? 1 : 0;
    }

    /** The current token's kind. */
    Tok kind() {
        return kind;
    }

    /** The offset of the current token. */
    int start() {
        return start;
    }

    /** The offset just after the current token. */
    int end() {
        return end;
    }

    /** The offset just after the token before the current one. */
    int previousEnd() {
        return previousEnd;
    }

    /** The current token's value: the text of a name or operator, the value of a literal. */
    Object value() {
        return value;
    }

    /** Moves to the next token. */
    void next() {
        previousEnd = end;
        value = null;
        skipBlanks();
        start = pos;
        if (pos >= text.length()) {
            take(Tok.END, pos);
            return;
        }
        char c = text.charAt(pos);
        switch (c) {
            case '\n' -> take(Tok.NEWLINE, pos + 1);
            case '\r' -> take(Tok.NEWLINE, text.startsWith("\r\n", pos) ? pos + 2 : pos + 1);
            case '(' -> open(Tok.LPAR);
            case '[' -> open(Tok.LSQB);
            case '{' -> open(Tok.LBRACE);
            case ')' -> close(Tok.RPAR);
            case ']' -> close(Tok.RSQB);
            case '}' -> close(Tok.RBRACE);
            case ',' -> take(Tok.COMMA, pos + 1);
            case ';' -> take(Tok.SEMI, pos + 1);
            case '=' -> singleUnless('=', Tok.ASSIGN);
            case ':' -> singleUnless('=', Tok.COLON);
            case '\'', '"' -> string(pos, 0);
            default -> other(c);
        }
    }

    private void take(Tok tok, int tokenEnd) {
        kind = tok;
        end = tokenEnd;
        pos = tokenEnd;
    }

    private void open(Tok tok) {
        depth++;
        take(tok, pos + 1);
    }

    private void close(Tok tok) {
        if (depth > 0) {
            depth--;
        }
        take(tok, pos + 1);
    }

    /** Takes a one-character token, unless the next character makes it a longer operator. */
    private void singleUnless(char second, Tok single) {
        if (pos + 1 < text.length() && text.charAt(pos + 1) == second) {
            operator();
        } else {
            take(single, pos + 1);
        }
    }

    private void other(char c) {
        if (c >= '0' && c <= '9' || c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1))) {
            Scanned number = NumberLiteral.scan(source, pos);
            value = number.value();
            take(Tok.NUMBER, number.end());
        } else if (c < 128 ? isAsciiNameStart(c) : Character.isUnicodeIdentifierStart(text.codePointAt(pos))) {
            name();
        } else if (c == '-' && !text.startsWith("-=", pos) && !text.startsWith("->", pos)) {
            take(Tok.MINUS, pos + 1);
        } else {
            operator();
        }
    }

    private void name() {
        int i = pos + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c < 128 ? isAsciiNamePart(c) : isUnicodeNamePart(text.codePointAt(i))) {
                i += c < 128 ? 1 : Character.charCount(text.codePointAt(i));
            } else {
                break;
            }
        }
        if (i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
            int flags = StringLiteral.prefixFlags(text, pos, i);
            if (flags >= 0) {
                string(i, flags);
                return;
            }
        }
        value = text.substring(pos, i);
        take(Tok.NAME, i);
    }

    private void string(int quoteAt, int flags) {
        Scanned literal = StringLiteral.scan(source, pos, quoteAt, flags);
        value = literal.value();
        take((flags & StringLiteral.BYTES) != 0 ? Tok.BYTES : Tok.STRING, literal.end());
    }

    private void operator() {
        for (String op : OPERATORS) {
            if (text.startsWith(op, pos)) {
                value = op;
                take(switch (op) {
                    case "=" -> Tok.ASSIGN;
                    case ":" -> Tok.COLON;
                    case "+" -> Tok.PLUS;
                    case "-" -> Tok.MINUS;
                    case "*" -> Tok.STAR;
                    case "**" -> Tok.DOUBLESTAR;
                    case "." -> Tok.DOT;
                    default -> Tok.OPERATOR;
                }, pos + op.length());
                return;
            }
        }
        int c = text.codePointAt(pos);
        String shown = Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                ? "invalid non-printable character" : "invalid character '" + Character.toString(c) + "'";
        throw source.error(shown + String.format(" (U+%04X)", c), pos, pos + Character.charCount(c));
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            switch (text.charAt(pos)) {
                case ' ', '\t', '\f' -> pos++;
                case '#' -> skipComment();
                case '\\' -> continueLine();
                case '\n', '\r' -> {
                    if (depth == 0) {
                        return;
                    }
                    pos++;
                }
                default -> {
                    return;
                }
            }
        }
    }

    private void skipComment() {
        while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            pos++;
        }
    }

    /** Backslash-newline joins two lines (Python's explicit line joining). */
    private void continueLine() {
        if (pos + 1 >= text.length()) {
            throw source.error("unexpected end of code after line continuation character '\\'", pos, pos + 1);
        }
        char next = text.charAt(pos + 1);
        if (next != '\n' && next != '\r') {
            throw source.error("unexpected character after line continuation character '\\'", pos, pos + 2);
        }
        pos += text.startsWith("\r\n", pos + 1) ? 3 : 2;
    }

    static boolean isAsciiNamePart(char c) {
        return isAsciiNameStart(c) || isDigit(c);
    }

    private static boolean isAsciiNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isUnicodeNamePart(int cp) {
        // the same rule as Names.isIdentifier, so that whatever can be exposed can be named
        return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
    }
}
