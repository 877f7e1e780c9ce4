package dev.hbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReprTest {

    record Msg(String from, String content, double time) {
    }

    record Empty() {
    }

    @Test
    void writesNoneAndBooleansAsPython() {
        assertThat(Repr.repr(null)).isEqualTo("None");
        assertThat(Repr.repr(true)).isEqualTo("True");
        assertThat(Repr.repr(false)).isEqualTo("False");
    }

    @Test
    void writesEveryIntegerTypeInDecimal() {
        assertThat(Repr.repr((byte) -5)).isEqualTo("-5");
        assertThat(Repr.repr((short) 300)).isEqualTo("300");
        assertThat(Repr.repr(Integer.MIN_VALUE)).isEqualTo("-2147483648");
        assertThat(Repr.repr(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
        assertThat(Repr.repr(BigInteger.TWO.pow(100))).isEqualTo("1267650600228229401496703205376");
        assertThat(Repr.repr(new AtomicInteger(7))).isEqualTo("7");
        assertThat(Repr.repr(new AtomicLong(-8))).isEqualTo("-8");
    }

    @Test
    void writesIntegersBeyondPythonsDigitLimitInHexadecimal() {
        assertThat(Repr.repr(BigInteger.TEN.pow(4299))).hasSize(4300).startsWith("1000");
        assertThat(Repr.repr(BigInteger.TEN.pow(4300))).startsWith("0x").hasSize(2 + 3572);
        assertThat(Repr.repr(BigInteger.TEN.pow(4300).negate())).startsWith("-0x");
    }

    @Test
    void writesFloatsExactlyAsPythonsRepr() {
        assertThat(Repr.repr(1e16)).isEqualTo("1e+16");
        assertThat(Repr.repr(1e15)).isEqualTo("1000000000000000.0");
        assertThat(Repr.repr(1e-5)).isEqualTo("1e-05");
        assertThat(Repr.repr(1e-4)).isEqualTo("0.0001");
        assertThat(Repr.repr(5e-324)).isEqualTo("5e-324");
        assertThat(Repr.repr(1e-323)).isEqualTo("1e-323");
        assertThat(Repr.repr(1.7976931348623157e308)).isEqualTo("1.7976931348623157e+308");
        assertThat(Repr.repr(0.1)).isEqualTo("0.1");
        assertThat(Repr.repr(-0.0)).isEqualTo("-0.0");
        assertThat(Repr.repr(0.0)).isEqualTo("0.0");
        assertThat(Repr.repr(1e300)).isEqualTo("1e+300");
        assertThat(Repr.repr(123456789.0)).isEqualTo("123456789.0");
        assertThat(Repr.repr(1e22)).isEqualTo("1e+22");
        assertThat(Repr.repr(1.5)).isEqualTo("1.5");
        assertThat(Repr.repr(100.0)).isEqualTo("100.0");
        assertThat(Repr.repr(-2.5e-7)).isEqualTo("-2.5e-07");
        assertThat(Repr.repr(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Repr.repr(1.5f)).isEqualTo("1.5");
        assertThat(Repr.repr(0.1f)).isEqualTo("0.10000000149011612");
    }

    @Test
    void writesNonFiniteFloatsAsCallsOfFloat() {
        assertThat(Repr.repr(Double.NaN)).isEqualTo("float('nan')");
        assertThat(Repr.repr(Double.POSITIVE_INFINITY)).isEqualTo("float('inf')");
        assertThat(Repr.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-float('inf')");
        assertThat(Repr.repr(Float.NaN)).isEqualTo("float('nan')");
    }

    @Test
    void writesBigDecimalsAsDecimalFloats() {
        assertThat(Repr.repr(new BigDecimal("12.50"))).isEqualTo("12.50");
        assertThat(Repr.repr(new BigDecimal("12"))).isEqualTo("12.0");
        assertThat(Repr.repr(new BigDecimal("1E+3"))).isEqualTo("1000.0");
        assertThat(Repr.repr(new BigDecimal("-1E+1000000"))).isEqualTo("-1E+1000000");
    }

    @Test
    void writesStringsWithPythonsQuoteChoice() {
        assertThat(Repr.repr("bob")).isEqualTo("'bob'");
        assertThat(Repr.repr("it's")).isEqualTo("\"it's\"");
        assertThat(Repr.repr("say \"hi\"")).isEqualTo("'say \"hi\"'");
        assertThat(Repr.repr("it's \"hi\"")).isEqualTo("'it\\'s \"hi\"'");
        assertThat(Repr.repr("")).isEqualTo("''");
        assertThat(Repr.repr('x')).isEqualTo("'x'");
    }

    @Test
    void escapesStringsAsPythonsRepr() {
        assertThat(Repr.repr("a\\b\n\r\t")).isEqualTo("'a\\\\b\\n\\r\\t'");
        assertThat(Repr.repr("\u0000\u001b\u007f")).isEqualTo("'\\x00\\x1b\\x7f'");
        assertThat(Repr.repr("\u0085\u00a0\u00ad")).isEqualTo("'\\x85\\xa0\\xad'");
        assertThat(Repr.repr("\u2028\u2029\u200b\u3000\ue000")).isEqualTo("'\\u2028\\u2029\\u200b\\u3000\\ue000'");
        assertThat(Repr.repr("\udb80\udc00")).isEqualTo("'\\U000f0000'");
    }

    @Test
    void keepsPrintableNonAsciiTextRaw() {
        assertThat(Repr.repr("café ☕ 😀 中文 é")).isEqualTo("'café ☕ 😀 中文 é'");
    }

    @Test
    void escapesLoneSurrogates() {
        assertThat(Repr.repr("\ud800")).isEqualTo("'\\ud800'");
        assertThat(Repr.repr("a\udc80b")).isEqualTo("'a\\udc80b'");
    }

    @Test
    void writesBytesAsPythonsRepr() {
        assertThat(Repr.repr(new byte[0])).isEqualTo("b''");
        assertThat(Repr.repr(new byte[] {'a', 0, (byte) 0xff, '\\', '\n', '\r', '\t', 0x7f}))
                .isEqualTo("b'a\\x00\\xff\\\\\\n\\r\\t\\x7f'");
        assertThat(Repr.repr(new byte[] {'\''})).isEqualTo("b\"'\"");
        assertThat(Repr.repr(new byte[] {'\'', '"'})).isEqualTo("b'\\'\"'");
    }

    @Test
    void writesListsTuplesSetsAndDicts() {
        assertThat(Repr.repr(List.of(1, "a", List.of()))).isEqualTo("[1, 'a', []]");
        assertThat(Repr.repr(Tuple.EMPTY)).isEqualTo("()");
        assertThat(Repr.repr(Tuple.of(1))).isEqualTo("(1,)");
        assertThat(Repr.repr(Tuple.of(1, null))).isEqualTo("(1, None)");
        assertThat(Repr.repr(new LinkedHashSet<>(List.of(3, 1)))).isEqualTo("{3, 1}");
        assertThat(Repr.repr(Set.of())).isEqualTo("set()");
        Map<Object, Object> dict = new LinkedHashMap<>();
        dict.put("a", 1);
        dict.put(Tuple.of(4, 5), null);
        dict.put(null, List.of(2.5));
        assertThat(Repr.repr(dict)).isEqualTo("{'a': 1, (4, 5): None, None: [2.5]}");
        assertThat(Repr.repr(Map.of())).isEqualTo("{}");
    }

    @Test
    void writesArraysAsLists() {
        assertThat(Repr.repr(new Object[] {1, "a", null})).isEqualTo("[1, 'a', None]");
        assertThat(Repr.repr(new int[] {1, 2})).isEqualTo("[1, 2]");
        assertThat(Repr.repr(new double[] {0.5})).isEqualTo("[0.5]");
        assertThat(Repr.repr(new boolean[] {true})).isEqualTo("[True]");
        assertThat(Repr.repr(new char[] {'a'})).isEqualTo("['a']");
        assertThat(Repr.repr(new long[0])).isEqualTo("[]");
    }

    @Test
    void writesRecordsAsConstructorCalls() {
        assertThat(Repr.repr(new Msg("bob", "it's", 1.5))).isEqualTo("Msg('bob', \"it's\", 1.5)");
        assertThat(Repr.repr(new Empty())).isEqualTo("Empty()");
        assertThat(Repr.repr(List.of(new Msg("a", "b", 1e16)))).isEqualTo("[Msg('a', 'b', 1e+16)]");
    }

    @Test
    void refusesValuesWithoutALiteralForm() {
        assertThatThrownBy(() -> Repr.repr(Thread.currentThread()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no literal form for java.lang.Thread");
        assertThatThrownBy(() -> Repr.repr(List.of(1, new Object())))
                .hasMessage("no literal form for java.lang.Object");
    }

    @Test
    void refusesCyclicValuesWithoutOverflowingTheStack() {
        List<Object> list = new ArrayList<>();
        list.add(list);
        assertThatThrownBy(() -> Repr.repr(list))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the value nests more than 1000 levels deep; is it cyclic?");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("self", List.of(map));
        assertThatThrownBy(() -> Repr.repr(map)).isInstanceOf(IllegalArgumentException.class);
    }
}
