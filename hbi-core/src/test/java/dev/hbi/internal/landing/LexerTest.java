package dev.hbi.internal.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.LandingException;
import dev.hbi.Repr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

    /** Renders the tokens of some code as "KIND value", the value in its Python literal form. */
    private static List<String> tokens(String code) {
        Lexer lexer = new Lexer(new Source(code));
        List<String> shown = new ArrayList<>();
        do {
            lexer.next();
            boolean valued = switch (lexer.kind()) {
                case NAME, NUMBER, STRING, BYTES, OPERATOR -> true;
                default -> false;
            };
            shown.add(lexer.kind() + (valued ? " " + Repr.repr(lexer.value()) : ""));
        } while (lexer.kind() != Tok.END);
        return shown;
    }

    @Test
    void tokenisesTheHelloClientScript() {
        assertThat(tokens("\nmy_name = 'Nick'\nhello()\n")).containsExactly(
                "NEWLINE", "NAME 'my_name'", "ASSIGN", "STRING 'Nick'", "NEWLINE",
                "NAME 'hello'", "LPAR", "RPAR", "NEWLINE", "END");
    }

    @Test
    void keepsHashAndBracketsInsideStrings() {
        assertThat(tokens("f('# not a comment', \"([{\") # a comment")).containsExactly(
                "NAME 'f'", "LPAR", "STRING '# not a comment'", "COMMA", "STRING '([{'", "RPAR", "END");
    }

    @Test
    void joinsLinesInsideBracketsButNotOutside() {
        assertThat(tokens("f(1,\n  2)\n[\n]")).containsExactly(
                "NAME 'f'", "LPAR", "NUMBER 1", "COMMA", "NUMBER 2", "RPAR", "NEWLINE", "LSQB", "RSQB", "END");
    }

    @Test
    void joinsLinesAfterBackslash() {
        assertThat(tokens("x = \\\n  1\\\r\n+")).containsExactly("NAME 'x'", "ASSIGN", "NUMBER 1", "PLUS", "END");
    }

    @Test
    void treatsCrLfAndLoneCrAsOneLineEnd() {
        assertThat(tokens("a\r\nb\rc")).containsExactly("NAME 'a'", "NEWLINE", "NAME 'b'", "NEWLINE", "NAME 'c'", "END");
    }

    @Test
    void keepsNewlinesOfTripleQuotedStringsAsLf() {
        assertThat(tokens("'''a\r\nb\rc\n# d'''")).containsExactly("STRING 'a\\nb\\nc\\n# d'", "END");
        assertThat(tokens("r'''\\\r\n'''")).containsExactly("STRING '\\\\\\n'", "END");
    }

    @Test
    void skipsCommentsIndentationAndAByteOrderMark() {
        assertThat(tokens("\uFEFF  # only a comment\n\t  x # trailing")).containsExactly(
                "NEWLINE", "NAME 'x'", "END");
    }

    @Test
    void readsStringPrefixesOnlyWhenAQuoteFollows() {
        assertThat(tokens("rb'\\x' b r u 'a' Br\"\\n\" U'x' ub")).containsExactly(
                "BYTES b'\\\\x'", "NAME 'b'", "NAME 'r'", "NAME 'u'", "STRING 'a'", "BYTES b'\\\\n'",
                "STRING 'x'", "NAME 'ub'", "END");
    }

    @Test
    void namesUnicodeIdentifiers() {
        assertThat(tokens("café = π")).containsExactly("NAME 'café'", "ASSIGN", "NAME 'π'", "END");
    }

    @Test
    void recognisesPythonOperatorsGreedily() {
        assertThat(tokens("a==b**=c->d...:=")).containsExactly(
                "NAME 'a'", "OPERATOR '=='", "NAME 'b'", "OPERATOR '**='", "NAME 'c'", "OPERATOR '->'",
                "NAME 'd'", "OPERATOR '...'", "OPERATOR ':='", "END");
        assertThat(tokens("x=-1;y:{*}.z")).containsExactly(
                "NAME 'x'", "ASSIGN", "MINUS", "NUMBER 1", "SEMI", "NAME 'y'", "COLON", "LBRACE", "STAR", "RBRACE",
                "DOT", "NAME 'z'", "END");
    }

    @Test
    void endsANumberAtADotThatStartsAnAttribute() {
        assertThat(tokens("1..x")).containsExactly("NUMBER 1.0", "DOT", "NAME 'x'", "END");
    }

    @Test
    void refusesCharactersPythonDoesNotKnow() {
        assertThatThrownBy(() -> tokens("x = $"))
                .isInstanceOf(LandingException.class)
                .hasMessage("invalid character '$' (U+0024) (line 1, column 5: $)");
        assertThatThrownBy(() -> tokens("x =\u00a01"))
                .hasMessage("invalid non-printable character (U+00A0) (line 1, column 4: \u00a0)");
    }

    @Test
    void refusesABackslashNotFollowedByANewline() {
        assertThatThrownBy(() -> tokens("x = 1 \\ 2"))
                .hasMessage("unexpected character after line continuation character '\\' (line 1, column 7: \\)");
        assertThatThrownBy(() -> tokens("x = \\"))
                .hasMessage("unexpected end of code after line continuation character '\\' (line 1, column 5: \\)");
    }
}
