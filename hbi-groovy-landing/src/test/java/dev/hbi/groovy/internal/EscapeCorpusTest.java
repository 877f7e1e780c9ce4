package dev.hbi.groovy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Escape attempts against a confined script, drawn from known Groovy sandbox bypasses (the Jenkins
 * groovy-sandbox and script-security advisories named in each case) and from the dangerous corners of
 * Groovy's runtime. Each must fail with a clear landing error and have no effect: the file
 * {@code FILE} is not created, the system property {@code PROP} stays unset, {@link Vault#wiped} stays
 * false, nothing is printed. The cases were written for this project; none is copied.
 */
class EscapeCorpusTest {

    /** A host object the script is given: its methods and fields are not the script's to use. */
    public static final class Vault {
        /** Set if the script managed to call {@link #wipe()}. */
        public static volatile boolean wiped;
        /** Not for the peer. */
        public String secret = "s3cret";

        /** Must never be reached from a confined script. */
        public void wipe() {
            wiped = true;
        }

        /** A getter Groovy would read for {@code vault.token}. */
        public String getToken() {
            wiped = true;
            return "token";
        }
    }

    private static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"), "hbi-escape-" + UUID.randomUUID());
    private static final String PROP = "hbi.escape." + UUID.randomUUID();
    /** A file the host exposes by mistake: its lines must stay unread. */
    private static final Path SECRET = Path.of(System.getProperty("java.io.tmpdir"), "hbi-secret-" + UUID.randomUUID());

    private HostingEnv env;
    private PrintStream stdout;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    static Stream<Arguments> attempts() {
        return Stream.of(
                // running programs
                escape("'touch FILE'.execute()", "calling 'execute' on java.lang.String"),
                escape("['touch', 'FILE'].execute()", "calling 'execute' on java.util.ArrayList"),
                escape("def c = 'touch FILE'; \"$c\".execute()", "calling 'execute' on a GString"),
                escape("Runtime.getRuntime().exec('touch FILE')", "classes cannot be named (java.lang.Runtime)"),
                escape("['touch', 'FILE'] as ProcessBuilder", "casting to java.lang.ProcessBuilder is not allowed"),
                escape("new ProcessBuilder('touch', 'FILE').start()", "new java.lang.ProcessBuilder is not allowed"),
                // files
                escape("new File('FILE').text = 'x'", "new java.io.File is not allowed"),
                escape("new FileWriter('FILE').write('x')", "new java.io.FileWriter is not allowed"),
                escape("java.nio.file.Files.writeString(java.nio.file.Path.of('FILE'), 'x')", "classes cannot be named"),
                // SECURITY-2824: implicit casts of declarations, closure parameters and casts run constructors
                escape("File f = ['FILE']; f.text = 'x'", "the type java.io.File cannot be used"),
                escape("def f = (File) ['FILE']; f << 'x'", "casting to java.io.File is not allowed"),
                escape("def c = { File f -> f.text = 'x' }; c('FILE')", "the type java.io.File cannot be used"),
                escape("for (File f in ['FILE']) { f.text = 'x' }", "a loop variable is untyped or a string"),
                escape("try { 1 } catch (java.io.IOError e) { }", "the type java.io.IOError cannot be used"),
                // Groovy's implicit casts of assignments, loop variables and spreads build objects and read files
                escape("List l = []; l = secretFile; l", "casting java.io.File to java.util.List is not allowed"),
                escape("for (List l in [secretFile]) { l }", "a loop variable is untyped or a string"),
                escape("[*secretFile]", "a for loop cannot walk java.io.File"),
                escape("add(*secretFile)", "a for loop cannot walk java.io.File"),
                // SECURITY-1465: casts of closures to collections, then to File; method pointers
                escape("(({ -> ['FILE'] } as Collection) as List)", "casting a closure to java.util.Collection"),
                escape("(({ -> ['FILE'] } as Collection) as File).text = 'x'", "casting to java.io.File is not allowed"),
                escape("def p = 'FILE'.&execute; p()", "method pointers and references"),
                escape("def p = String::valueOf; p(1)", "method pointers and references"),
                // SECURITY-1538: names computed by code in calls, assignments and increments
                escape("def m = 'exe' + 'cute'; 'touch FILE'.\"$m\"()", "calling 'execute' on java.lang.String"),
                escape("1.({ System.setProperty('PROP', 'x'); 'toString' }())()", "classes cannot be named"),
                escape("def m = [:]; m.({ System.setProperty('PROP', 'x'); 'k' }()) = 1", "classes cannot be named"),
                escape("({ System.setProperty('PROP', 'x'); 1 }())++", "++ and -- apply only to variables"),
                // SECURITY-1658: default values of closure parameters
                escape("def c = { p = System.setProperty('PROP', 'x') -> p }; c()", "classes cannot be named"),
                // system properties, exit, static members, reflection
                escape("System.setProperty('PROP', 'x')", "classes cannot be named (java.lang.System)"),
                escape("System.exit(1)", "classes cannot be named (java.lang.System)"),
                escape("Class.forName('java.lang.Runtime')", "classes cannot be named (java.lang.Class)"),
                escape("''.getClass().forName('java.lang.System')", "calling 'getClass' on java.lang.String"),
                escape("''.class.forName('java.lang.System')", "reading 'class' of java.lang.String"),
                escape("[1].collect { it.getClass() }", "calling 'getClass' on java.lang.Integer"),
                escape("[:].getClass().classLoader", "calling 'getClass' on java.util.LinkedHashMap"),
                // metaprogramming
                escape("String.metaClass.execute = { -> 'x' }", "classes cannot be named (java.lang.String)"),
                escape("1.metaClass.foo = { -> 1 }", "reading 'metaClass' of java.lang.Integer"),
                escape("'x'.invokeMethod('execute', null)", "calling 'invokeMethod' on java.lang.String"),
                escape("'x'.getProperty('class')", "calling 'getProperty' on java.lang.String"),
                escape("'x'.properties", "reading 'properties' of java.lang.String"),
                escape("'x'.with { it }", "calling 'with' on java.lang.String"),
                escape("[1].tap { it << 2 }", "calling 'tap' on java.util.ArrayList"),
                escape("'x'.use(Object) { 1 }", "classes cannot be named (java.lang.Object)"),
                // the script object, its binding and its methods
                escape("this.evaluate('1')", "'this' is not available"),
                escape("super.toString()", "'super' is not available"),
                escape("binding.variables", "name 'binding' is not defined"),
                escape("getBinding().setVariable('x', 1)", "name 'getBinding' is not defined"),
                escape("evaluate(\"System.setProperty('PROP', 'x')\")", "name 'evaluate' is not defined"),
                escape("run(); 1", "name 'run' is not defined"),
                escape("println 'pwned'; 1", "name 'println' is not defined"),
                escape("printf('%s', 'pwned'); 1", "name 'printf' is not defined"),
                escape("sleep(100000); 1", "name 'sleep' is not defined"),
                // closures: their owner, delegate and this object are the script
                escape("def c = { -> 1 }; c.owner.evaluate('1')", "reading 'owner' of a closure"),
                escape("def c = { -> 1 }; c.getThisObject()", "calling 'getThisObject' on a closure"),
                escape("def c = { -> 1 }; c.rehydrate(1, 1, 1)", "calling 'rehydrate' on a closure"),
                escape("def c = { -> 1 }; c.delegate = 1", "setting 'delegate' of a closure"),
                escape("{ -> owner.evaluate('1') }()", "name 'owner' is not defined"),
                escape("{ -> delegate }()", "name 'delegate' is not defined"),
                // SECURITY-1266 and later: annotations run AST transformations inside the compiler
                escape("@Grab('commons-io:commons-io:2.11.0') import org.apache.commons.io.FileUtils\n1", "'@' is not allowed"),
                escape("@groovy.transform.ASTTest(value = { System.setProperty('PROP', 'x') }) def x = 1", "'@' is not allowed"),
                escape("import java.io.File\nnew File('FILE').text = 'x'", "imports are not allowed"),
                escape("import static java.lang.System.setProperty\nsetProperty('PROP', 'x')", "imports are not allowed"),
                // SECURITY-1754 and the finalizer trick: declarations with code that runs on their own
                escape("class E { static { System.setProperty('PROP', 'x') } }; new E()", "class declarations"),
                escape("class F { void finalize() { System.setProperty('PROP', 'x') } }; 1", "class declarations"),
                escape("def evil() { System.setProperty('PROP', 'x') }; evil()", "method declarations are not allowed"),
                escape("new Object() { String toString() { 'x' } }", "class declarations"),
                // other ways to make objects and run code
                escape("new GroovyShell().evaluate('1')", "new groovy.lang.GroovyShell is not allowed"),
                escape("Eval.me('1')", "classes cannot be named (groovy.util.Eval)"),
                escape("Thread.start { }", "classes cannot be named (java.lang.Thread)"),
                escape("({ -> 1 } as Runnable).run()", "casting to java.lang.Runnable is not allowed"),
                escape("[run: { -> 1 }] as Runnable", "casting to java.lang.Runnable is not allowed"),
                escape("[1] as Object[]", "casting to java.lang.Object[] is not allowed"),
                escape("synchronized ([]) { 1 }", "synchronized blocks are not allowed"),
                escape("x = 1; x.@value", "'@' is not allowed"),
                // host objects: reachable only through what the host exposed, never their methods or fields
                escape("vault.wipe()", "calling 'wipe' on dev.hbi.groovy.internal.EscapeCorpusTest$Vault"),
                escape("vault.token", "reading 'token' of dev.hbi.groovy.internal.EscapeCorpusTest$Vault"),
                escape("vault.secret = 'x'", "setting 'secret' of dev.hbi.groovy.internal.EscapeCorpusTest$Vault"),
                escape("[vault]*.wipe()", "calling 'wipe' on dev.hbi.groovy.internal.EscapeCorpusTest$Vault"),
                escape("[vault]['token']", "indexed by numbers and ranges"),
                escape("[vault, vault].sum()", "'sum' adds only numbers"),
                escape("def (a, b) = vault", "only a list can be taken apart"),
                escape("for (v in vault) { }", "a for loop cannot walk"),
                escape("vault as Map", "casting dev.hbi.groovy.internal.EscapeCorpusTest$Vault to java.util.Map"),
                // refusals stick: a script cannot catch them and go on
                escape("try { 'touch FILE'.execute() } catch (e) { }; 'survived'", "calling 'execute' on java.lang.String"),
                // regular expressions, which the time budget cannot stop
                escape("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' ==~ /(a+)+$/", "regular expressions"),
                escape("~/(a+)+$/", "'bitwiseNegate' cannot be applied to java.lang.String"),
                escape("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.find('(a+)+$')", "regular expressions are not available"),
                // work that one call would do beyond the budget's reach
                escape("'x' * 100000000", "more than 16777216"),
                escape("(1..100000000).toList()", "would walk a range of 100000000 elements"),
                escape("2G ** 100000000", "more than 4194304 bits"),
                escape("def x = 2G ** 4000000; x * x", "more than 4194304 bits"),
                escape("def s = 'x' * 16000000; s + s", "more than 16777216"),
                escape("('9' * 1000000).toBigInteger()", "a number is read from at most 10000 characters"),
                escape("('9' * 1000000) as BigInteger", "a number is read from at most 10000 characters"),
                escape("('a'..'zzzzzzzz').size()", "a range in a confined script goes from one int to another"),
                escape("__hbi0", "names starting with __ are reserved"),
                escape("__builtins__.eval('1')", "names starting with __ are reserved"));
    }

    private static Arguments escape(String script, String message) {
        String concrete = script.replace("FILE", FILE.toString()).replace("PROP", PROP);
        return Arguments.of(concrete, message);
    }

    @BeforeEach
    void captureStdout() throws java.io.IOException {
        Files.writeString(SECRET, "pwned\n");
        env = TestEngines.env(TestEngines.confined()).exposeValue("vault", new Vault())
                .exposeValue("secretFile", SECRET.toFile());
        stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(stdout);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void anEscapeAttemptFailsWithALandingErrorAndHasNoEffect(String script, String message) {
        assertThatThrownBy(() -> env.land(script))
                .isInstanceOf(LandingException.class)
                .hasMessageContaining(message);
        assertThat(FILE).doesNotExist();
        assertThat(System.getProperty(PROP)).isNull();
        assertThat(Vault.wiped).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("pwned");
    }

    @AfterEach
    void cleanUp() throws java.io.IOException {
        Files.deleteIfExists(FILE);
        Files.deleteIfExists(SECRET);
    }
}
