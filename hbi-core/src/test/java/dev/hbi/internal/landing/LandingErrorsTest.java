package dev.hbi.internal.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import dev.hbi.Repr;
import org.junit.jupiter.api.Test;

/** Verifies that code outside the landing subset is refused with a message that names what and where. */
class LandingErrorsTest {

    private static final String NOT_SUPPORTED = " not supported by the built-in lander";

    private final HostingEnv env = HostingEnv.create().expose("f", args -> 1).exposeValue("v", 1);

    private LandingException refusal(String code) {
        try {
            Object landed = env.land(code);
            return fail("landed " + Repr.repr(code) + " as " + landed);
        } catch (LandingException e) {
            return e;
        }
    }

    @Test
    void refusesAttributeAccessWithPosition() {
        LandingException e = refusal("x = 1; y = os.system('ls')");
        assertThat(e).hasMessage("attribute access is" + NOT_SUPPORTED + " (line 1, column 12: os.system)");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(12);
        assertThat(e.excerpt()).contains("os.system");
        assertThat(refusal("'a'.join([])")).hasMessage("attribute access is" + NOT_SUPPORTED + " (line 1, column 1: 'a'.join)");
        assertThat(refusal("f().x")).hasMessage("attribute access is" + NOT_SUPPORTED + " (line 1, column 1: f().x)");
    }

    @Test
    void refusesSubscriptsAndCallsOfValues() {
        assertThat(refusal("v[0]")).hasMessage("subscripts (x[...]) are" + NOT_SUPPORTED + " (line 1, column 1: v[0])");
        assertThat(refusal("f()()")).hasMessage("only exposed names can be called: calling the value of an expression is"
                + NOT_SUPPORTED + " (line 1, column 1: f()())");
    }

    @Test
    void refusesOperatorsOtherThanUnarySigns() {
        assertThat(refusal("x = 1 + 2")).hasMessage("operator '+' is" + NOT_SUPPORTED
                + ": only unary + and - on numbers are (line 1, column 5: 1 + 2)");
        assertThat(refusal("v == 1")).hasMessageStartingWith("operator '==' is" + NOT_SUPPORTED);
        assertThat(refusal("~1")).hasMessageStartingWith("operator '~' is" + NOT_SUPPORTED);
        assertThat(refusal("2 ** 3")).hasMessageStartingWith("operator '**' is" + NOT_SUPPORTED);
        assertThat(refusal("x += 1")).hasMessage("augmented assignment (+=) is" + NOT_SUPPORTED + " (line 1, column 1: x += 1)");
        assertThat(refusal("(y := 1)")).hasMessageStartingWith("assignment expressions (:=) are" + NOT_SUPPORTED);
        assertThat(refusal("...")).hasMessageStartingWith("the Ellipsis (...) is" + NOT_SUPPORTED);
    }

    @Test
    void refusesStatementsAndExpressionsPythonHasButTheSubsetDoesNot() {
        assertThat(refusal("lambda: 1")).hasMessage("lambda expressions are" + NOT_SUPPORTED + " (line 1, column 1: lambda: 1)");
        assertThat(refusal("def g(): pass")).hasMessageStartingWith("function definitions (def) are" + NOT_SUPPORTED);
        assertThat(refusal("import os")).hasMessageStartingWith("import statements are" + NOT_SUPPORTED);
        assertThat(refusal("from os import path")).hasMessageStartingWith("import statements are" + NOT_SUPPORTED);
        assertThat(refusal("class A: pass")).hasMessageStartingWith("class definitions are" + NOT_SUPPORTED);
        assertThat(refusal("[x for x in v]")).hasMessage("comprehensions and for loops are" + NOT_SUPPORTED
                + " (line 1, column 4: for x in v])");
        assertThat(refusal("1 if v else 2")).hasMessageStartingWith("if statements and conditional expressions");
        assertThat(refusal("not v")).hasMessageStartingWith("boolean operators (and, or, not) are" + NOT_SUPPORTED);
        assertThat(refusal("v in v")).hasMessageStartingWith("comparison operators (in, is) are" + NOT_SUPPORTED);
        assertThat(refusal("await f()")).hasMessageStartingWith("await is" + NOT_SUPPORTED);
    }

    @Test
    void refusesUnpacking() {
        assertThat(refusal("f(*v)")).hasMessage("unpacking (*args, **kwargs) is" + NOT_SUPPORTED + " (line 1, column 3: *v))");
        assertThat(refusal("f(**v)")).hasMessageStartingWith("unpacking (*args, **kwargs) is" + NOT_SUPPORTED);
        assertThat(refusal("[*v]")).hasMessageStartingWith("unpacking (*args, **kwargs) is" + NOT_SUPPORTED);
        assertThat(refusal("{**v}")).hasMessageStartingWith("unpacking (*args, **kwargs) is" + NOT_SUPPORTED);
        assertThat(refusal("a, b = 1, 2")).hasMessage("unpacking assignment is" + NOT_SUPPORTED
                + ": assign one name at a time (line 1, column 1: a, b)");
    }

    @Test
    void refusesCallsWithArgumentsInPythonsWrongOrder() {
        assertThat(refusal("f(a=1, 2)")).hasMessage("positional argument follows keyword argument (line 1, column 8: 2)");
        assertThat(refusal("f(a=1, a=2)")).hasMessage("keyword argument repeated: a (line 1, column 8: a)");
        assertThat(refusal("f('a'=2)")).hasMessage("a keyword argument needs a plain name before '=' (line 1, column 3: 'a')");
    }

    @Test
    void refusesNamesThatAreNeitherExposedNorAssigned() {
        assertThat(refusal("x = 1\nnope(x)")).hasMessage("name 'nope' is not defined: only exposed names and variables"
                + " assigned by the peer can be used (line 2, column 1: nope(x))");
        assertThat(refusal("[1, nope]")).hasMessageStartingWith("name 'nope' is not defined")
                .hasMessageEndingWith("(line 1, column 5: nope)");
    }

    @Test
    void tellsWhyANameCannotBeUsedThatWay() {
        assertThat(refusal("x = f")).hasMessage("f is a function; call it, as in f(...) (line 1, column 5: f)");
        assertThat(refusal("v()")).hasMessage("'v' is an exposed value, not a function, so it cannot be called"
                + " (line 1, column 1: v())");
        env.land("mine = 1");
        assertThat(refusal("mine()")).hasMessageStartingWith("'mine' is a variable assigned by the peer, not a function");
        assertThat(refusal("None()")).hasMessageStartingWith("'None' is a constant, not a function");
    }

    @Test
    void refusesNamesStartingWithTwoUnderscores() {
        assertThat(refusal("__import__('os')")).hasMessage("names starting with __ are reserved (line 1, column 1: __import__)");
        assertThat(refusal("__x = 1")).hasMessageStartingWith("names starting with __ are reserved");
        assertThat(refusal("f(__class__)")).hasMessageStartingWith("names starting with __ are reserved");
    }

    @Test
    void refusesAssignmentsToWhatIsNotAVariable() {
        assertThat(refusal("x = 1; f = 2")).hasMessage("cannot assign to 'f': the name is exposed by the host"
                + " (line 1, column 8: f)");
        assertThat(refusal("None = 1")).hasMessage("cannot assign to None: it is a constant (line 1, column 1: None)");
        assertThat(refusal("1 = v")).hasMessageStartingWith("cannot assign to a literal");
        assertThat(refusal("f() = 1")).hasMessageStartingWith("cannot assign to a function call");
        assertThat(env.isAssigned("x")).isTrue();
    }

    @Test
    void refusesUnhashableKeysAsPythonRaisesTypeError() {
        assertThat(refusal("{[1]: 2}")).hasMessage("unhashable type: 'list' cannot be a dict key (line 1, column 2: [1])");
        assertThat(refusal("{{1}: 2}")).hasMessageStartingWith("unhashable type: 'set' cannot be a dict key");
        assertThat(refusal("{{}}")).hasMessageStartingWith("unhashable type: 'dict' cannot be a set element");
        assertThat(refusal("{(1, [2])}")).hasMessageStartingWith("unhashable type: 'list' cannot be a set element");
        assertThat(refusal("{b'a': 1}")).hasMessageStartingWith("bytes cannot be a dict key here: Java arrays compare by"
                + " identity");
    }

    @Test
    void refusesUnarySignsOnWhatIsNotANumber() {
        assertThat(refusal("-'a'")).hasMessage("bad operand for unary -: str 'a' is not a number (line 1, column 1: -'a')");
        assertThat(refusal("+[1]")).hasMessageStartingWith("bad operand for unary +: list [1] is not a number");
        assertThat(refusal("-True")).hasMessageStartingWith("bad operand for unary -: bool True is not a number");
        env.land("s = 'x'");
        assertThat(refusal("-s")).hasMessage("bad operand for unary -: str 'x' is not a number (line 1, column 1: -s)");
    }

    @Test
    void refusesMalformedNumbersAsPythonDoes() {
        assertThat(refusal("012")).hasMessage("leading zeros in decimal integer literals are not permitted; use an 0o"
                + " prefix for octal integers (line 1, column 1: 012)");
        assertThat(refusal("1abc")).hasMessage("invalid decimal literal (line 1, column 1: 1abc)");
        assertThat(refusal("1__0")).hasMessageStartingWith("invalid decimal literal");
        assertThat(refusal("1_")).hasMessageStartingWith("invalid decimal literal");
        assertThat(refusal("1e")).hasMessageStartingWith("invalid decimal literal: the exponent has no digits");
        assertThat(refusal("0x")).hasMessage("invalid hexadecimal literal (line 1, column 1: 0x)");
        assertThat(refusal("0b2")).hasMessageStartingWith("invalid binary literal");
        assertThat(refusal("0o8")).hasMessageStartingWith("invalid octal literal");
        assertThat(refusal("x = 1j")).hasMessage("complex numbers are not supported by the built-in lander"
                + " (line 1, column 5: 1j)");
    }

    @Test
    void refusesMalformedStringsAsPythonDoes() {
        assertThat(refusal("'abc")).hasMessage("unterminated string literal (line 1, column 1: 'abc)");
        assertThat(refusal("'ab\nc'")).hasMessageStartingWith("unterminated string literal");
        assertThat(refusal("x = '''abc\n")).hasMessage("unterminated triple-quoted string literal (line 1, column 5: '''abc)");
        assertThat(refusal("'\\x4'")).hasMessage("truncated \\xXX escape (line 1, column 2: \\x4')");
        assertThat(refusal("'\\u12'")).hasMessageStartingWith("truncated \\uXXXX escape");
        assertThat(refusal("'\\U00110000'")).hasMessageStartingWith("illegal Unicode character in \\U escape");
        assertThat(refusal("'\\N{NO SUCH}'")).hasMessageStartingWith("unknown Unicode character name in \\N{NO SUCH}");
        assertThat(refusal("'\\N'")).hasMessageStartingWith("malformed \\N character escape");
        assertThat(refusal("f'{v}'")).hasMessage("f-strings are not supported by the built-in lander: send the formatted"
                + " string (line 1, column 1: f'{v}')");
        assertThat(refusal("b'é'")).hasMessageStartingWith("bytes can only contain ASCII literal characters");
        assertThat(refusal("'a' b'b'")).hasMessageStartingWith("cannot mix bytes and nonbytes literals");
    }

    @Test
    void reportsBracketsThatDoNotMatch() {
        assertThat(refusal("f(1,")).hasMessage("'(' was never closed (line 1, column 2: f(1,)");
        assertThat(refusal("x = [1,\n  {2: (3,")).hasMessage("'(' was never closed (line 2, column 7: {2: (3,)");
        assertThat(refusal("(1]")).hasMessage("closing ']' does not match opening '(' (line 1, column 3: ])");
        assertThat(refusal("1)")).hasMessage("unmatched ')' (line 1, column 2: ))");
        assertThat(refusal("{1: 2, 3}")).hasMessage("invalid syntax: unexpected '}' where ':' was expected after a dict key"
                + " (line 1, column 9: })");
    }

    @Test
    void reportsWhatWasUnexpected() {
        assertThat(refusal("f(1 2)")).hasMessage("invalid syntax: unexpected number 2 where ',' or ')' was expected"
                + " (line 1, column 5: 2))");
        assertThat(refusal("x = 1 v")).hasMessage("invalid syntax: unexpected name 'v' after a statement"
                + " (line 1, column 7: v)");
        assertThat(refusal("x =")).hasMessage("unexpected end of code where a value was expected (line 1, column 4: x =)");
        assertThat(refusal("x = $")).hasMessage("invalid character '$' (U+0024) (line 1, column 5: $)");
        assertThat(refusal("[,]")).hasMessage("invalid syntax: unexpected ',' where a value was expected"
                + " (line 1, column 2: ,])");
    }

    @Test
    void countsLinesOfEveryLineEnding() {
        assertThat(refusal("x = 1\r\ny = 2\r\nz = 1 +").line()).isEqualTo(3);
        assertThat(refusal("x = 1\ry = 2\rz = )").line()).isEqualTo(3);
        assertThat(refusal("x = '''a\nb'''\n  nope").line()).isEqualTo(3);
        assertThat(refusal("x = '''a\nb'''\n  nope").column()).isEqualTo(3);
    }
}
