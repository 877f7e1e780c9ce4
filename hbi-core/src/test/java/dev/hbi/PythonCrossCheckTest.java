package dev.hbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verifies, against a real {@code python3} (skipped when there is none), that Python lands every
 * literal {@link Repr} writes to a value whose repr is the same text, and that the built-in lander
 * lands what Python's repr writes. One Python process serves the whole class.
 */
class PythonCrossCheckTest {

    /**
     * Evaluates each input line and prints Python's repr of the result, one line each. Lines before
     * "---" are our literals, lines after it Python expressions. {@code Point} twins the corpus record.
     */
    private static final String SCRIPT = """
            import sys
            class Point:
                def __init__(self, x, y): self.args = (x, y)
                def __repr__(self): return 'Point(' + ', '.join(map(repr, self.args)) + ')'
            def show(line):
                try:
                    return repr(eval(line, {'Point': Point}))
                except Exception as e:
                    return 'ERROR ' + repr(type(e).__name__ + ': ' + str(e))
            lines = sys.stdin.read().split('\\n')[:-1]
            sys.stdout.write(''.join(show(line) + '\\n' for line in lines if line != '---'))
            """;

    /** Python expressions and the Java values their repr must land as. */
    private static final Map<String, Object> PYTHON_VALUES = pythonValues();

    private static final List<String> CORPUS = ReprCorpus.values().stream().map(Repr::repr).toList();
    private static final List<String> DOUBLES = ReprCorpus.randomDoubles().stream().map(Repr::repr).toList();
    private static final List<String> STRINGS = ReprCorpus.randomStrings().stream().map(Repr::repr).toList();

    private static List<String> python;

    @BeforeAll
    static void runPythonOnce() throws Exception {
        List<String> input = new ArrayList<>(CORPUS);
        input.addAll(DOUBLES);
        input.addAll(STRINGS);
        input.add("---");
        input.addAll(PYTHON_VALUES.keySet());
        python = runPython(input);
        assertThat(python).hasSize(input.size() - 1);
    }

    private static List<String> runPython(List<String> input) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("python3", "-c", SCRIPT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        Process process;
        try {
            process = builder.start();
        } catch (IOException notInstalled) {
            assumeTrue(false, "python3 is not on the PATH");
            return List.of();
        }
        try (Writer stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            for (String line : input) {
                stdin.write(line + "\n");
            }
        }
        List<String> output;
        try (BufferedReader stdout = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output = stdout.lines().toList();
        }
        assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    /** Python writes nan and inf where we write calls of float, which Python's builtins define. */
    private static String asPythonPrints(String ours) {
        return ours.replace("-float('inf')", "-inf").replace("float('inf')", "inf").replace("float('nan')", "nan");
    }

    @Test
    void pythonLandsEveryCorpusLiteralAsTheSameValue() {
        for (int i = 0; i < CORPUS.size(); i++) {
            assertThat(python.get(i)).as(CORPUS.get(i)).isEqualTo(asPythonPrints(CORPUS.get(i)));
        }
    }

    @Test
    void writesRandomDoublesExactlyAsPythonsRepr() {
        for (int i = 0; i < DOUBLES.size(); i++) {
            assertThat(python.get(CORPUS.size() + i)).isEqualTo(DOUBLES.get(i));
        }
    }

    @Test
    void writesRandomStringsExactlyAsPythonsRepr() {
        int offset = CORPUS.size() + DOUBLES.size();
        for (int i = 0; i < STRINGS.size(); i++) {
            assertThat(python.get(offset + i)).isEqualTo(STRINGS.get(i));
        }
    }

    @Test
    void landsWhatPythonsReprWrites() {
        HostingEnv env = HostingEnv.create();
        int offset = CORPUS.size() + DOUBLES.size() + STRINGS.size();
        int i = offset;
        for (Map.Entry<String, Object> expected : PYTHON_VALUES.entrySet()) {
            String printed = python.get(i++);
            assertThat(env.land(printed)).as(expected.getKey() + " printed as " + printed)
                    .isEqualTo(expected.getValue());
        }
    }

    @Test
    void landsSetsInPythonsOrderAsLinkedSets() {
        Object landed = HostingEnv.create().land(python.get(CORPUS.size() + DOUBLES.size() + STRINGS.size()
                + new ArrayList<>(PYTHON_VALUES.keySet()).indexOf("{1, 2}")));
        assertThat(landed).isInstanceOf(LinkedHashSet.class).isEqualTo(new LinkedHashSet<>(Arrays.asList(1, 2)));
    }

    private static Map<String, Object> pythonValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("None", null);
        values.put("[True, False]", List.of(true, false));
        values.put("2**100", BigInteger.TWO.pow(100));
        values.put("-2**63", Long.MIN_VALUE);
        values.put("2**31", 2147483648L);
        values.put("-2**31", Integer.MIN_VALUE);
        values.put("10**4299", BigInteger.TEN.pow(4299));
        values.put("1/3", 1.0 / 3);
        values.put("float('nan')", Double.NaN);
        values.put("float('-inf')", Double.NEGATIVE_INFINITY);
        values.put("[1e16, 1e-05, -0.0, 5e-324, 2.0**-1074 * 3]", List.of(1e16, 1e-5, -0.0, 5e-324, 1.5e-323));
        values.put("'it\\'s'", "it's");
        values.put("'say \"hi\"'", "say \"hi\"");
        values.put("'both \\' and \"'", "both ' and \"");
        values.put("chr(0) + chr(0x7f) + chr(0x2028) + chr(0x1F600) + chr(0xe9)", "\u0000\u007f\u2028😀é");
        values.put("chr(0xd800)", "\ud800");
        values.put("'\\\\ \\n \\r \\t'", "\\ \n \r \t");
        values.put("b'\\x00\\xff\"\\'\\\\'", new byte[] {0, (byte) 0xff, '"', '\'', '\\'});
        values.put("bytearray(b'ab')", new byte[] {'a', 'b'});
        values.put("(1,)", Tuple.of(1));
        values.put("()", Tuple.EMPTY);
        values.put("((1, 2), [3], None)", Tuple.of(Tuple.of(1, 2), List.of(3), null));
        values.put("{'a': 1, 2: [3], (4, 5): None, None: 0.5}", pythonDict());
        values.put("{1, 2}", Set.of(1, 2));
        values.put("frozenset({3})", Set.of(3));
        values.put("set()", Set.of());
        values.put("{'nested': {'x': [1, {2}]}}", Map.of("nested", Map.of("x", List.of(1, Set.of(2)))));
        return values;
    }

    private static Map<Object, Object> pythonDict() {
        Map<Object, Object> dict = new LinkedHashMap<>();
        dict.put("a", 1);
        dict.put(2, List.of(3));
        dict.put(Tuple.of(4, 5), null);
        dict.put(null, 0.5);
        return dict;
    }

}
