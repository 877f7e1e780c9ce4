package dev.hbi.internal.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.LandingException;
import dev.hbi.Repr;
import dev.hbi.internal.landing.Ast.Assignment;
import dev.hbi.internal.landing.Ast.Call;
import dev.hbi.internal.landing.Ast.Dict;
import dev.hbi.internal.landing.Ast.Display;
import dev.hbi.internal.landing.Ast.Evaluation;
import dev.hbi.internal.landing.Ast.Literal;
import dev.hbi.internal.landing.Ast.Name;
import dev.hbi.internal.landing.Ast.Node;
import dev.hbi.internal.landing.Ast.Statement;
import dev.hbi.internal.landing.Ast.Unary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ParserTest {

    private static String parse(String code) {
        return parse(code, 100);
    }

    /** Renders the parsed tree of some code, statements separated by " ; ". */
    private static String parse(String code, int maxNesting) {
        return Arrays.stream(Parser.parse(new Source(code), maxNesting).statements())
                .map(ParserTest::show)
                .collect(Collectors.joining(" ; "));
    }

    private static String show(Statement statement) {
        return switch (statement) {
            case Assignment a -> Arrays.stream(a.targets()).map(Name::name).collect(Collectors.joining(" = "))
                    + " = " + show(a.value());
            case Evaluation e -> show(e.expression());
        };
    }

    private static String show(Node node) {
        return switch (node) {
            case Literal l when l.value() == null -> "None";
            case Literal l -> "<" + l.value().getClass().getSimpleName() + " " + Repr.repr(l.value()) + ">";
            case Name n -> n.name();
            case Call c -> c.name() + "(" + arguments(c) + ")";
            case Display d -> switch (d.shape()) {
                case LIST -> "[" + all(d.items()) + "]";
                case TUPLE -> "(" + all(d.items()) + (d.items().length == 1 ? ",)" : ")");
                case SET -> "{" + all(d.items()) + "}";
            };
            case Dict d -> {
                List<String> entries = new ArrayList<>();
                for (int i = 0; i < d.keys().length; i++) {
                    entries.add(show(d.keys()[i]) + ": " + show(d.values()[i]));
                }
                yield "{" + String.join(", ", entries) + "}";
            }
            case Unary u -> (u.negative() ? "-" : "+") + "(" + show(u.operand()) + ")";
        };
    }

    private static String arguments(Call call) {
        List<String> shown = new ArrayList<>();
        int positional = call.arguments().length - call.keywords().length;
        for (int i = 0; i < call.arguments().length; i++) {
            String prefix = i < positional ? "" : call.keywords()[i - positional] + "=";
            shown.add(prefix + show(call.arguments()[i]));
        }
        return String.join(", ", shown);
    }

    private static String all(Node[] nodes) {
        return Arrays.stream(nodes).map(ParserTest::show).collect(Collectors.joining(", "));
    }

    @Test
    void parsesStatementsSeparatedBySemicolonsNewlinesAndBlankLines() {
        assertThat(parse("\n  a = 1;b = a\n\n# comment\n;f(b);\r\n")).isEqualTo(
                "a = <Integer 1> ; b = a ; f(b)");
    }

    @Test
    void parsesChainedAssignmentAndBareTuples() {
        assertThat(parse("a = b = 1, 'x',")).isEqualTo("a = b = (<Integer 1>, <String 'x'>)");
        assertThat(parse("1,")).isEqualTo("(<Integer 1>,)");
    }

    @Test
    void foldsSignsIntoNumberLiterals() {
        assertThat(parse("-2147483648; 2147483648; --1; -+-1.5; -9223372036854775808")).isEqualTo(
                "<Integer -2147483648> ; <Long 2147483648> ; <Integer 1> ; <Double 1.5> ; <Long -9223372036854775808>");
    }

    @Test
    void keepsSignsOfValuesKnownOnlyWhenEvaluating() {
        assertThat(parse("-float('inf'); -+-x; +x")).isEqualTo("-(float(<String 'inf'>)) ; +(x) ; +(x)");
    }

    @Test
    void tellsParenthesesFromTuples() {
        assertThat(parse("(1); (1,); (); ((1)); ((1),)")).isEqualTo(
                "<Integer 1> ; (<Integer 1>,) ; () ; <Integer 1> ; (<Integer 1>,)");
    }

    @Test
    void parsesTheHbichatMessageCall() {
        assertThat(parse("Msg(('from'),('content'),(1795307779.0272496))")).isEqualTo(
                "Msg(<String 'from'>, <String 'content'>, <Double 1795307779.0272496>)");
    }

    @Test
    void parsesTheGoPeersMultiLineCallWithTrailingCommas() {
        assertThat(parse("MsgsInRoom(\"room\", [\n  Msg(\"a\",\"b\",15),\n  Msg(\"c\",\"d\",16),\n])\n")).isEqualTo(
                "MsgsInRoom(<String 'room'>, [Msg(<String 'a'>, <String 'b'>, <Integer 15>),"
                        + " Msg(<String 'c'>, <String 'd'>, <Integer 16>)])");
    }

    @Test
    void tellsDictsFromSets() {
        assertThat(parse("{}; {1: 'a', (2, 3): None,}; {1, 2,}; {1}")).isEqualTo(
                "{} ; {<Integer 1>: <String 'a'>, (<Integer 2>, <Integer 3>): None} ; {<Integer 1>, <Integer 2>} ;"
                        + " {<Integer 1>}");
    }

    @Test
    void parsesKeywordArgumentsAfterPositionalOnes() {
        assertThat(parse("f(1, x, key=[2], other=g(),)")).isEqualTo(
                "f(<Integer 1>, x, key=[<Integer 2>], other=g())");
    }

    @Test
    void concatenatesAdjacentLiteralsAcrossLinesInsideBrackets() {
        assertThat(parse("('a'\n 'b' \"c\")")).isEqualTo("<String 'abc'>");
        assertThat(parse("b'a' rb'\\n'")).isEqualTo("<byte[] b'a\\\\n'>");
    }

    @Test
    void readsConstantsAsLiterals() {
        assertThat(parse("[None, null, nil, True, true, False, false, nan, NaN, inf, Inf, Infinity]"))
                .isEqualTo("[None, None, None, <Boolean True>, <Boolean True>, <Boolean False>, <Boolean False>,"
                        + " <Double float('nan')>, <Double float('nan')>, <Double float('inf')>,"
                        + " <Double float('inf')>, <Double float('inf')>]");
    }

    @Test
    void parsesCrLfScripts() {
        assertThat(parse("x = [\r\n 1,\r\n]\r\ny = '''a\r\nb'''\r\n")).isEqualTo(
                "x = [<Integer 1>] ; y = <String 'a\\nb'>");
    }

    @Test
    void allowsNestingUpToTheLimit() {
        assertThat(parse("[[f(1)]]", 3)).isEqualTo("[[f(<Integer 1>)]]");
        assertThatThrownBy(() -> parse("[[f([1])]]", 3))
                .isInstanceOf(LandingException.class)
                .hasMessage("the code nests brackets and calls deeper than 3 levels (HbiConfig.maxNesting)"
                        + " (line 1, column 5: [1])]])");
    }

    @Test
    void nestingCountsOpenBracketsNotAllBrackets() {
        assertThat(parse("[[1], [2], [3], [[4]]]", 3)).isEqualTo(
                "[[<Integer 1>], [<Integer 2>], [<Integer 3>], [[<Integer 4>]]]");
    }
}
