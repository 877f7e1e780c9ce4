package dev.hbi.internal.invoke;

import dev.hbi.Args;
import dev.hbi.HbiConnection;
import dev.hbi.HostingConversation;
import dev.hbi.HostingEnd;
import dev.hbi.HostingEnv;
import dev.hbi.PostingEnd;
import dev.hbi.internal.convert.Conversions;
import dev.hbi.internal.typed.TypedData;
import dev.hbi.spi.LandingContext;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One reflected method or constructor, ready to be called with landed {@link Args}: script arguments
 * are converted to the parameter types, context parameters ({@link Args}, {@link HostingConversation},
 * ...) are filled from the landing context. Immutable and thread-safe.
 */
final class ReflectiveCall {

    private static final Map<Class<?>, Function<Args, Object>> INJECTED = Map.of(
            Args.class, a -> a,
            LandingContext.class, Args::context,
            HostingConversation.class, Args::conversation,
            PostingEnd.class, Args::postingEnd,
            HostingEnd.class, Args::hostingEnd,
            HostingEnv.class, Args::env,
            HbiConnection.class, a -> a.postingEnd().connection());

    private final String name;
    private final MethodHandle spread;
    private final Parameter[] parameters;
    private final Type[] types;
    private final boolean[] data;
    private final boolean answers;
    private final int scriptArity;

    private ReflectiveCall(String name, MethodHandle spread, Parameter[] parameters, Type[] types, boolean typed,
                           boolean returnsValue) {
        this.name = name;
        this.spread = spread;
        this.parameters = parameters;
        this.types = types;
        this.data = new boolean[parameters.length];
        boolean answersItself = false;
        for (int i = 0; i < parameters.length; i++) {
            data[i] = typed && TypedData.isData(parameters[i].getType());
            answersItself |= parameters[i].getType() == HostingConversation.class;
        }
        // Expose: a typed method answers with what it returns, unless it takes the conversation to answer
        this.answers = typed && returnsValue && !answersItself;
        int arity = 0;
        for (Parameter p : parameters) {
            if (!INJECTED.containsKey(p.getType())) {
                arity++;
            }
        }
        this.scriptArity = arity;
    }

    static ReflectiveCall of(String name, Executable executable, Object target, boolean typed) {
        MethodHandle handle = unreflect(executable);
        if (executable instanceof Method) {
            handle = handle.bindTo(target);
        }
        int n = executable.getParameterCount();
        MethodHandle spread = handle.asType(MethodType.genericMethodType(n)).asSpreader(Object[].class, n);
        boolean returnsValue = executable instanceof Method m && m.getReturnType() != void.class;
        return new ReflectiveCall(name, spread, executable.getParameters(), executable.getGenericParameterTypes(),
                typed, returnsValue);
    }

    private static MethodHandle unreflect(Executable e) {
        try {
            if (java.lang.reflect.Modifier.isPublic(e.getDeclaringClass().getModifiers())) {
                return e instanceof Method m ? MethodHandles.publicLookup().unreflect(m)
                        : MethodHandles.publicLookup().unreflectConstructor((Constructor<?>) e);
            }
        } catch (IllegalAccessException notExported) {
            // fall through: try to open it, as for a non-public class
        }
        if (!e.trySetAccessible()) {
            throw new IllegalArgumentException("cannot call " + e + ": make its class public, or open its"
                    + " package to module dev.hbi");
        }
        try {
            return e instanceof Method m ? MethodHandles.lookup().unreflect(m)
                    : MethodHandles.lookup().unreflectConstructor((Constructor<?>) e);
        } catch (IllegalAccessException stillHidden) {
            throw new IllegalArgumentException("cannot call " + e + ": " + stillHidden.getMessage(), stillHidden);
        }
    }

    int scriptArity() {
        return scriptArity;
    }

    String parameters() {
        List<String> shown = new ArrayList<>();
        for (Parameter p : parameters) {
            if (!INJECTED.containsKey(p.getType())) {
                shown.add(p.isNamePresent() ? p.getName() : p.getType().getSimpleName());
            }
        }
        return String.join(", ", shown);
    }

    Object invoke(Args args) throws Exception {
        Object[] values = arguments(args);
        Object result;
        try {
            result = (Object) spread.invokeExact(values);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new InvocationTargetException(t);
        }
        if (answers) {
            args.context().conversation().ifPresent(co -> TypedData.answer(co, result));
        }
        return result;
    }

    private Object[] arguments(Args args) {
        int given = args.size() + args.keywords().size();
        if (given != scriptArity) {
            throw new IllegalArgumentException(name + "(" + parameters() + ") takes " + scriptArity
                    + " argument(s), " + given + " given");
        }
        Object[] values = new Object[parameters.length];
        int position = 0;
        int matchedKeywords = 0;
        for (int i = 0; i < parameters.length; i++) {
            Function<Args, Object> injected = INJECTED.get(parameters[i].getType());
            if (injected != null) {
                values[i] = injected.apply(args);
                continue;
            }
            String label = label(i);
            Object landed;
            if (position < args.size()) {
                landed = args.get(position++);
            } else {
                landed = args.keywords().get(keywordFor(i, args));
                matchedKeywords++;
            }
            values[i] = data[i]
                    ? TypedData.receive(args.conversation(), Conversions.convert(landed, int.class, label),
                            parameters[i].getType(), label)
                    : Conversions.convert(landed, types[i], label);
        }
        if (matchedKeywords != args.keywords().size()) {
            throw new IllegalArgumentException(name + "(" + parameters() + ") got unexpected keyword arguments "
                    + args.keywords().keySet());
        }
        return values;
    }

    private String keywordFor(int index, Args args) {
        Parameter p = parameters[index];
        if (!p.isNamePresent()) {
            throw new IllegalArgumentException(name + "() cannot take keyword arguments: its parameter names"
                    + " were not compiled in (javac -parameters)");
        }
        if (!args.keywords().containsKey(p.getName())) {
            throw new IllegalArgumentException(name + "(" + parameters() + ") is missing argument '"
                    + p.getName() + "'");
        }
        return p.getName();
    }

    private String label(int index) {
        Parameter p = parameters[index];
        return "argument " + (p.isNamePresent() ? "'" + p.getName() + "'" : index) + " of " + name + "()";
    }
}
