package dev.hbi.internal.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.Tuple;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Landed values converted to declared Java types, and refused when that would lose information. */
class ConversionsTest {

    enum Color { RED, GREEN }

    record SharedFile(long size, String name) {
    }

    @SuppressWarnings("unused")
    private static List<SharedFile> listOfFiles;

    @SuppressWarnings("unused")
    private static List<Integer> listOfInts;
    @SuppressWarnings("unused")
    private static Map<String, List<Long>> mapOfLists;
    @SuppressWarnings("unused")
    private static Set<? extends Number> setOfNumbers;
    @SuppressWarnings("unused")
    private static Optional<String> optionalString;

    private static Type type(String field) throws NoSuchFieldException {
        return ConversionsTest.class.getDeclaredField(field).getGenericType();
    }

    @Test
    void widensAndNarrowsIntegersWithinRange() {
        assertThat(Conversions.convert(7, long.class, "x")).isEqualTo(7L);
        assertThat(Conversions.convert(7L, int.class, "x")).isEqualTo(7);
        assertThat(Conversions.convert(-128, byte.class, "x")).isEqualTo((byte) -128);
        assertThat(Conversions.convert(new BigInteger("9223372036854775807"), long.class, "x"))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(Conversions.convert(5, BigInteger.class, "x")).isEqualTo(BigInteger.valueOf(5));
        assertThat(Conversions.convert(5, double.class, "x")).isEqualTo(5.0);
        assertThat(Conversions.convert(1.5, BigDecimal.class, "x")).isEqualTo(new BigDecimal("1.5"));
        assertThat(Conversions.convert(5, Number.class, "x")).isEqualTo(5);
    }

    @Test
    void refusesIntegersOutOfRangeNamingTheValueAndType() {
        assertThatThrownBy(() -> Conversions.convert(128, byte.class, "argument 'b'"))
                .hasMessage("argument 'b': 128 is out of range for byte");
        assertThatThrownBy(() -> Conversions.convert(new BigInteger("9223372036854775808"), long.class, "x"))
                .hasMessage("x: 9223372036854775808 is out of range for long");
    }

    @Test
    void refusesAFloatForAnInteger() {
        assertThatThrownBy(() -> Conversions.convert(3.0, int.class, "x"))
                .hasMessage("x: expected int, got the float 3.0, which is not an integer");
    }

    @Test
    void refusesNoneForAPrimitiveButAcceptsItForAnObject() {
        assertThatThrownBy(() -> Conversions.convert(null, int.class, "x")).hasMessage("x: expected int, got None");
        assertThat(Conversions.convert(null, Integer.class, "x")).isNull();
        assertThat(Conversions.convert(null, String.class, "x")).isNull();
    }

    @Test
    void refusesMismatchedKindsShowingWhatArrived() {
        assertThatThrownBy(() -> Conversions.convert("7", int.class, "x")).hasMessage("x: expected int, got str '7'");
        assertThatThrownBy(() -> Conversions.convert(1, String.class, "x")).hasMessage("x: expected String, got int 1");
        assertThatThrownBy(() -> Conversions.convert(1, boolean.class, "x")).hasMessage("x: expected boolean, got int 1");
        assertThatThrownBy(() -> Conversions.convert(true, int.class, "x")).hasMessage("x: expected int, got bool True");
        assertThatThrownBy(() -> Conversions.convert("x".repeat(100), int.class, "x"))
                .hasMessageEndingWith("...");
    }

    @Test
    void convertsSingleCharacterStringsToChar() {
        assertThat(Conversions.convert("é", char.class, "x")).isEqualTo('é');
        assertThatThrownBy(() -> Conversions.convert("ab", char.class, "x")).hasMessageContaining("expected char");
        assertThatThrownBy(() -> Conversions.convert("😀", char.class, "x")).hasMessageContaining("expected char");
    }

    @Test
    void convertsEnumsByName() {
        assertThat(Conversions.convert("GREEN", Color.class, "x")).isEqualTo(Color.GREEN);
        assertThatThrownBy(() -> Conversions.convert("BLUE", Color.class, "x"))
                .hasMessage("x: 'BLUE' is not a constant of Color; expected one of [RED, GREEN]");
    }

    @Test
    void convertsCollectionElementsToTheirDeclaredTypes() throws Exception {
        assertThat(Conversions.convert(List.of(1L, 2L), type("listOfInts"), "x")).isEqualTo(List.of(1, 2));
        assertThat(Conversions.convert(Tuple.of(1, 2), type("listOfInts"), "x")).isEqualTo(List.of(1, 2));
        Map<Object, Object> landed = new LinkedHashMap<>();
        landed.put("a", List.of(1, 2));
        assertThat(Conversions.convert(landed, type("mapOfLists"), "x")).isEqualTo(Map.of("a", List.of(1L, 2L)));
        assertThat(Conversions.convert(List.of(1, 2.5), type("setOfNumbers"), "x")).isEqualTo(Set.of(1, 2.5));
        assertThatThrownBy(() -> Conversions.convert(List.of(1, "two"), type("listOfInts"), "arg"))
                .hasMessage("arg[1]: expected Integer, got str 'two'");
    }

    @Test
    void buildsRecordsFromDictsByNameAndFromListsByPosition() throws Exception {
        assertThat(Conversions.convert(Map.of("size", 3000, "name", "a.bin"), SharedFile.class, "x"))
                .isEqualTo(new SharedFile(3000, "a.bin"));
        // hbichat's ListFiles answers [[size, name], ...]
        assertThat(Conversions.convert(List.of(List.of(3000, "a.bin"), Tuple.of(5, "b")), type("listOfFiles"), "x"))
                .isEqualTo(List.of(new SharedFile(3000, "a.bin"), new SharedFile(5, "b")));
        assertThatThrownBy(() -> Conversions.convert(List.of(3000), SharedFile.class, "answer"))
                .hasMessage("answer: SharedFile has 2 components, the list 1 items");
        assertThatThrownBy(() -> Conversions.convert(List.of("big", "a.bin"), SharedFile.class, "answer"))
                .hasMessage("answer.size: expected long, got str 'big'");
        assertThatThrownBy(() -> Conversions.convert(Map.of("size", 1, "mode", "x"), SharedFile.class, "answer"))
                .hasMessage("answer: SharedFile has no component 'mode'");
    }

    @Test
    void convertsListsToArraysAndKeepsBytes() {
        assertThat(Conversions.convert(List.of(1, 2), int[].class, "x")).isEqualTo(new int[] {1, 2});
        assertThat(Conversions.convert(List.of("a"), String[].class, "x")).isEqualTo(new String[] {"a"});
        byte[] bytes = {1, 2};
        byte[] converted = Conversions.convert(bytes, byte[].class, "x");
        assertThat(converted).isEqualTo(bytes).isNotSameAs(bytes);
        assertThatThrownBy(() -> Conversions.convert(List.of(300), byte[].class, "x"))
                .hasMessage("x[0]: 300 is out of range for byte");
    }

    @Test
    void wrapsOptionalValues() throws Exception {
        assertThat(Conversions.convert(null, type("optionalString"), "x")).isEqualTo(Optional.empty());
        assertThat(Conversions.convert("a", type("optionalString"), "x")).isEqualTo(Optional.of("a"));
    }

    @Test
    void passesAnyValueToObject() {
        List<Object> value = Arrays.asList(1, null);
        assertThat(Conversions.convert(value, Object.class, "x")).isSameAs(value);
    }

    @Test
    void describesValuesByPythonKindAndLiteral() {
        assertThat(Conversions.describe(null)).isEqualTo("None");
        assertThat(Conversions.describe(Tuple.of(1))).isEqualTo("tuple (1,)");
        assertThat(Conversions.describe(Map.of("k", 1))).isEqualTo("dict {'k': 1}");
        assertThat(Conversions.describe(new Object())).startsWith("java.lang.Object ");
    }
}
