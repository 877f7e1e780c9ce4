package dev.hbi.groovy.internal;

import java.util.ArrayList;
import java.util.List;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.VariableScope;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.NamedArgumentListExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;

/**
 * What the script rewriters share: building calls of the checker ({@link Guard}, {@link Operators}). The calls are compiled as
 * direct {@code invokestatic} instructions (the method node is set as the call's target), not as
 * Groovy's dynamic calls, so a checked operation costs one static call, and no metaclass, call site or
 * name lookup stands between the script and its checker.
 */
abstract class GuardCalls extends ClassCodeExpressionTransformer {

    /** The checker's two classes, whose method names do not overlap. */
    private static final List<ClassNode> CHECKERS = List.of(ClassHelper.make(Guard.class), ClassHelper.make(Operators.class));

    private final Sites sites;

    GuardCalls(Sites sites) {
        this.sites = sites;
    }

    /**
     * A call of a guard method: the script first, then the arguments, then the number of a new site at
     * the node's position.
     */
    final Expression call(String method, ASTNode at, Expression... args) {
        List<Expression> all = new ArrayList<>(args.length + 2);
        all.add(self());
        all.addAll(List.of(args));
        all.add(constant(sites.add(at)));
        return direct(method, all.toArray(new Expression[0]));
    }

    /** A call of a checker method with exactly these arguments. */
    static Expression direct(String method, Expression... args) {
        for (ClassNode checker : CHECKERS) {
            List<MethodNode> methods = checker.getMethods(method);
            if (methods.size() == 1) {
                MethodCallExpression call = new MethodCallExpression(new ClassExpression(checker), method,
                        new ArgumentListExpression(args));
                call.setImplicitThis(false);
                call.setMethodTarget(methods.get(0));
                return call;
            }
        }
        throw new IllegalStateException("the checker has no single method named " + method);
    }

    /** The script itself: in a closure, Groovy compiles {@code this} as the closure's enclosing script. */
    static Expression self() {
        return new VariableExpression("this");
    }

    static Expression constant(Object value) {
        return value instanceof Integer || value instanceof Boolean
                ? new ConstantExpression(value, true) : new ConstantExpression(value);
    }

    /**
     * Tells whether an argument of a call holds its named arguments. Groovy passes {@code f(a: 1)} as a
     * {@link NamedArgumentListExpression}, but {@code f(1, a: 2)} as a plain map first, to which the parser
     * gives the position of the whole argument list, so it spans the next argument: a map literal written
     * first ({@code f([a: 2], 1)}) never does.
     */
    static boolean isNamed(Expression arguments, int index) {
        if (!(arguments instanceof TupleExpression tuple)) {
            return false;
        }
        Expression argument = tuple.getExpression(index);
        if (argument instanceof NamedArgumentListExpression) {
            return true;
        }
        if (index != 0 || !(arguments instanceof ArgumentListExpression) || tuple.getExpressions().size() < 2
                || !(argument instanceof MapExpression)) {
            return false;
        }
        Expression second = tuple.getExpression(1);
        return compare(argument.getLineNumber(), argument.getColumnNumber(), second.getLineNumber(),
                second.getColumnNumber()) <= 0
                && compare(argument.getLastLineNumber(), argument.getLastColumnNumber(), second.getLastLineNumber(),
                second.getLastColumnNumber()) >= 0;
    }

    private static int compare(int line, int column, int otherLine, int otherColumn) {
        return line != otherLine ? Integer.compare(line, otherLine) : Integer.compare(column, otherColumn);
    }

    /** The body with a deadline check first: for loop bodies and closures. */
    final Statement ticked(Statement body, ASTNode at) {
        Statement tick = new ExpressionStatement(call("tick", at));
        if (body instanceof BlockStatement block) {
            block.getStatements().add(0, tick);
            return block;
        }
        List<Statement> statements = new ArrayList<>(2);
        statements.add(tick);
        statements.add(body);
        return new BlockStatement(statements, new VariableScope());
    }
}
