package dev.hbi.groovy.internal;

/**
 * Decides, from the characters alone, when a script is certainly outside the built-in lander's
 * call/literal subset, so that it need not be handed to the subset's parser, which decides every other
 * script. A script is certainly outside when, outside its strings and comments, it has a character the
 * subset never accepts ({@code * / % < > ! & | ^ ~ ? @ $}, a {@code .} that is not part of a number,
 * {@code ==}, {@code ->}), a sign right after a value (the subset has no binary operators), or two
 * names in a row ({@code def x}, {@code x in y}). The parser would refuse all of these, and a refusal
 * costs an exception, which a Groovy script should not pay on every landing.
 *
 * <p>Strings are skipped as Python writes them. A script in the subset means what the subset says even
 * where Groovy would read it otherwise: {@code greet("Hi ${name}")} passes the text {@code Hi ${name}},
 * as a Python or Java peer that sends that string means it to. Stateless.
 */
final class FastPath {

    /** Operator characters the subset refuses wherever they stand outside a string. */
    private static final String NEVER_IN_SUBSET = "*/%<>!&|^~?@$`";

    private FastPath() {
    }

    /**
     * Tells whether the built-in parser should look at a script.
     *
     * @param code the script
     * @return {@code false} if the script is certainly outside the subset
     */
    static boolean worthParsing(String code) {
        int i = 0;
        boolean afterName = false;
        boolean afterValue = false;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '#') {
                i = lineEnd(code, i);
            } else if (c == '\'' || c == '"') {
                i = stringEnd(code, i);
                if (i < 0) {
                    return false;
                }
                afterName = false;
                afterValue = true;
            } else if (NEVER_IN_SUBSET.indexOf(c) >= 0 || c == '.' && !Character.isDigit(next(code, i))
                    || c == '=' && next(code, i) == '=' || c == '-' && next(code, i) == '>'
                    || (c == '+' || c == '-') && afterValue) {
                // the subset has no binary operators: a sign after a value is one
                return false;
            } else if (Character.isDigit(c) || c == '.') {
                i = numberEnd(code, i);
                afterName = false;
                afterValue = true;
            } else if (Character.isLetter(c) || c == '_') {
                if (afterName) {
                    // two names in a row ("def x", "x in y") are never a statement of the subset
                    return false;
                }
                i = nameEnd(code, i);
                afterName = i >= code.length() || code.charAt(i) != '\'' && code.charAt(i) != '"';
                afterValue = afterName;
            } else {
                if (c != ' ' && c != '\t') {
                    afterName = false;
                    afterValue = c == ')' || c == ']' || c == '}';
                }
                i++;
            }
        }
        return true;
    }

    /** The end of a number, exponent sign included: "1e-5" has no minus operator. */
    private static int numberEnd(String code, int from) {
        int i = from;
        while (i < code.length()) {
            char c = code.charAt(i);
            boolean exponentSign = (c == '+' || c == '-') && (code.charAt(i - 1) == 'e' || code.charAt(i - 1) == 'E');
            boolean point = c == '.' && next(code, i) != '.';
            if (!Character.isLetterOrDigit(c) && c != '_' && !point && !exponentSign) {
                break;
            }
            i++;
        }
        return i;
    }

    private static char next(String code, int i) {
        return i + 1 < code.length() ? code.charAt(i + 1) : 0;
    }

    private static int nameEnd(String code, int from) {
        int i = from;
        while (i < code.length() && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private static int lineEnd(String code, int from) {
        int i = from;
        while (i < code.length() && code.charAt(i) != '\n' && code.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** The offset after the string starting at {@code from}; -1 if it never ends. */
    private static int stringEnd(String code, int from) {
        char quote = code.charAt(from);
        boolean triple = code.startsWith(String.valueOf(quote).repeat(3), from);
        int i = from + (triple ? 3 : 1);
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote && (!triple || code.startsWith(String.valueOf(quote).repeat(3), i))) {
                return i + (triple ? 3 : 1);
            } else {
                i++;
            }
        }
        return -1;
    }
}
