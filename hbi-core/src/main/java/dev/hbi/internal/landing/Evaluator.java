package dev.hbi.internal.landing;

import dev.hbi.Args;
import dev.hbi.ConversationInterruptedException;
import dev.hbi.Exposure;
import dev.hbi.HbiException;
import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import dev.hbi.Tuple;
import dev.hbi.internal.convert.Conversions;
import dev.hbi.internal.landing.Ast.Assignment;
import dev.hbi.internal.landing.Ast.Call;
import dev.hbi.internal.landing.Ast.Dict;
import dev.hbi.internal.landing.Ast.Display;
import dev.hbi.internal.landing.Ast.Evaluation;
import dev.hbi.internal.landing.Ast.Literal;
import dev.hbi.internal.landing.Ast.Name;
import dev.hbi.internal.landing.Ast.Node;
import dev.hbi.internal.landing.Ast.Script;
import dev.hbi.internal.landing.Ast.Statement;
import dev.hbi.internal.landing.Ast.Unary;
import dev.hbi.spi.LandingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates a parsed script against the context's environment, with Python's semantics: statements
 * run in order, assignments go to {@link HostingEnv#assign}, and the landed value is that of the last
 * statement if it is an expression (the reference's {@code run_py}, hbi-wire-reference §3.1).
 *
 * <p>Names resolve in this order: the constants (already folded by the parser), what the environment
 * exposes, the variables the peer assigned, and, only when called, the {@link BuiltinHelper}s.
 * Literal byte arrays are handed out without copying: each tree is evaluated once.
 *
 * <p>One evaluator serves one landing on one thread; it is not thread-safe.
 */
final class Evaluator {

    private final Source source;
    private final LandingContext context;
    private final HostingEnv env;

    Evaluator(Source source, LandingContext context) {
        this.source = source;
        this.context = context;
        this.env = context.env();
    }

    /**
     * Runs a script.
     *
     * @param script the parsed script
     * @return the value of the last statement if it is an expression, else {@code null}
     */
    Object run(Script script) {
        Object last = null;
        for (Statement statement : script.statements()) {
            switch (statement) {
                case Assignment assignment -> {
                    Object value = eval(assignment.value());
                    for (Name target : assignment.targets()) {
                        assign(target, value);
                    }
                    last = null;
                }
                case Evaluation evaluation -> last = eval(evaluation.expression());
            }
        }
        return last;
    }

    private void assign(Name target, Object value) {
        try {
            env.assign(target.name(), value);
        } catch (LandingException refused) {
            // the environment knows why the name cannot be assigned; the script knows where
            throw source.error(refused.getMessage(), target.start(), target.end());
        }
    }

    private Object eval(Node node) {
        return switch (node) {
            case Literal literal -> literal.value();
            case Name name -> lookup(name);
            case Call call -> call(call);
            case Display display -> display(display);
            case Dict dict -> dict(dict);
            case Unary unary -> unary(unary);
        };
    }

    private Object lookup(Name node) {
        String name = node.name();
        Optional<Exposure> exposure = env.exposure(name);
        if (exposure.isPresent()) {
            Exposure e = exposure.get();
            if (e.isCallable()) {
                throw source.error(name + " is a " + kind(e) + "; call it, as in " + name + "(...)",
                        node.start(), node.end());
            }
            return e.value();
        }
        if (env.isAssigned(name)) {
            return env.get(name).orElse(null);
        }
        if (BuiltinHelper.named(name) != null) {
            throw source.error(name + " is a built-in helper; it can only be called, as in " + name + "(...)",
                    node.start(), node.end());
        }
        throw notDefined(name, node);
    }

    private Object call(Call node) {
        String name = node.name();
        Optional<Exposure> exposure = env.exposure(name);
        if (exposure.isPresent()) {
            if (!exposure.get().isCallable()) {
                throw source.error("'" + name + "' is an exposed value, not a function, so it cannot be called",
                        node.start(), node.end());
            }
            return invoke(exposure.get(), node);
        }
        if (env.isAssigned(name)) {
            throw source.error("'" + name + "' is a variable assigned by the peer, not a function, so it cannot"
                    + " be called", node.start(), node.end());
        }
        BuiltinHelper helper = BuiltinHelper.named(name);
        if (helper != null) {
            return help(helper, node);
        }
        throw notDefined(name, node);
    }

    private Object invoke(Exposure exposure, Call node) {
        Object[] values = evalAll(node.arguments());
        int positional = values.length - node.keywords().length;
        Map<String, Object> keywords = Map.of();
        if (positional < values.length) {
            keywords = new LinkedHashMap<>();
            for (int i = positional; i < values.length; i++) {
                keywords.put(node.keywords()[i - positional], values[i]);
            }
        }
        try {
            // a whole array is copied by one clone; a sub-list would be copied element by element
            List<Object> arguments = Arrays.asList(positional == values.length ? values : Arrays.copyOf(values, positional));
            return exposure.call(Args.of(context, arguments, keywords));
        } catch (HbiException e) {
            // a landing error of a nested landing keeps its own position; a closed connection or timeout is
            // not this script's fault and must keep its type
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConversationInterruptedException(node.name() + "() was interrupted", e);
        } catch (Exception e) {
            String why = e.getMessage() == null ? "" : ": " + e.getMessage();
            throw source.error(node.name() + "() failed: " + e.getClass().getSimpleName() + why,
                    node.start(), node.end(), e);
        }
    }

    private Object help(BuiltinHelper helper, Call node) {
        if (node.keywords().length > 0) {
            throw source.error(helper.pythonName() + "() takes no keyword arguments", node.start(), node.end());
        }
        Object[] values = evalAll(node.arguments());
        try {
            return helper.apply(Arrays.asList(values));
        } catch (IllegalArgumentException e) {
            throw source.error(e.getMessage(), node.start(), node.end());
        }
    }

    private Object[] evalAll(Node[] nodes) {
        Object[] values = new Object[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            values[i] = eval(nodes[i]);
        }
        return values;
    }

    private Object display(Display node) {
        Node[] items = node.items();
        return switch (node.shape()) {
            case LIST -> {
                List<Object> list = new ArrayList<>(items.length);
                for (Node item : items) {
                    list.add(eval(item));
                }
                yield list;
            }
            case TUPLE -> Tuple.of(evalAll(items));
            case SET -> {
                Set<Object> set = new LinkedHashSet<>();
                for (Node item : items) {
                    set.add(key(item, "a set element"));
                }
                yield set;
            }
        };
    }

    private Object dict(Dict node) {
        Map<Object, Object> dict = new LinkedHashMap<>();
        Node[] keys = node.keys();
        for (int i = 0; i < keys.length; i++) {
            // Python evaluates each key before its value
            Object key = key(keys[i], "a dict key");
            dict.put(key, eval(node.values()[i]));
        }
        return dict;
    }

    private Object key(Node node, String role) {
        Object value = eval(node);
        String whyNot = Keys.whyNot(value, role);
        if (whyNot != null) {
            throw source.error(whyNot, node.start(), node.end());
        }
        return value;
    }

    private Object unary(Unary node) {
        Object operand = eval(node.operand());
        Number result = Numbers.sign(operand, node.negative());
        if (result == null) {
            throw source.error("bad operand for unary " + (node.negative() ? "-" : "+") + ": "
                    + Conversions.describe(operand) + " is not a number", node.start(), node.end());
        }
        return result;
    }

    private static String kind(Exposure exposure) {
        return exposure.kind() == Exposure.Kind.CONSTRUCTOR ? "constructor" : "function";
    }

    private LandingException notDefined(String name, Node node) {
        return source.error("name '" + name + "' is not defined: only exposed names and variables assigned by the"
                + " peer can be used", node.start(), node.end());
    }
}
