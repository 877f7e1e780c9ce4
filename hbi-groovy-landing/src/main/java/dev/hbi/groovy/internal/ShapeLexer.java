package dev.hbi.groovy.internal;

import dev.hbi.LandingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.codehaus.groovy.syntax.Numbers;

/**
 * Reads a Groovy script just far enough to lift its literals into a {@link Shape}: numbers and plain
 * string literals become placeholders, so that {@code SetNick('bob')} and {@code SetNick('eve')} share
 * a key. One pass over the characters, no tokens kept, no Groovy parser: a cache hit must cost a few
 * hundred nanoseconds, and parsing with Groovy costs a hundred times that.
 *
 * <p>A literal is left in place, and so stays part of the key, where a name must stand: after a member
 * operator ({@code obj.'name'}), and before a colon (map keys {@code ['a': 1]}, named arguments, case
 * labels, the then-branch of {@code c ? 1 : 2}), since a placeholder there would be read as the name
 * {@code __hbiN}. So are strings with escapes it does not decode, triple-quoted and slashy strings,
 * and the parts of GStrings outside {@code ${...}}. {@code -} followed by a number is lifted with the
 * number where Groovy folds the two into one constant ({@code f(-1)}). Where the script could be read
 * two ways (a {@code /} after {@code }} or at the start of a line, a dollar-slashy string) and in
 * trusted scripts that declare classes, static members or annotations (which need constants), nothing
 * is lifted: the whole text is the key, which is always correct.
 *
 * <p>It also enforces what must be refused before Groovy sees the text: names starting with {@code __}
 * (reserved, and the placeholders' prefix), {@code @} in confined scripts (annotations, which run AST
 * transformations such as {@code @Grab} inside the compiler, and direct field access {@code .@}), and
 * brackets nested deeper than the connection allows.
 *
 * <p>One lexer serves one landing on one thread.
 */
final class ShapeLexer {

    /** Keywords after which a value, not an operator, comes next: a '/' there starts a slashy string. */
    private static final Set<String> OPERATOR_KEYWORDS = Set.of(
            "return", "in", "case", "else", "assert", "throw", "instanceof", "new", "yield", "as", "def", "var",
            "if", "while", "for", "switch", "do", "try", "catch", "finally", "default", "import", "package");
    /** Keywords of trusted scripts whose bodies need constants or have no script to read placeholders from. */
    private static final Set<String> DECLARATION_KEYWORDS = Set.of(
            "class", "interface", "trait", "enum", "record", "static");

    private final String text;
    private final boolean confined;
    private final int maxNesting;
    private int pos;
    private int depth;
    /** The last token ends a value: a '/' now divides, and a '-' subtracts. */
    private boolean valueEnd;
    /** The last token is a member operator ('.', '?.', '*.', '.&', '::'): a literal now is a name. */
    private boolean member;
    /** A line ended since the last token. */
    private boolean newline;
    private boolean lift = true;
    private final List<Object> literals = new ArrayList<>();
    private int[] edits = new int[8];

    private ShapeLexer(String text, boolean confined, int maxNesting) {
        this.text = text;
        this.confined = confined;
        this.maxNesting = maxNesting;
    }

    /**
     * Lifts the literals of a script.
     *
     * @param text       the script
     * @param confined   whether the script will be confined (then '@' is refused)
     * @param maxNesting how deeply brackets may nest
     * @return the shape
     * @throws LandingException if the script uses a reserved name, '@' while confined, or nests too deeply
     */
    static Shape lex(String text, boolean confined, int maxNesting) {
        return new ShapeLexer(text, confined, maxNesting).run();
    }

    private Shape run() {
        code(false);
        if (!lift || literals.isEmpty()) {
            return new Shape(text, text, new Object[0], new int[0]);
        }
        StringBuilder key = new StringBuilder(text.length() + 8 * literals.size());
        int[] spans = new int[literals.size() * 4];
        int previous = 0;
        for (int slot = 0; slot < literals.size(); slot++) {
            int start = edits[slot * 2];
            int end = edits[slot * 2 + 1];
            key.append(text, previous, start);
            spans[slot * 4] = start;
            spans[slot * 4 + 1] = end;
            spans[slot * 4 + 2] = key.length();
            key.append(Shape.PLACEHOLDER).append(slot);
            spans[slot * 4 + 3] = key.length();
            previous = end;
        }
        key.append(text, previous, text.length());
        return new Shape(text, key.toString(), literals.toArray(), spans);
    }

    /** Lexes code until the end, or, inside a GString's ${...}, until its closing brace. */
    private void code(boolean interpolation) {
        int open = 0;
        while (pos < text.length() && lift) {
            char c = text.charAt(pos);
            switch (c) {
                case ' ', '\t', '\f', '\r' -> pos++;
                case '\n' -> {
                    newline = true;
                    pos++;
                }
                case '/' -> slash();
                case '\'' -> single();
                case '"' -> doubleQuoted();
                case '@' -> at();
                case '(', '[', '{' -> {
                    open++;
                    enter();
                    token(false);
                }
                case ')', ']' -> {
                    open--;
                    depth--;
                    token(true);
                }
                case '}' -> {
                    if (interpolation && open == 0) {
                        pos++;
                        return;
                    }
                    open--;
                    depth--;
                    token(true);
                    // "} / x" may divide a closure's value or start a slashy string: do not guess
                    valueEnd = false;
                    member = true;
                }
                case '.' -> dot();
                case '?', '*' -> starOrQuestion(c);
                case ':' -> {
                    boolean twice = text.startsWith("::", pos);
                    pos += twice ? 2 : 1;
                    valueEnd = false;
                    member = twice;
                    newline = false;
                }
                case '+', '-' -> plusOrMinus(c);
                default -> other(c);
            }
        }
        if (interpolation) {
            lift = false;
        }
    }

    private void token(boolean endsValue) {
        pos++;
        valueEnd = endsValue;
        member = false;
        newline = false;
    }

    private void enter() {
        if (++depth > maxNesting) {
            throw Positions.error(text, "brackets nest more than " + maxNesting
                    + " deep (HbiConfig.maxNesting)", pos, pos + 1);
        }
    }

    private void slash() {
        if (text.startsWith("//", pos)) {
            while (pos < text.length() && text.charAt(pos) != '\n') {
                pos++;
            }
        } else if (text.startsWith("/*", pos)) {
            int close = text.indexOf("*/", pos + 2);
            if (close < 0) {
                lift = false;
                return;
            }
            newline |= text.substring(pos, close).indexOf('\n') >= 0;
            pos = close + 2;
        } else if (valueEnd && !newline) {
            token(false);
        } else if (!valueEnd && !newline && !member) {
            slashy();
        } else {
            // a '/' at the start of a line or after '}': Groovy decides from context we do not track
            lift = false;
        }
    }

    private void slashy() {
        int i = pos + 1;
        while (i < text.length() && text.charAt(i) != '/') {
            char c = text.charAt(i);
            if (c == '$') {
                lift = false;
                return;
            }
            i += c == '\\' ? 2 : 1;
        }
        if (i >= text.length()) {
            lift = false;
            return;
        }
        pos = i;
        token(true);
    }

    private void at() {
        if (confined) {
            throw Positions.error(text, "'@' is not allowed in confined scripts: annotations (and the AST"
                    + " transformations they trigger, such as @Grab) and direct field access (.@) are refused",
                    pos, pos + 1);
        }
        // a trusted script's annotations need constant values
        lift = false;
    }

    private void dot() {
        if (text.startsWith("...", pos)) {
            pos += 3;
            valueEnd = false;
            member = false;
        } else if (text.startsWith("..", pos)) {
            pos += text.startsWith("..<", pos) ? 3 : 2;
            valueEnd = false;
            member = false;
        } else {
            pos += text.startsWith(".&", pos) ? 2 : 1;
            valueEnd = false;
            member = true;
        }
        newline = false;
    }

    private void starOrQuestion(char c) {
        boolean memberOperator = text.startsWith(".", pos + 1) && !text.startsWith("..", pos + 1);
        pos += memberOperator ? 2 : 1;
        if (!memberOperator && c == '*' && text.startsWith("*", pos)) {
            pos++;
        }
        valueEnd = false;
        member = memberOperator;
        newline = false;
    }

    private void plusOrMinus(char c) {
        if (text.startsWith(String.valueOf(c), pos + 1)) {
            // ++ and -- keep the side of the value they stand on: "x++ / 2" divides
            pos += 2;
            newline = false;
            member = false;
            return;
        }
        if (c == '-' && !valueEnd && !member) {
            int digit = skipBlanks(pos + 1);
            if (digit < text.length() && isDigit(text.charAt(digit))) {
                int at = pos;
                pos = digit;
                number(at);
                return;
            }
        }
        token(false);
    }

    private void other(char c) {
        if (isDigit(c)) {
            number(-1);
        } else if (Character.isJavaIdentifierStart(c)) {
            if (c == '$' && text.startsWith("$/", pos) && !valueEnd) {
                lift = false;
                return;
            }
            identifier();
        } else {
            token(false);
        }
    }

    private void identifier() {
        int start = pos;
        pos = identifierEnd(pos);
        String name = text.substring(start, pos);
        checkName(name, start);
        if (!confined && DECLARATION_KEYWORDS.contains(name)) {
            lift = false;
        }
        boolean wasMember = member;
        member = false;
        newline = false;
        valueEnd = wasMember || !OPERATOR_KEYWORDS.contains(name);
    }

    private void checkName(String name, int start) {
        if (name.startsWith("__")) {
            throw Positions.error(text, "names starting with __ are reserved", start, start + name.length());
        }
    }

    private int identifierEnd(int from) {
        int i = from + 1;
        while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A number literal at {@code pos}; {@code minusAt} is the offset of a '-' folded into it, or -1. */
    private void number(int minusAt) {
        int start = pos;
        int end = numberEnd(start);
        pos = end;
        boolean wasMember = member;
        member = false;
        valueEnd = true;
        newline = false;
        if (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
            // "1abc" or a radix we do not read: Groovy will say what is wrong
            pos = identifierEnd(end);
            return;
        }
        String digits = text.substring(start, end);
        boolean signed = minusAt >= 0 && foldsSign(end);
        Number value = parse(signed ? "-" + digits : digits);
        if (value == null || wasMember || beforeColon(end) || !signed && isSignEdge(value)) {
            return;
        }
        add(signed ? minusAt : start, end, value);
    }

    private int numberEnd(int start) {
        int i = start;
        if (text.startsWith("0x", i) || text.startsWith("0X", i) || text.startsWith("0b", i) || text.startsWith("0B", i)) {
            i += 2;
            while (i < text.length() && (Character.digit(text.charAt(i), 16) >= 0 || text.charAt(i) == '_')) {
                i++;
            }
            return suffix(i, "lLiIgG");
        }
        i = digits(i);
        boolean decimal = false;
        if (i + 1 < text.length() && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
            i = digits(i + 1);
            decimal = true;
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int e = i + 1 < text.length() && (text.charAt(i + 1) == '+' || text.charAt(i + 1) == '-') ? i + 2 : i + 1;
            if (e < text.length() && isDigit(text.charAt(e))) {
                i = digits(e);
                decimal = true;
            }
        }
        return suffix(i, decimal ? "fFdDgG" : "lLiIgGfFdD");
    }

    private int digits(int from) {
        int i = from;
        while (i < text.length() && (isDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private int suffix(int at, String allowed) {
        return at < text.length() && allowed.indexOf(text.charAt(at)) >= 0 ? at + 1 : at;
    }

    /** Groovy folds "-" into a number literal; only fold it where nothing binding tighter follows. */
    private boolean foldsSign(int end) {
        int next = skipBlanks(end);
        return next >= text.length() || ",)]};\n\r".indexOf(text.charAt(next)) >= 0;
    }

    /**
     * Groovy reads -2147483648 as an Integer and -9223372036854775808 as a Long only when it folds the
     * sign in; lifted without it, they would be a Long and a BigInteger.
     */
    private static boolean isSignEdge(Number value) {
        return value instanceof Long l && l == 1L + Integer.MAX_VALUE
                || value instanceof java.math.BigInteger b && b.bitLength() == 64 && b.bitCount() == 1;
    }

    private static Number parse(String literal) {
        if (literal.length() <= 9 && isPlainDecimal(literal)) {
            // the common case, without Groovy's BigInteger detour: fits an int, as Groovy would type it
            return Integer.parseInt(literal);
        }
        String plain = literal.replace("_", "");
        boolean hex = plain.startsWith("0x") || plain.startsWith("0X") || plain.startsWith("-0x") || plain.startsWith("-0X");
        boolean decimal = !hex && (plain.indexOf('.') >= 0 || plain.indexOf('e') >= 0 || plain.indexOf('E') >= 0
                || "fFdD".indexOf(plain.charAt(plain.length() - 1)) >= 0);
        try {
            return decimal ? Numbers.parseDecimal(plain) : Numbers.parseInteger(plain);
        } catch (RuntimeException outOfRangeOrMalformed) {
            // leave it in the text: the compiler reports it with its position
            return null;
        }
    }

    /** Digits only (a sign first allowed), no leading zero that would make it octal. */
    private static boolean isPlainDecimal(String literal) {
        int start = literal.startsWith("-") ? 1 : 0;
        if (literal.length() == start || literal.length() > start + 1 && literal.charAt(start) == '0') {
            return false;
        }
        for (int i = start; i < literal.length(); i++) {
            if (!isDigit(literal.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private void single() {
        if (text.startsWith("'''", pos)) {
            pos = skipTriple(pos, '\'');
            afterString();
            return;
        }
        int start = pos;
        StringBuilder value = new StringBuilder();
        int i = pos + 1;
        boolean decoded = true;
        while (i < text.length() && text.charAt(i) != '\'') {
            char c = text.charAt(i);
            if (c == '\n') {
                lift = false;
                return;
            }
            if (c == '\\') {
                decoded &= escape(i, value);
                i += escapeLength(i);
            } else {
                value.append(c);
                i++;
            }
        }
        if (i >= text.length()) {
            lift = false;
            return;
        }
        pos = i + 1;
        boolean wasMember = member;
        afterString();
        if (decoded && !wasMember && !beforeColon(pos)) {
            add(start, pos, value.toString());
        }
    }

    private void doubleQuoted() {
        if (text.startsWith("\"\"\"", pos)) {
            pos = gstring(pos + 3, true);
            afterString();
            return;
        }
        int start = pos;
        int end = gstring(pos + 1, false);
        if (!lift) {
            return;
        }
        boolean interpolated = false;
        StringBuilder value = new StringBuilder();
        boolean decoded = true;
        for (int i = start + 1; i < end - 1; ) {
            char c = text.charAt(i);
            if (c == '$') {
                interpolated = true;
                break;
            }
            if (c == '\\') {
                decoded &= escape(i, value);
                i += escapeLength(i);
            } else {
                value.append(c);
                i++;
            }
        }
        pos = end;
        boolean wasMember = member;
        afterString();
        if (!interpolated && decoded && !wasMember && !beforeColon(pos)) {
            add(start, end, value.toString());
        }
    }

    /**
     * Skips the body of a double-quoted string from {@code from}, lexing the code of its {@code ${...}}
     * parts (where literals are lifted too) and checking the names of its {@code $name} parts.
     *
     * @return the offset after the closing quote(s)
     */
    private int gstring(int from, boolean triple) {
        int i = from;
        while (i < text.length() && lift) {
            char c = text.charAt(i);
            if (triple ? text.startsWith("\"\"\"", i) : c == '"') {
                return i + (triple ? 3 : 1);
            }
            if (c == '\n' && !triple) {
                lift = false;
                return i;
            }
            if (c == '\\') {
                i += 2;
            } else if (c == '$' && text.startsWith("${", i)) {
                pos = i + 2;
                enter();
                boolean outerValueEnd = valueEnd;
                boolean outerMember = member;
                valueEnd = false;
                member = false;
                code(true);
                depth--;
                valueEnd = outerValueEnd;
                member = outerMember;
                i = pos;
            } else if (c == '$' && i + 1 < text.length() && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
                int end = identifierEnd(i + 1);
                checkName(text.substring(i + 1, end), i + 1);
                i = end;
            } else {
                i++;
            }
        }
        lift = false;
        return text.length();
    }

    private int skipTriple(int from, char quote) {
        String close = String.valueOf(quote).repeat(3);
        int i = from + 3;
        while (i < text.length() && !text.startsWith(close, i)) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        if (i >= text.length()) {
            lift = false;
            return text.length();
        }
        return i + 3;
    }

    private void afterString() {
        valueEnd = true;
        member = false;
        newline = false;
    }

    /** Decodes the escape at {@code at} into {@code out}; false if it is one this lexer does not lift. */
    private boolean escape(int at, StringBuilder out) {
        if (at + 1 >= text.length()) {
            return false;
        }
        char c = text.charAt(at + 1);
        switch (c) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'r' -> out.append('\r');
            case '\\', '\'', '"', '$' -> out.append(c);
            case 'u' -> {
                if (at + 6 > text.length()) {
                    return false;
                }
                try {
                    out.append((char) Integer.parseInt(text.substring(at + 2, at + 6), 16));
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private int escapeLength(int at) {
        return at + 1 < text.length() && text.charAt(at + 1) == 'u' ? 6 : 2;
    }

    /** Whether a ':' (not '::') follows: a literal there is a map key, a named argument or a label. */
    private boolean beforeColon(int from) {
        int next = skipBlanks(from);
        return next < text.length() && text.charAt(next) == ':' && !text.startsWith("::", next);
    }

    private int skipBlanks(int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private void add(int start, int end, Object value) {
        int slot = literals.size();
        if (slot * 2 + 2 > edits.length) {
            edits = Arrays.copyOf(edits, edits.length * 2);
        }
        edits[slot * 2] = start;
        edits[slot * 2 + 1] = end;
        literals.add(value);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
