package dev.hbi.groovy.internal;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.DynamicVariable;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.DoWhileStatement;
import org.codehaus.groovy.ast.stmt.ForStatement;
import org.codehaus.groovy.ast.stmt.WhileStatement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * The little a trusted script is rewritten: placeholders read their literal, loop bodies and closures
 * of the script's own methods check the deadline, and named arguments of calls by name are marked as
 * {@link Keywords} so that an exposed function receives them as keyword arguments. Nothing is checked.
 * Classes a trusted script declares are left alone (the {@link ShapeLexer} lifts no literals from such
 * scripts). A new instance serves one compilation.
 */
final class TrustedShaper extends CompilationCustomizer {

    private static final ClassNode KEYWORDS = ClassHelper.make(Keywords.class);

    private final int slots;
    private final Sites sites;

    TrustedShaper(int slots, Sites sites) {
        super(CompilePhase.CANONICALIZATION);
        this.slots = slots;
        this.sites = sites;
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) {
            return;
        }
        Shaper shaper = new Shaper(source);
        for (MethodNode method : classNode.getMethods()) {
            if (!Modifier.isStatic(method.getModifiers()) && method.getCode() != null) {
                method.getCode().visit(shaper);
            }
        }
    }

    private final class Shaper extends GuardCalls {

        private final SourceUnit source;

        Shaper(SourceUnit source) {
            super(TrustedShaper.this.sites);
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public Expression transform(Expression expression) {
            if (expression instanceof VariableExpression v && v.getAccessedVariable() instanceof DynamicVariable
                    && v.getName().startsWith(Shape.PLACEHOLDER)) {
                int slot = Integer.parseInt(v.getName().substring(Shape.PLACEHOLDER.length()));
                if (slot < slots) {
                    return direct("lit", self(), constant(slot));
                }
            }
            if (expression instanceof ClosureExpression c) {
                if (c.getParameters() != null) {
                    for (Parameter parameter : c.getParameters()) {
                        if (parameter.hasInitialExpression()) {
                            parameter.setInitialExpression(transform(parameter.getInitialExpression()));
                        }
                    }
                }
                c.getCode().visit(this);
                c.setCode(ticked(c.getCode(), c));
                return c;
            }
            if (expression instanceof MethodCallExpression m && m.isImplicitThis()
                    && m.getArguments() instanceof TupleExpression args) {
                List<Expression> marked = new ArrayList<>(args.getExpressions());
                for (int i = 0; i < marked.size(); i++) {
                    if (isNamed(args, i)) {
                        MapExpression named = new MapExpression(((MapExpression) marked.get(i)).getMapEntryExpressions());
                        marked.set(i, new StaticMethodCallExpression(KEYWORDS, "of", new ArgumentListExpression(named)));
                    }
                }
                m.setArguments(new ArgumentListExpression(marked));
            }
            return expression == null ? null : expression.transformExpression(this);
        }

        @Override
        public void visitForLoop(ForStatement loop) {
            super.visitForLoop(loop);
            loop.setLoopBlock(ticked(loop.getLoopBlock(), loop));
        }

        @Override
        public void visitWhileLoop(WhileStatement loop) {
            super.visitWhileLoop(loop);
            loop.setLoopBlock(ticked(loop.getLoopBlock(), loop));
        }

        @Override
        public void visitDoWhileLoop(DoWhileStatement loop) {
            super.visitDoWhileLoop(loop);
            loop.setLoopBlock(ticked(loop.getLoopBlock(), loop));
        }
    }
}
