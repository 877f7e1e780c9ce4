package dev.hbi.groovy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.UUID;
import org.codehaus.groovy.tools.GroovyClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compiler's own walls, reached without the lexer's: code that would run inside the compiler is
 * refused before it can, and every construct that reaches the runtime is rewritten or refused.
 */
class ShapeCompilerTest {

    private static final String PROP = "hbi.compile." + UUID.randomUUID();

    private final ShapeCompiler compiler = new ShapeCompiler(true);

    @ParameterizedTest
    @ValueSource(strings = {
        "@groovy.transform.ASTTest(value = { System.setProperty('PROP', 'x') }) def x = 1",
        "@groovy.transform.ASTTest(phase = groovy.transform.CompilePhase.CONVERSION,"
                + " value = { System.setProperty('PROP', 'x') }) def x = 1",
        "def c = { @groovy.transform.ASTTest(value = { System.setProperty('PROP', 'x') }) int y -> y }; 1",
        "@Grab('org.example:nothing:1.0') import org.example.Nothing\n1",
        "@GrabConfig(systemClassLoader = true) import java.lang.Object\n1",
        "@groovy.transform.ASTTest(value = { System.setProperty('PROP', 'x') }) class A { }",
    })
    void codeThatWouldRunInsideTheCompilerIsRefusedBeforeItRuns(String script) {
        Compiled compiled = compiler.compile(script.replace("PROP", PROP), 0);
        assertThat(compiled).isInstanceOf(Compiled.Refused.class);
        assertThat(((Compiled.Refused) compiled).message()).containsAnyOf("annotations are not allowed",
                "imports are not allowed", "class declarations");
        assertThat(System.getProperty(PROP)).isNull();
    }

    @Test
    void aRefusalKeepsTheCompilersPositionOfTheOffendingNode() {
        Compiled compiled = compiler.compile("def a = 1\ndef b = a.@x", 0);
        assertThat(compiled).isInstanceOf(Compiled.Refused.class);
        Compiled.Refused refused = (Compiled.Refused) compiled;
        assertThat(refused.message()).contains("direct field access (.@) is not allowed");
        assertThat(refused.line()).isEqualTo(2);
        assertThat(refused.column()).isEqualTo(9);
    }

    @Test
    void aPlaceholderBeyondTheShapesLiteralsIsAReservedName() {
        assertThat(((Compiled.Refused) compiler.compile("__hbi3 + 1", 1)).message())
                .contains("names starting with __ are reserved");
    }

    /**
     * Verifies that a confined script's code makes no dynamic call of its own: the only invokedynamic left
     * is in the generated {@code main(String[])}, which nothing calls. (A {@code for (x in c)} loop also
     * calls {@code c.iterator()} dynamically, after {@link Operators#iterable} has let only a string,
     * collection, map or iterator through.)
     */
    @Test
    void aConfinedScriptMakesNoDynamicCallOfItsOwn() throws IOException {
        Sites sites = new Sites();
        ShapeCompiler.Generated generated = compiler.generate("def t = 0; 3.times { t += add(it, 2) }\n"
                + "def m = [k: t]; m.k++; def s = \"${m.k}\"; [t].collect { it.toString() + s }.join(',') == '9'", 0, sites);
        assertThat(generated.refused()).isNull();
        assertThat(generated.classes()).hasSizeGreaterThan(2);
        for (GroovyClass c : generated.classes()) {
            int expected = c.getName().equals(ShapeCompiler.SCRIPT_CLASS) ? 1 : 0;
            assertThat(invokeDynamicEntries(c.getBytes())).as(c.getName()).isEqualTo(expected);
        }
        assertThat(sites.toArray().length).isGreaterThan(4 * 10);
    }

    /** Counts the CONSTANT_InvokeDynamic entries of a class file's constant pool (JVMS 4.4). */
    private static int invokeDynamicEntries(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        int dynamic = 0;
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> in.skipBytes(in.readUnsignedShort());
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17 -> in.skipBytes(4);
                case 18 -> {
                    dynamic++;
                    in.skipBytes(4);
                }
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return dynamic;
    }
}
