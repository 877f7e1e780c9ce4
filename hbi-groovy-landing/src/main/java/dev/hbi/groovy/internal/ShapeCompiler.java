package dev.hbi.groovy.internal;

import groovy.lang.Binding;
import groovy.lang.GroovyClassLoader;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;
import org.codehaus.groovy.tools.GroovyClass;

/**
 * Compiles the key of a shape into a script class of its own {@link ShapeLoader}. Confined scripts are
 * compiled with the {@link Gatekeeper} (refuses declarations, imports and annotations before any AST
 * transformation could run) and the {@link Confiner} (rewrites every operation into a {@link Guard}
 * call), by a compiler that finds no global AST transformations (such as {@code @Grab}'s) and no
 * {@code .groovy} sources to compile on the side. Trusted scripts are compiled as Groovy compiles them,
 * with the {@link TrustedShaper}. Thread-safe: each compilation has its own compiler objects.
 */
final class ShapeCompiler {

    /** The name of every script class, each in its own loader. */
    static final String SCRIPT_CLASS = "HbiScript";

    private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class, Binding.class);
    private static final MethodType AS_LANDED = MethodType.methodType(LandedScript.class, Binding.class);

    private final boolean confined;
    private final ClassLoader parent;

    ShapeCompiler(boolean confined) {
        this.confined = confined;
        this.parent = LandedScript.class.getClassLoader();
    }

    /**
     * Compiles a shape.
     *
     * @param key   the shape's key
     * @param slots how many placeholders it has
     * @return the compiled script, or why it was refused
     */
    Compiled compile(String key, int slots) {
        Sites sites = new Sites();
        Generated generated = generate(key, slots, sites);
        return generated.refused() != null ? generated.refused() : load(generated.classes(), sites.toArray());
    }

    /**
     * What compiling a key gave: the classes' bytes, or why it was refused.
     *
     * @param classes  the classes, if it compiled
     * @param refused  why not, if it did not
     */
    record Generated(List<GroovyClass> classes, Compiled.Refused refused) {
    }

    /** Compiles a key to class files, recording the checked sites: for {@link #compile}, and for tests. */
    Generated generate(String key, int slots, Sites sites) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(LandedScript.class.getName());
        config.setTolerance(1);
        GroovyClassLoader loader;
        if (confined) {
            config.addCompilationCustomizers(new Gatekeeper(), new Confiner(slots, sites));
            loader = new QuietLoader(parent, config);
        } else {
            config.addCompilationCustomizers(new TrustedShaper(slots, sites));
            loader = new GroovyClassLoader(parent, config);
        }
        CompilationUnit unit = new CompilationUnit(config, null, loader, loader);
        unit.addSource(SCRIPT_CLASS + ".groovy", key);
        try {
            unit.compile(Phases.CLASS_GENERATION);
            return new Generated(unit.getClasses(), null);
        } catch (MultipleCompilationErrorsException e) {
            return new Generated(List.of(), refused(e.getErrorCollector().getErrors()));
        } catch (CompilationFailedException e) {
            return new Generated(List.of(), new Compiled.Refused("the script does not compile: " + e.getMessage(),
                    0, 0, 0, 0));
        } catch (StackOverflowError e) {
            return new Generated(List.of(), new Compiled.Refused("the script nests too deeply to compile", 0, 0, 0, 0));
        } finally {
            close(loader);
        }
    }

    private Compiled load(List<GroovyClass> classes, int[] sites) {
        Map<String, byte[]> bytes = new HashMap<>();
        for (GroovyClass c : classes) {
            bytes.put(c.getName(), c.getBytes());
        }
        ShapeLoader loader = new ShapeLoader(parent, bytes);
        Module own = ShapeCompiler.class.getModule();
        if (own.isNamed()) {
            // the script class extends LandedScript and calls Guard: export their package to this loader only
            own.addExports(ShapeCompiler.class.getPackageName(), loader.getUnnamedModule());
        }
        try {
            Class<?> script = loader.loadClass(SCRIPT_CLASS);
            MethodHandle constructor = MethodHandles.publicLookup().findConstructor(script, CONSTRUCTOR);
            return new Compiled.Ready(constructor.asType(AS_LANDED), sites, script);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a compiled script class could not be loaded: " + e, e);
        }
    }

    private static Compiled.Refused refused(List<? extends Message> errors) {
        Message first = errors.isEmpty() ? null : errors.get(0);
        if (first instanceof SyntaxErrorMessage syntax) {
            SyntaxException e = syntax.getCause();
            String message = e instanceof Refusal ? e.getOriginalMessage()
                    : "the script does not compile: " + e.getOriginalMessage();
            return new Compiled.Refused(message, e.getLine(), e.getStartColumn(), e.getEndLine(), e.getEndColumn());
        }
        if (first instanceof ExceptionMessage exception) {
            return new Compiled.Refused("the script does not compile: " + exception.getCause().getMessage(), 0, 0, 0, 0);
        }
        return new Compiled.Refused("the script does not compile", 0, 0, 0, 0);
    }

    private static void close(GroovyClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // a loader without URLs has nothing to release
        }
    }

    /**
     * The class loader of a confined compilation: it resolves the JDK's and Groovy's classes, but finds
     * no global AST transformation (so none runs inside the compiler) and no Groovy source to compile
     * because a script named a class.
     */
    private static final class QuietLoader extends GroovyClassLoader {

        QuietLoader(ClassLoader parent, CompilerConfiguration config) {
            super(parent, config);
            setResourceLoader(name -> null);
        }

        @Override
        public Enumeration<URL> getResources(String name) {
            return Collections.emptyEnumeration();
        }
    }
}
