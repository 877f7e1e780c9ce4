package dev.hbi.groovy.internal;

import java.util.List;
import java.util.Set;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.AnnotatedNode;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;

/**
 * Refuses, right after parsing and before any AST transformation is even looked for, what a confined
 * script may not declare: a package, imports, classes (and interfaces, traits, enums, records), methods,
 * fields, and annotations anywhere, which is how {@code @Grab}, {@code @ASTTest} and the other AST
 * transformations would run code inside the compiler. The {@link ShapeLexer} already refuses every
 * {@code @}; this is the second wall. A new instance serves one compilation.
 */
final class Gatekeeper extends CompilationCustomizer {

    private static final Set<String> SCRIPT_METHODS = Set.of("run", "main");

    Gatekeeper() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        Refusal refusal = check(source.getAST(), classNode);
        if (refusal != null) {
            source.getErrorCollector().addFatalError(new SyntaxErrorMessage(refusal, source));
        }
    }

    private static Refusal check(ModuleNode module, ClassNode classNode) {
        if (module.getPackage() != null) {
            return new Refusal("package declarations are not allowed in confined scripts", module.getPackage());
        }
        Refusal imports = imports(module);
        if (imports != null) {
            return imports;
        }
        if (!classNode.isScript()) {
            return new Refusal("class declarations (class, interface, trait, enum, record) are not allowed in"
                    + " confined scripts", classNode);
        }
        for (MethodNode method : classNode.getMethods()) {
            if (!SCRIPT_METHODS.contains(method.getName())) {
                return new Refusal("method declarations are not allowed in confined scripts; use a closure, as in"
                        + " def " + method.getName() + " = { x -> ... }", method);
            }
        }
        if (!classNode.getFields().isEmpty() || !classNode.getProperties().isEmpty()) {
            ASTNode field = classNode.getFields().isEmpty() ? classNode.getProperties().get(0) : classNode.getFields().get(0);
            return new Refusal("fields are not allowed in confined scripts", field);
        }
        // the script class itself carries the @BaseScript that scriptBaseClass adds; a script cannot annotate it
        AnnotationFinder finder = new AnnotationFinder();
        MethodNode run = classNode.getMethod("run", Parameter.EMPTY_ARRAY);
        if (run != null) {
            run.getCode().visit(finder);
        }
        return finder.found == null ? null : new Refusal("annotations are not allowed in confined scripts: they run"
                + " AST transformations (such as @Grab) inside the compiler", finder.found);
    }

    private static Refusal imports(ModuleNode module) {
        List<ImportNode> all = new java.util.ArrayList<>(module.getImports());
        all.addAll(module.getStarImports());
        all.addAll(module.getStaticImports().values());
        all.addAll(module.getStaticStarImports().values());
        return all.isEmpty() ? null : new Refusal("imports are not allowed in confined scripts: a script reaches only"
                + " what the host exposes", all.get(0));
    }

    /** Finds the first annotated node of a script's code. */
    private static final class AnnotationFinder extends ClassCodeVisitorSupport {

        private AnnotatedNode found;

        @Override
        protected SourceUnit getSourceUnit() {
            return null;
        }

        @Override
        public void visitAnnotations(AnnotatedNode node) {
            if (found == null && !node.getAnnotations().isEmpty()) {
                found = node;
            }
        }

        @Override
        public void visitDeclarationExpression(DeclarationExpression expression) {
            visitAnnotations(expression);
            super.visitDeclarationExpression(expression);
        }

        @Override
        public void visitClosureExpression(ClosureExpression expression) {
            if (expression.getParameters() != null) {
                for (Parameter parameter : expression.getParameters()) {
                    visitAnnotations(parameter);
                }
            }
            super.visitClosureExpression(expression);
        }
    }
}
