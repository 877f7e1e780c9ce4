package dev.hbi.groovy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.DynamicVariable;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.Variable;
import org.codehaus.groovy.ast.expr.AttributeExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.BitwiseNegationExpression;
import org.codehaus.groovy.ast.expr.BooleanExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ClosureListExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.EmptyExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MethodPointerExpression;
import org.codehaus.groovy.ast.expr.PostfixExpression;
import org.codehaus.groovy.ast.expr.PrefixExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.RangeExpression;
import org.codehaus.groovy.ast.expr.SpreadExpression;
import org.codehaus.groovy.ast.expr.SpreadMapExpression;
import org.codehaus.groovy.ast.expr.TernaryExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.UnaryMinusExpression;
import org.codehaus.groovy.ast.expr.UnaryPlusExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.CatchStatement;
import org.codehaus.groovy.ast.stmt.DoWhileStatement;
import org.codehaus.groovy.ast.stmt.ForStatement;
import org.codehaus.groovy.ast.stmt.SynchronizedStatement;
import org.codehaus.groovy.ast.stmt.WhileStatement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.Token;
import org.codehaus.groovy.syntax.Types;

/**
 * Rewrites a confined script so that every operation it performs goes through the {@link Guard}: method
 * calls (on values, on names, on closures, spread and safe), property reads and writes, index reads and
 * writes, operators, {@code ++}/{@code --}, casts and {@code as}, {@code new}, what {@code for} loops
 * walk, and every read or write of a name the script did not declare. What cannot be allowed at all is
 * refused here, with its position: {@code this} and {@code super}, classes named as values (static calls
 * and fields, {@code .class}), attribute access, method pointers and references, arrays, regular
 * expressions, {@code synchronized}, and types outside {@link TypeRules} in declarations, casts and
 * parameters. Any kind of expression not listed here is refused too, so a construct Groovy adds later
 * cannot slip through unchecked.
 *
 * <p>It also inserts a {@link Guard#tick} at the start of every loop body and closure, so a script that
 * loops or recurses forever, even with an empty body, meets its deadline. Runs after semantic analysis,
 * when every name is resolved to a local variable or a {@link DynamicVariable}. A new instance serves
 * one compilation, on one thread.
 */
final class Confiner extends CompilationCustomizer {

    private final int slots;
    private final Sites sites;

    Confiner(int slots, Sites sites) {
        super(CompilePhase.CANONICALIZATION);
        this.slots = slots;
        this.sites = sites;
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) {
            return;
        }
        MethodNode run = classNode.getMethod("run", Parameter.EMPTY_ARRAY);
        Rewriter rewriter = new Rewriter(source);
        run.getCode().visit(rewriter);
        if (rewriter.refusal != null) {
            source.getErrorCollector().addFatalError(new SyntaxErrorMessage(rewriter.refusal, source));
        }
    }

    /** The rewriting visitor. Stops rewriting at the first refusal; the compilation then fails with it. */
    private final class Rewriter extends GuardCalls {

        private static final Map<Integer, String> OPERATORS = Map.ofEntries(
                Map.entry(Types.PLUS, "plus"), Map.entry(Types.MINUS, "minus"), Map.entry(Types.MULTIPLY, "multiply"),
                Map.entry(Types.DIVIDE, "div"), Map.entry(Types.INTDIV, "intdiv"), Map.entry(Types.MOD, "mod"),
                Map.entry(Types.POWER, "power"), Map.entry(Types.LEFT_SHIFT, "leftShift"),
                Map.entry(Types.RIGHT_SHIFT, "rightShift"), Map.entry(Types.RIGHT_SHIFT_UNSIGNED, "rightShiftUnsigned"),
                Map.entry(Types.BITWISE_AND, "and"), Map.entry(Types.BITWISE_OR, "or"),
                Map.entry(Types.BITWISE_XOR, "xor"));

        private static final Map<Integer, String> COMPOUND = Map.ofEntries(
                Map.entry(Types.PLUS_EQUAL, "plus"), Map.entry(Types.MINUS_EQUAL, "minus"),
                Map.entry(Types.MULTIPLY_EQUAL, "multiply"), Map.entry(Types.DIVIDE_EQUAL, "div"),
                Map.entry(Types.INTDIV_EQUAL, "intdiv"), Map.entry(Types.MOD_EQUAL, "mod"),
                Map.entry(Types.POWER_EQUAL, "power"), Map.entry(Types.LEFT_SHIFT_EQUAL, "leftShift"),
                Map.entry(Types.RIGHT_SHIFT_EQUAL, "rightShift"),
                Map.entry(Types.RIGHT_SHIFT_UNSIGNED_EQUAL, "rightShiftUnsigned"),
                Map.entry(Types.BITWISE_AND_EQUAL, "and"), Map.entry(Types.BITWISE_OR_EQUAL, "or"),
                Map.entry(Types.BITWISE_XOR_EQUAL, "xor"), Map.entry(Types.ELVIS_EQUAL, "elvis"));

        /** Operators Groovy compiles to comparisons and boolean logic on the values' own equals/compareTo. */
        private static final List<Integer> KEPT = List.of(Types.COMPARE_EQUAL, Types.COMPARE_NOT_EQUAL,
                Types.COMPARE_TO, Types.COMPARE_GREATER_THAN, Types.COMPARE_GREATER_THAN_EQUAL,
                Types.COMPARE_LESS_THAN, Types.COMPARE_LESS_THAN_EQUAL, Types.LOGICAL_AND, Types.LOGICAL_OR,
                Types.COMPARE_IDENTICAL, Types.COMPARE_NOT_IDENTICAL);

        private final SourceUnit source;
        private Refusal refusal;

        Rewriter(SourceUnit source) {
            super(Confiner.this.sites);
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        private Expression refuse(ASTNode node, String message) {
            if (refusal == null) {
                refusal = new Refusal(message + " in a confined script", node);
            }
            return new ConstantExpression(null);
        }

        @Override
        public Expression transform(Expression expression) {
            if (expression == null || refusal != null) {
                return expression;
            }
            Expression rewritten = rewrite(expression);
            if (rewritten != expression) {
                rewritten.setSourcePosition(expression);
            }
            return rewritten;
        }

        private Expression rewrite(Expression e) {
            return switch (e) {
                case DeclarationExpression d -> declaration(d);
                case BinaryExpression b -> binary(b);
                case VariableExpression v -> variable(v);
                case AttributeExpression a -> refuse(a, "direct field access (.@) is not allowed");
                case PropertyExpression p -> call("getProperty", p, transform(p.getObjectExpression()), name(p.getProperty()),
                        flags(p.isSafe(), p.isSpreadSafe()));
                case MethodCallExpression m -> methodCall(m);
                case ConstructorCallExpression c -> construct(c);
                case ClosureExpression c -> closure(c);
                case MethodPointerExpression m -> refuse(m, "method pointers and references (.& and ::) are not allowed");
                case PrefixExpression p -> step(p, p.getExpression(), p.getOperation(), false);
                case PostfixExpression p -> step(p, p.getExpression(), p.getOperation(), true);
                case UnaryMinusExpression u -> call("unary", u, transform(u.getExpression()), constant("negative"));
                case UnaryPlusExpression u -> call("unary", u, transform(u.getExpression()), constant("positive"));
                case BitwiseNegationExpression b -> call("unary", b, transform(b.getExpression()), constant("bitwiseNegate"));
                case CastExpression c -> cast(c);
                case ClassExpression c -> refuse(c, "classes cannot be named (" + typeName(c.getType()) + ")");
                case ConstantExpression c -> c;
                case ClosureListExpression l -> {
                    // in place: a classic for loop's parts share the loop's variable scope
                    l.getExpressions().replaceAll(this::transform);
                    yield l;
                }
                case ListExpression l -> l.transformExpression(this);
                case MapExpression m -> m.transformExpression(this);
                case MapEntryExpression m -> m.transformExpression(this);
                case RangeExpression r -> call("range", r, transform(r.getFrom()), transform(r.getTo()),
                        constant(r.isExclusiveLeft()), constant(r.isExclusiveRight()));
                case TernaryExpression t -> t.transformExpression(this);
                case BooleanExpression b -> b.transformExpression(this);
                case GStringExpression g -> g.transformExpression(this);
                // Groovy turns what is spread into a collection however it can (a File into its lines)
                case SpreadExpression s -> new SpreadExpression(call("iterable", s, transform(s.getExpression())));
                case SpreadMapExpression s -> s.transformExpression(this);
                case TupleExpression t -> t.transformExpression(this);
                case EmptyExpression empty -> empty;
                default -> refuse(e, e.getClass().getSimpleName().replace("Expression", "") + " expressions are not allowed");
            };
        }

        private Expression variable(VariableExpression v) {
            if (v.isThisExpression() || v.isSuperExpression()) {
                return refuse(v, "'" + v.getName() + "' is not available: call exposed functions by name");
            }
            Variable accessed = v.getAccessedVariable();
            if (accessed != null && !(accessed instanceof DynamicVariable)) {
                // a local variable or a parameter of the script or one of its closures
                return accessed instanceof VariableExpression || accessed instanceof Parameter
                        ? v : refuse(v, "'" + v.getName() + "' cannot be used");
            }
            String name = v.getName();
            int slot = placeholder(name);
            if (slot >= 0) {
                return direct("lit", self(), constant(slot));
            }
            if (name.startsWith("__")) {
                return refuse(v, "names starting with __ are reserved");
            }
            return call("getVar", v, constant(name));
        }

        private int placeholder(String name) {
            if (!name.startsWith(Shape.PLACEHOLDER)) {
                return -1;
            }
            try {
                int slot = Integer.parseInt(name.substring(Shape.PLACEHOLDER.length()));
                return slot < slots ? slot : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private boolean isDynamic(VariableExpression v) {
            return !v.isThisExpression() && !v.isSuperExpression()
                    && (v.getAccessedVariable() == null || v.getAccessedVariable() instanceof DynamicVariable);
        }

        private Expression declaration(DeclarationExpression d) {
            if (!d.getAnnotations().isEmpty()) {
                return refuse(d, "annotations are not allowed");
            }
            Expression right = d.getRightExpression();
            if (d.isMultipleAssignmentDeclaration()) {
                for (Expression target : d.getTupleExpression().getExpressions()) {
                    checkType(target, ((VariableExpression) target).getOriginType());
                }
                if (!(right instanceof EmptyExpression)) {
                    d.setRightExpression(call("destructure", d, transform(right)));
                }
                return d;
            }
            VariableExpression target = d.getVariableExpression();
            ClassNode type = target.getOriginType();
            checkType(target, type);
            Expression value = transform(right);
            if (!(right instanceof EmptyExpression) && !isObject(type)) {
                value = call("cast", d, value, new ClassExpression(type), constant(false));
            }
            d.setRightExpression(value);
            return d;
        }

        private static boolean isObject(ClassNode type) {
            return type == null || ClassHelper.isDynamicTyped(type) || ClassHelper.isObjectType(type);
        }

        private void checkType(ASTNode at, ClassNode type) {
            if (!isObject(type) && !TypeRules.nameable(type.getName())) {
                refuse(at, "the type " + typeName(type) + " cannot be used");
            }
        }

        private static String typeName(ClassNode type) {
            return type.isArray() ? typeName(type.getComponentType()) + "[]" : type.getName();
        }

        private Expression binary(BinaryExpression b) {
            int op = b.getOperation().getType();
            Expression left = b.getLeftExpression();
            if (op == Types.ASSIGN) {
                return assign(b, left, transform(b.getRightExpression()));
            }
            if (COMPOUND.containsKey(op)) {
                return compound(b, left, COMPOUND.get(op), transform(b.getRightExpression()));
            }
            if (op == Types.LEFT_SQUARE_BRACKET) {
                return call("index", b, transform(left), transform(b.getRightExpression()), constant(b.isSafe()));
            }
            if (OPERATORS.containsKey(op)) {
                return call("binary", b, transform(left), constant(OPERATORS.get(op)), transform(b.getRightExpression()));
            }
            if (op == Types.KEYWORD_IN || op == Types.COMPARE_NOT_IN) {
                return call("isIn", b, transform(left), transform(b.getRightExpression()),
                        constant(op == Types.COMPARE_NOT_IN));
            }
            if (op == Types.KEYWORD_INSTANCEOF || op == Types.COMPARE_NOT_INSTANCEOF) {
                checkType(b, b.getRightExpression().getType());
                b.setLeftExpression(transform(left));
                return b;
            }
            if (KEPT.contains(op)) {
                b.setLeftExpression(transform(left));
                b.setRightExpression(transform(b.getRightExpression()));
                return b;
            }
            if (op == Types.FIND_REGEX || op == Types.MATCH_REGEX) {
                return refuse(b, "regular expressions (=~, ==~) are not allowed: a pattern can run longer than the"
                        + " time budget can stop");
            }
            return refuse(b, "the operator " + b.getOperation().getText() + " is not allowed");
        }

        private Expression assign(BinaryExpression b, Expression left, Expression value) {
            return switch (left) {
                case VariableExpression v when isDynamic(v) -> v.getName().startsWith("__")
                        ? refuse(v, "names starting with __ are reserved") : call("setVar", b, constant(v.getName()), value);
                case VariableExpression v when v.isThisExpression() || v.isSuperExpression() ->
                        refuse(v, "'" + v.getName() + "' cannot be assigned");
                case VariableExpression v -> {
                    b.setRightExpression(typed(v, value, b));
                    yield b;
                }
                case AttributeExpression a -> refuse(a, "direct field access (.@) is not allowed");
                case PropertyExpression p -> call("setProperty", b, transform(p.getObjectExpression()),
                        name(p.getProperty()), value, flags(p.isSafe(), p.isSpreadSafe()));
                case BinaryExpression i when i.getOperation().getType() == Types.LEFT_SQUARE_BRACKET ->
                        call("putAt", b, transform(i.getLeftExpression()), transform(i.getRightExpression()), value);
                case TupleExpression t -> refuse(t, "multiple assignment is allowed only in a declaration, as in"
                        + " def (a, b) = [1, 2],");
                default -> refuse(left, "this cannot be assigned");
            };
        }

        private Expression compound(BinaryExpression b, Expression left, String op, Expression value) {
            return switch (left) {
                case VariableExpression v when isDynamic(v) -> call("setVar", b, constant(v.getName()),
                        call("binary", b, call("getVar", b, constant(v.getName())), constant(op), value));
                case VariableExpression v when v.isThisExpression() || v.isSuperExpression() ->
                        refuse(v, "'" + v.getName() + "' cannot be assigned");
                case VariableExpression v -> new BinaryExpression(v, Token.newSymbol(Types.ASSIGN,
                        b.getOperation().getStartLine(), b.getOperation().getStartColumn()),
                        typed(v, call("binary", b, v, constant(op), value), b));
                case AttributeExpression a -> refuse(a, "direct field access (.@) is not allowed");
                case PropertyExpression p -> call("compoundProperty", b, transform(p.getObjectExpression()),
                        name(p.getProperty()), constant(op), value, flags(p.isSafe(), p.isSpreadSafe()));
                case BinaryExpression i when i.getOperation().getType() == Types.LEFT_SQUARE_BRACKET ->
                        call("compoundIndex", b, transform(i.getLeftExpression()), transform(i.getRightExpression()),
                                constant(op), value);
                default -> refuse(left, "this cannot be assigned");
            };
        }

        /**
         * A value assigned to a typed local variable, cast by the checker: Groovy's own cast of it could
         * call a constructor or read a file ({@code List l; l = aFile}).
         */
        private Expression typed(VariableExpression local, Expression value, ASTNode at) {
            ClassNode type = local.getAccessedVariable() == null ? null : local.getAccessedVariable().getOriginType();
            return isObject(type) ? value : call("cast", at, value, new ClassExpression(type), constant(false));
        }

        private Expression step(Expression e, Expression target, Token operation, boolean postfix) {
            String op = operation.getType() == Types.PLUS_PLUS ? "next" : "previous";
            return switch (target) {
                case VariableExpression v when isDynamic(v) -> call("stepVar", e, constant(v.getName()), constant(op),
                        constant(postfix));
                case VariableExpression v when v.isThisExpression() || v.isSuperExpression() ->
                        refuse(v, "'" + v.getName() + "' cannot be assigned");
                case VariableExpression v -> {
                    Expression stepped = new BinaryExpression(v, Token.newSymbol(Types.ASSIGN,
                            operation.getStartLine(), operation.getStartColumn()), call("unary", e, v, constant(op)));
                    yield postfix ? direct("first", v, stepped) : stepped;
                }
                case AttributeExpression a -> refuse(a, "direct field access (.@) is not allowed");
                case PropertyExpression p -> call("stepProperty", e, transform(p.getObjectExpression()),
                        name(p.getProperty()), constant(op), constant(postfix));
                case BinaryExpression i when i.getOperation().getType() == Types.LEFT_SQUARE_BRACKET ->
                        call("stepIndex", e, transform(i.getLeftExpression()), transform(i.getRightExpression()),
                                constant(op), constant(postfix));
                default -> refuse(target, "++ and -- apply only to variables, properties and elements");
            };
        }

        private Expression methodCall(MethodCallExpression m) {
            Expression receiver = m.getObjectExpression();
            Arguments args = arguments(m.getArguments());
            if (m.isImplicitThis() && receiver instanceof VariableExpression v && v.isThisExpression()) {
                String name = m.getMethodAsString();
                if (name == null) {
                    return refuse(m, "a call needs a plain name");
                }
                if (name.startsWith("__")) {
                    return refuse(m, "names starting with __ are reserved");
                }
                return call("callName", m, constant(name), args.named(), args.positional());
            }
            return call("call", m, transform(receiver), name(m.getMethod()), flags(m.isSafe(), m.isSpreadSafe()),
                    args.named(), args.positional());
        }

        private Expression name(Expression name) {
            return name instanceof ConstantExpression ? name : transform(name);
        }

        private static Expression flags(boolean safe, boolean spread) {
            return constant((safe ? Guard.SAFE : 0) | (spread ? Guard.SPREAD : 0));
        }

        /** A call's arguments: the named ones as one map (or null), the others as a list (spread allowed). */
        private record Arguments(Expression named, Expression positional) {
        }

        private Arguments arguments(Expression arguments) {
            List<Expression> all = arguments instanceof TupleExpression t ? t.getExpressions() : List.of(arguments);
            Expression named = constant(null);
            List<Expression> positional = new ArrayList<>(all.size());
            for (int i = 0; i < all.size(); i++) {
                Expression argument = all.get(i);
                if (isNamed(arguments, i)) {
                    named = transform(new MapExpression(((MapExpression) argument).getMapEntryExpressions()));
                } else {
                    positional.add(transform(argument));
                }
            }
            return new Arguments(named, new ListExpression(positional));
        }

        private Expression construct(ConstructorCallExpression c) {
            if (c.isSpecialCall() || c.isUsingAnonymousInnerClass()) {
                return refuse(c, "anonymous classes and constructor calls are not allowed");
            }
            if (!TypeRules.constructible(c.getType().getName())) {
                return refuse(c, "new " + c.getType().getName() + " is not allowed; a script can make only lists,"
                        + " maps and sets (best with [] and [:]) and exceptions to throw");
            }
            return call("construct", c, new ClassExpression(c.getType()), arguments(c.getArguments()).positional());
        }

        private Expression cast(CastExpression c) {
            ClassNode type = c.getType();
            if (!TypeRules.nameable(type.getName())) {
                return refuse(c, "casting to " + typeName(type) + " is not allowed");
            }
            return call("cast", c, transform(c.getExpression()), new ClassExpression(type), constant(c.isCoerce()));
        }

        private Expression closure(ClosureExpression c) {
            if (c.getParameters() != null) {
                for (Parameter parameter : c.getParameters()) {
                    checkType(parameter, parameter.getOriginType());
                    if (parameter.hasInitialExpression()) {
                        parameter.setInitialExpression(transform(parameter.getInitialExpression()));
                    }
                }
            }
            c.getCode().visit(this);
            c.setCode(ticked(c.getCode(), c));
            return c;
        }

        @Override
        public void visitForLoop(ForStatement loop) {
            Parameter variable = loop.getVariable();
            if (variable != null && variable != ForStatement.FOR_LOOP_DUMMY) {
                // Groovy casts each element to the variable's type itself: only casts that cannot build anything
                ClassNode type = variable.getOriginType();
                if (!isObject(type) && !TypeRules.scalar(type.getName())) {
                    refuse(variable, "a loop variable is untyped or a string, number, character or boolean, not "
                            + typeName(type) + ",");
                }
            }
            Expression walked = loop.getCollectionExpression();
            loop.setCollectionExpression(walked instanceof ClosureListExpression
                    ? transform(walked) : call("iterable", loop, transform(walked)));
            loop.getLoopBlock().visit(this);
            loop.setLoopBlock(ticked(loop.getLoopBlock(), loop));
        }

        @Override
        public void visitWhileLoop(WhileStatement loop) {
            loop.setBooleanExpression((BooleanExpression) transform(loop.getBooleanExpression()));
            loop.getLoopBlock().visit(this);
            loop.setLoopBlock(ticked(loop.getLoopBlock(), loop));
        }

        @Override
        public void visitDoWhileLoop(DoWhileStatement loop) {
            loop.setBooleanExpression((BooleanExpression) transform(loop.getBooleanExpression()));
            loop.getLoopBlock().visit(this);
            loop.setLoopBlock(ticked(loop.getLoopBlock(), loop));
        }

        @Override
        public void visitCatchStatement(CatchStatement statement) {
            checkType(statement, statement.getVariable().getOriginType());
            super.visitCatchStatement(statement);
        }

        @Override
        public void visitSynchronizedStatement(SynchronizedStatement statement) {
            refuse(statement, "synchronized blocks are not allowed");
        }
    }
}
