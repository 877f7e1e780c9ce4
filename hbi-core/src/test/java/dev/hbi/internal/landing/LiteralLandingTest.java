package dev.hbi.internal.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import dev.hbi.Tuple;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Verifies that every literal form of the landing subset lands as Python evaluates it. */
class LiteralLandingTest {

    private final HostingEnv env = HostingEnv.create();

    private Object land(String code) {
        return env.land(code);
    }

    @Test
    void landsConstantsInPythonJavaAndGoSpellings() {
        assertThat(land("[None, null, nil]")).isEqualTo(Arrays.asList(null, null, null));
        assertThat(land("[True, true, False, false]")).isEqualTo(List.of(true, true, false, false));
        assertThat(land("[nan, NaN]")).isEqualTo(List.of(Double.NaN, Double.NaN));
        assertThat(land("[inf, Inf, Infinity, -inf]")).isEqualTo(List.of(Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    @Test
    void landsIntegersAsTheSmallestTypeThatHoldsThem() {
        assertThat(land("2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(land("-2147483648")).isEqualTo(Integer.MIN_VALUE);
        assertThat(land("2147483648")).isEqualTo(2147483648L);
        assertThat(land("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(land("9223372036854775808")).isEqualTo(BigInteger.TWO.pow(63));
        assertThat(land("-(-9223372036854775808)")).isEqualTo(BigInteger.TWO.pow(63));
        assertThat(land("123456789012345678901234567890")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @Test
    void landsIntegersInEveryBaseWithUnderscores() {
        assertThat(land("[0, 00, 0_0, 1_000_000, 0xff, 0XFF, 0x_f, 0o17, 0O7_7, 0b101, 0B_1]"))
                .isEqualTo(List.of(0, 0, 0, 1_000_000, 255, 255, 15, 15, 63, 5, 1));
        assertThat(land("0x" + "f".repeat(40))).isEqualTo(BigInteger.TWO.pow(160).subtract(BigInteger.ONE));
    }

    @Test
    void landsIntegersUpToPythonsDigitLimit() {
        assertThat(land("9".repeat(4300))).isEqualTo(BigInteger.TEN.pow(4300).subtract(BigInteger.ONE));
        assertThatThrownBy(() -> land("x = " + "9".repeat(4301)))
                .isInstanceOf(LandingException.class)
                .hasMessageStartingWith("integer literal has 4301 digits, more than the limit of 4300 (Python's"
                        + " default int_max_str_digits); write huge integers in hexadecimal (line 1, column 5: 999");
    }

    @Test
    void landsEveryShortDecimalFloatExactlyAsTheJdkParsesIt() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            int digits = 1 + random.nextInt(17);
            StringBuilder literal = new StringBuilder();
            for (int d = 0; d < digits; d++) {
                literal.append((char) ('0' + random.nextInt(10)));
            }
            literal.insert(random.nextInt(digits + 1), '.');
            String text = literal.toString();
            assertThat(land(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
        // 15 digits or fewer take the division, 16 and more the JDK's parser
        assertThat(land("[0.1, 0.3, 2.675, 123456789012.345, 0.00000000000001, 99999999999999.9, 999999999999999.9]"))
                .isEqualTo(List.of(0.1, 0.3, 2.675, 123456789012.345, 1e-14, 99999999999999.9, 999999999999999.9));
    }

    @Test
    void landsFloatsInEveryPythonForm() {
        assertThat(land("[1.5, 1., .5, 1e10, 1E-5, 1_000.000_1, 1e1_0, 1.e2, 0.0, -0.0, 09.5, 1e400]"))
                .isEqualTo(List.of(1.5, 1.0, 0.5, 1e10, 1e-5, 1000.0001, 1e10, 100.0, 0.0, -0.0, 9.5,
                        Double.POSITIVE_INFINITY));
    }

    @Test
    void landsStringsInEveryQuoting() {
        assertThat(land("['a', \"b\", '''c'd''', \"\"\"e\"f\"\"\", u'g', U\"h\", '', \"\"]"))
                .isEqualTo(List.of("a", "b", "c'd", "e\"f", "g", "h", "", ""));
        assertThat(land("'''line 1\nline 2'''")).isEqualTo("line 1\nline 2");
    }

    @Test
    void landsEveryPythonStringEscape() {
        assertThat(land("'\\\\ \\' \\\" \\a \\b \\f \\n \\r \\t \\v'")).isEqualTo("\\ ' \" \u0007 \b \f \n \r \t \u000b");
        assertThat(land("'\\0 \\7 \\101 \\1010 \\777'")).isEqualTo("\u0000 \u0007 A A0 \u01ff");
        assertThat(land("'\\x41\\xe9 \\u2028 \\U0001F600 \\N{EM DASH}\\N{latin small letter a}'"))
                .isEqualTo("Aé \u2028 😀 —a");
        assertThat(land("'a\\\nb'")).isEqualTo("ab");
        assertThat(land("'a\\\r\nb'")).isEqualTo("ab");
    }

    @Test
    void keepsTheBackslashOfAnUnknownEscape() {
        assertThat(land("'\\q\\d\\ '")).isEqualTo("\\q\\d\\ ");
    }

    @Test
    void keepsBackslashesInRawStrings() {
        assertThat(land("[r'\\n', R'\\x', r'\\'', r\"\"\"\\\"\"\"\"]")).isEqualTo(List.of("\\n", "\\x", "\\'", "\\\""));
    }

    @Test
    void landsRawUtf8Text() {
        assertThat(land("'café ☕ 😀 中文'")).isEqualTo("café ☕ 😀 中文");
    }

    @Test
    void landsBytesLiterals() {
        assertThat(land("b'ab\\x00\\xff\\n\\101\\''")).isEqualTo(new byte[] {'a', 'b', 0, (byte) 0xff, '\n', 'A', '\''});
        assertThat(land("B\"\"")).isEqualTo(new byte[0]);
        assertThat(land("b'\\u1234\\N'")).isEqualTo("\\u1234\\N".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(land("[rb'\\n', Br'\\x', bR'a']")).satisfies(list -> {
            List<?> bytes = (List<?>) list;
            assertThat((byte[]) bytes.get(0)).containsExactly('\\', 'n');
            assertThat((byte[]) bytes.get(1)).containsExactly('\\', 'x');
            assertThat((byte[]) bytes.get(2)).containsExactly('a');
        });
        assertThat(land("b'\\777'")).isEqualTo(new byte[] {(byte) 0xff});
    }

    @Test
    void concatenatesAdjacentStringLiterals() {
        assertThat(land("'a' \"b\" '''c'''")).isEqualTo("abc");
        assertThat(land("b'a' b'b'")).isEqualTo(new byte[] {'a', 'b'});
        assertThat(land("('a'\n 'b')")).isEqualTo("ab");
    }

    @Test
    void landsListsAsMutableArrayLists() {
        Object list = land("[1, [2, 3], [],]");
        assertThat(list).isInstanceOf(ArrayList.class).isEqualTo(List.of(1, List.of(2, 3), List.of()));
        assertThat(((List<?>) list).add(null)).isTrue();
    }

    @Test
    void landsTuplesInEveryForm() {
        assertThat(land("()")).isSameAs(Tuple.EMPTY);
        assertThat(land("(1,)")).isEqualTo(Tuple.of(1)).isInstanceOf(Tuple.class);
        assertThat(land("(1, 'a', None)")).isEqualTo(Tuple.of(1, "a", null));
        assertThat(land("(1)")).isEqualTo(1);
        assertThat(land("1, 2")).isEqualTo(Tuple.of(1, 2));
    }

    @Test
    void landsDictsInInsertionOrderWithAnyHashableKeys() {
        Object dict = land("{'b': 1, 2: 'x', (3, 4): [5], None: None, 1.5: True, 'b': 2,}");
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put("b", 2);
        expected.put(2, "x");
        expected.put(Tuple.of(3, 4), List.of(5));
        expected.put(null, null);
        expected.put(1.5, true);
        assertThat(dict).isInstanceOf(LinkedHashMap.class).isEqualTo(expected);
        assertThat(new ArrayList<Object>(((Map<?, ?>) dict).keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
        assertThat(land("{}")).isEqualTo(Map.of());
    }

    @Test
    void landsSetsAsLinkedHashSets() {
        Object set = land("{3, 1, 2, 1, (4,),}");
        assertThat(set).isInstanceOf(LinkedHashSet.class);
        assertThat(new ArrayList<Object>((LinkedHashSet<?>) set)).isEqualTo(List.of(3, 1, 2, Tuple.of(4)));
    }

    @Test
    void appliesUnarySignsToNumbers() {
        assertThat(land("[-1, +1, -1.5, - 2, -0x10, --3, -float('inf'), -(1)]"))
                .isEqualTo(List.of(-1, 1, -1.5, -2, -16, 3, Double.NEGATIVE_INFINITY, -1));
    }
}
