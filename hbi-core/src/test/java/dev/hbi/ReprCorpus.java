package dev.hbi;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Values whose literals both the built-in lander and Python must land back: every kind {@link Repr}
 * writes, with the awkward cases of each, plus seeded random floats and strings. Sets keep the order
 * Python prints them in, so that Python's repr can be compared as text.
 */
final class ReprCorpus {

    /** A custom value, landed through an exposed constructor; the Python side defines a twin. */
    record Point(int x, Object y) {
    }

    /** Code point ranges whose printability has not changed between Java 21's and Python 3.8's Unicode. */
    private static final int[][] STABLE_RANGES = {
        {0x00, 0x7f}, {0x80, 0xff}, {0x100, 0x24f}, {0x370, 0x3ff}, {0x2000, 0x206f}, {0x4e00, 0x9fa5},
        {0xd800, 0xdfff}, {0xe000, 0xe0ff}, {0xfff0, 0xffff}, {0x1f600, 0x1f64f},
    };

    private ReprCorpus() {
    }

    static List<Object> values() {
        List<Object> values = new ArrayList<>(Arrays.asList(
                null, true, false, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE,
                BigInteger.TWO.pow(64), BigInteger.TWO.pow(100).negate(), BigInteger.TEN.pow(4299),
                0.0, -0.0, 1.5, 100.0, 0.1, 1e16, 1e15, 1e-5, 1e-4, 5e-324, Double.MAX_VALUE, 1e300, 123456789.0,
                1e22, (double) 0.1f, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                "", "bob", "it's", "say \"hi\"", "both ' and \"", "\\", "\n\r\t", "\u0000\u001b\u007f",
                "\u0085\u00a0\u00ad", "\u2028\u2029\u200b\u3000\ue000", "é😀中", "\ud800", "a\udc80b", "#[{(",
                "'''", "\"\"\"", "\\N{EM DASH}",
                new byte[0], new byte[] {0, (byte) 255, '\'', '"', '\\', 'a', '\n'},
                Tuple.EMPTY, Tuple.of(1), Tuple.of(1, Tuple.of(2, null)),
                List.of(), List.of(1, List.of(2, List.of(3))), Arrays.asList(null, "x"),
                new LinkedHashSet<>(), new LinkedHashSet<>(List.of(1, 2)), Set.of(Tuple.of(1, 2)),
                Map.of(), dict(), new Point(1, "a"), List.of(new Point(2, List.of(new Point(3, null))))));
        return values;
    }

    private static Map<Object, Object> dict() {
        Map<Object, Object> dict = new LinkedHashMap<>();
        dict.put("a", 1);
        dict.put(2, List.of(3));
        dict.put(Tuple.of(4, 5), null);
        dict.put(null, true);
        dict.put(-1.5, Map.of("nested", Tuple.EMPTY));
        return dict;
    }

    /** Random doubles of every magnitude, short decimals, subnormals and widened floats. */
    static List<Double> randomDoubles() {
        Random random = new Random(20240601);
        List<Double> doubles = new ArrayList<>();
        while (doubles.size() < 1000) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                doubles.add(d);
            }
        }
        for (int i = 0; i < 500; i++) {
            doubles.add(random.nextInt() / Math.pow(10, random.nextInt(25)));
        }
        for (int i = 0; i < 300; i++) {
            doubles.add(Double.longBitsToDouble(random.nextLong() >>> (12 + random.nextInt(52))));
        }
        for (int i = 0; i < 200; i++) {
            doubles.add((double) Float.intBitsToFloat(random.nextInt() & 0x7f7fffff));
        }
        return doubles;
    }

    /** Random strings of characters from {@link #STABLE_RANGES}, lone surrogates included. */
    static List<String> randomStrings() {
        Random random = new Random(7);
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                int[] range = STABLE_RANGES[random.nextInt(STABLE_RANGES.length)];
                text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
            }
            strings.add(text.toString());
        }
        return strings;
    }
}
