package dev.hbi.groovy.internal;

import dev.hbi.Exposure;
import dev.hbi.HbiException;
import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import dev.hbi.groovy.internal.AllowList.Kind;
import groovy.lang.IntRange;
import groovy.lang.Range;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.codehaus.groovy.runtime.InvokerInvocationException;
import org.codehaus.groovy.runtime.ScriptBytecodeAdapter;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;
import org.codehaus.groovy.runtime.typehandling.NumberMath;

/**
 * The runtime checker of confined scripts: the only way their code calls, reads, writes, constructs,
 * casts or applies an operator. {@link Confiner} rewrites every such expression of a script into a call
 * of one of these methods, which decides on the actual runtime value, with the {@link AllowList}, and
 * only then performs the operation through Groovy's own runtime ({@link InvokerHelper}), so that an
 * allowed operation means exactly what it means in Groovy.
 *
 * <p>Every method takes the script (typed {@code Object}, so that compiled closures pass their
 * {@code getThisObject()} without a cast; it carries the {@link Landing}) first and the
 * number of the checked site last, so that an error points at the expression. Every method checks the
 * landing's deadline and sticky refusal first. A refused operation is sticky (see {@link Landing}); an
 * operation that is allowed but fails (an index out of range) is an ordinary landing error. Names
 * resolve only in the hosting environment: an exposed function or value, or a variable the peer
 * assigned, never anything of the script object, its binding or its closures' owners.
 *
 * <p>Public because the compiled scripts, in their own class loaders, call it; it holds no state.
 */
public final class Guard {

    /** A flag of {@link #call} and the property methods: {@code ?.}, null receivers give null. */
    public static final int SAFE = 1;
    /** A flag of {@link #call} and the property methods: {@code *.}, applied to each element. */
    public static final int SPREAD = 2;

    private Guard() {
    }

    private static Landing enter(LandedScript self, int site) {
        Landing landing = self.landing();
        landing.check(site);
        return landing;
    }

    /**
     * Checks the deadline: at every loop iteration and closure entry.
     *
     * @param script the script
     * @param site the loop or closure
     */
    public static void tick(Object script, int site) {
        LandedScript self = (LandedScript) script;
        enter(self, site);
    }

    /**
     * Reads a lifted literal.
     *
     * @param script the script
     * @param slot the placeholder's number
     * @return the literal's value
     */
    public static Object lit(Object script, int slot) {
        LandedScript self = (LandedScript) script;
        return self.landing().literal(slot);
    }

    /**
     * Reads a name the script did not declare: an exposed value or a variable the peer assigned.
     *
     * @param script the script
     * @param name the name
     * @param site where it is read
     * @return the value
     */
    public static Object getVar(Object script, String name, int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = enter(self, site);
        HostingEnv env = landing.env();
        Optional<Exposure> exposure = env.exposure(name);
        if (exposure.isPresent()) {
            if (exposure.get().isCallable()) {
                throw landing.error(site, name + " is a function; call it, as in " + name + "(...)", null);
            }
            return exposure.get().value();
        }
        if (env.isAssigned(name)) {
            return env.get(name).orElse(null);
        }
        throw notDefined(landing, name, site);
    }

    /**
     * Assigns a name the script did not declare: a variable kept for the connection, as an HBI value.
     *
     * @param script the script
     * @param name  the name
     * @param value the value
     * @param site  where it is assigned
     * @return the value, as the assignment expression's value
     */
    public static Object setVar(Object script, String name, Object value, int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = enter(self, site);
        try {
            landing.env().assign(name, Values.toHbi(value, landing.maxNesting()));
        } catch (LandingException | IllegalArgumentException refused) {
            throw landing.error(site, refused.getMessage(), null);
        }
        return value;
    }

    /**
     * Calls a name: an exposed function or constructor.
     *
     * @param script the script
     * @param name  the name
     * @param named the named arguments ({@code f(a: 1)}), or {@code null}
     * @param args  the positional arguments
     * @param site  the call
     * @return the function's value
     */
    public static Object callName(Object script, String name, Map<?, ?> named, List<?> args, int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = enter(self, site);
        HostingEnv env = landing.env();
        Optional<Exposure> exposure = env.exposure(name);
        if (exposure.isPresent()) {
            if (!exposure.get().isCallable()) {
                throw landing.error(site, "'" + name + "' is an exposed value, not a function, so it cannot be called",
                        null);
            }
            return landing.callExposed(exposure.get(), named, args, site);
        }
        if (env.isAssigned(name)) {
            throw landing.error(site, "'" + name + "' is a variable assigned by the peer, not a function, so it cannot"
                    + " be called", null);
        }
        throw notDefined(landing, name, site);
    }

    private static LandingException notDefined(Landing landing, String name, int site) {
        return landing.error(site, "name '" + name + "' is not defined: only exposed names and variables assigned by"
                + " the peer can be used", null);
    }

    /**
     * Calls a method of a value.
     *
     * @param script   the script
     * @param receiver the value
     * @param name     the method's name (a GString for {@code obj."$name"()})
     * @param flags    {@link #SAFE} and {@link #SPREAD}
     * @param named    the named arguments, passed first as a map, as Groovy does; or {@code null}
     * @param args     the positional arguments
     * @param site     the call
     * @return the method's value
     */
    public static Object call(Object script, Object receiver, Object name, int flags, Map<?, ?> named,
                              List<?> args, int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = enter(self, site);
        String method = String.valueOf(name);
        Object[] arguments = arguments(named, args);
        if ((flags & SPREAD) != 0) {
            return spread(landing, self, receiver, site, element -> callOne(landing, self, element, method, arguments,
                    site));
        }
        if (receiver == null && (flags & SAFE) != 0) {
            return null;
        }
        return callOne(landing, self, receiver, method, arguments, site);
    }

    private static Object[] arguments(Map<?, ?> named, List<?> args) {
        if (named == null) {
            return args.toArray();
        }
        Object[] all = new Object[args.size() + 1];
        all[0] = named;
        for (int i = 0; i < args.size(); i++) {
            all[i + 1] = args.get(i);
        }
        return all;
    }

    private static Object callOne(Landing landing, LandedScript self, Object receiver, String method, Object[] args,
                                  int site) {
        Kind kind = AllowList.kind(receiver, self);
        if (!AllowList.method(kind, method)) {
            if (kind == Kind.RECORD && args.length == 0 && component(receiver, method) != null) {
                return read(landing, receiver, component(receiver, method), site);
            }
            throw landing.refuse(site, "calling '" + method + "' on " + AllowList.describe(receiver)
                    + " is not allowed in a confined script");
        }
        limit(landing, self, kind, receiver, method, args, site);
        return invoke(landing, site, kind == Kind.STRING ? receiver.toString() : receiver, method, args);
    }

    private static void limit(Landing landing, LandedScript self, Kind kind, Object receiver, String method,
                              Object[] args, int site) {
        String refused = Limits.check(receiver, method, args);
        if (refused == null) {
            refused = AllowList.arguments(kind, receiver, method, args, self);
        }
        if (refused != null) {
            throw landing.refuse(site, "'" + method + "' on " + AllowList.describe(receiver) + " is refused: " + refused);
        }
    }

    private static Object invoke(Landing landing, int site, Object receiver, String method, Object... args) {
        try {
            return InvokerHelper.invokeMethod(receiver, method, args);
        } catch (RuntimeException e) {
            throw failed(landing, site, method, e);
        }
    }

    private static RuntimeException failed(Landing landing, int site, String what, RuntimeException e) {
        Throwable cause = unwrap(e);
        if (cause instanceof Error error) {
            // a stack overflow (or worse) deep inside: the landing as a whole reports it
            throw error;
        }
        if (cause instanceof HbiException hbi) {
            // a refusal or landing error inside a closure the call ran, or an exposed function's own error
            return hbi;
        }
        if (landing.fatal() != null) {
            return landing.fatal();
        }
        String why = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return landing.error(site, what + " failed: " + cause.getClass().getSimpleName() + why, cause);
    }

    static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof InvokerInvocationException || cause instanceof InvocationTargetException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private interface Each {
        Object apply(Object element);
    }

    private static Object spread(Landing landing, LandedScript self, Object receiver, int site, Each each) {
        if (receiver == null) {
            return null;
        }
        Kind kind = AllowList.kind(receiver, self);
        if (kind != Kind.LIST && kind != Kind.SET) {
            throw landing.refuse(site, "'*.' needs a list or a set, not " + AllowList.describe(receiver));
        }
        if (receiver instanceof IntRange range && range.size() > Limits.MAX_RANGE_WALK) {
            throw landing.refuse(site, "'*.' would walk a range of " + range.size() + " elements at once");
        }
        List<Object> results = new ArrayList<>();
        for (Object element : (Collection<?>) receiver) {
            landing.check(site);
            results.add(element == null ? null : each.apply(element));
        }
        return results;
    }

    /**
     * Reads a property of a value: a map's entry, a map entry's key or value, a range's ends, an
     * exception's message, a record's component.
     *
     * @param script   the script
     * @param receiver the value
     * @param name     the property's name
     * @param flags    {@link #SAFE} and {@link #SPREAD}
     * @param site     the access
     * @return the property's value
     */
    public static Object getProperty(Object script, Object receiver, Object name, int flags, int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = enter(self, site);
        String property = String.valueOf(name);
        if ((flags & SPREAD) != 0) {
            return spread(landing, self, receiver, site, element -> propertyOf(landing, self, element, property, site));
        }
        if (receiver == null && (flags & SAFE) != 0) {
            return null;
        }
        return propertyOf(landing, self, receiver, property, site);
    }

    private static Object propertyOf(Landing landing, LandedScript self, Object receiver, String name, int site) {
        Kind kind = AllowList.kind(receiver, self);
        switch (kind) {
            case MAP -> {
                return ((Map<?, ?>) receiver).get(name);
            }
            case ENTRY -> {
                Map.Entry<?, ?> entry = (Map.Entry<?, ?>) receiver;
                if (name.equals("key") || name.equals("value")) {
                    return name.equals("key") ? entry.getKey() : entry.getValue();
                }
            }
            case THROWABLE -> {
                if (name.equals("message")) {
                    return ((Throwable) receiver).getMessage();
                }
            }
            case LIST -> {
                if (receiver instanceof Range<?> range && (name.equals("from") || name.equals("to"))) {
                    return name.equals("from") ? range.getFrom() : range.getTo();
                }
            }
            case RECORD -> {
                RecordComponent component = component(receiver, name);
                if (component != null) {
                    return read(landing, receiver, component, site);
                }
            }
            default -> {
                // nothing else has properties a confined script may read
            }
        }
        throw landing.refuse(site, "reading '" + name + "' of " + AllowList.describe(receiver)
                + " is not allowed in a confined script");
    }

    private static RecordComponent component(Object record, String name) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        return null;
    }

    private static Object read(Landing landing, Object record, RecordComponent component, int site) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = unwrap(e);
            throw landing.error(site, "reading '" + component.getName() + "' failed: "
                    + cause.getClass().getSimpleName(), cause);
        }
    }

    /**
     * Writes a property of a value: only a map's entry can be written.
     *
     * @param script   the script
     * @param receiver the value
     * @param name     the property's name
     * @param value    the value to write
     * @param flags    {@link #SAFE}
     * @param site     the assignment
     * @return the value, as the assignment's value
     */
    @SuppressWarnings("unchecked")
    public static Object setProperty(Object script, Object receiver, Object name, Object value, int flags,
                                     int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = enter(self, site);
        if (receiver == null && (flags & SAFE) != 0) {
            return null;
        }
        if (AllowList.kind(receiver, self) != Kind.MAP || (flags & SPREAD) != 0) {
            throw landing.refuse(site, "setting '" + name + "' of " + AllowList.describe(receiver)
                    + " is not allowed in a confined script");
        }
        try {
            ((Map<Object, Object>) receiver).put(String.valueOf(name), value);
        } catch (RuntimeException e) {
            throw failed(landing, site, "setting '" + name + "'", e);
        }
        return value;
    }

    /**
     * Applies a binary operator through the method Groovy calls for it.
     *
     * @param script   the script
     * @param left     the left operand
     * @param operator the method, such as {@code plus}, or {@code elvis} for {@code ?=}
     * @param right    the right operand
     * @param site     the expression
     * @return the result
     */
    public static Object binary(Object script, Object left, String operator, Object right, int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = enter(self, site);
        if (operator.equals("elvis")) {
            return DefaultTypeTransformation.castToBoolean(left) ? left : right;
        }
        Kind kind = AllowList.kind(left, self);
        if (!AllowList.operator(kind, operator)) {
            throw landing.refuse(site, "'" + operator + "' cannot be applied to " + AllowList.describe(left)
                    + " in a confined script");
        }
        if (kind == Kind.NUMBER && AllowList.kind(right, self) == Kind.NUMBER) {
            Number result = arithmetic(landing, site, operator, (Number) left, (Number) right);
            if (result != null) {
                return result;
            }
        }
        Object[] args = {right};
        limit(landing, self, kind, left, operator, args, site);
        return invoke(landing, site, kind == Kind.STRING ? left.toString() : left, operator, args);
    }

    /**
     * The arithmetic of two numbers as Groovy's number methods do it ({@code plus(Number, Number)} and the
     * like are {@link NumberMath}), without looking the method up: the common case of a script's loops.
     *
     * @return the result, or {@code null} for an operator left to the general path
     */
    private static Number arithmetic(Landing landing, int site, String operator, Number left, Number right) {
        try {
            return switch (operator) {
                case "plus" -> NumberMath.add(left, right);
                case "minus" -> NumberMath.subtract(left, right);
                case "multiply" -> NumberMath.multiply(left, right);
                case "div" -> NumberMath.divide(left, right);
                case "intdiv" -> NumberMath.intdiv(left, right);
                case "mod" -> NumberMath.mod(left, right);
                default -> null;
            };
        } catch (RuntimeException e) {
            throw failed(landing, site, operator, e);
        }
    }

    /**
     * Reads {@code receiver[key]}.
     *
     * @param script   the script
     * @param receiver the indexed value
     * @param key      the index or key
     * @param safe     whether this is {@code ?[]}
     * @param site     the expression
     * @return the element
     */
    public static Object index(Object script, Object receiver, Object key, boolean safe, int site) {
        LandedScript self = (LandedScript) script;
        if (safe && receiver == null) {
            enter(self, site);
            return null;
        }
        return binary(self, receiver, "getAt", key, site);
    }

    /**
     * Writes {@code receiver[key] = value}, to a list or a map.
     *
     * @param script   the script
     * @param receiver the indexed value
     * @param key      the index or key
     * @param value    the value
     * @param site     the assignment
     * @return the value, as the assignment's value
     */
    public static Object putAt(Object script, Object receiver, Object key, Object value, int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = enter(self, site);
        Kind kind = AllowList.kind(receiver, self);
        if (kind != Kind.LIST && kind != Kind.MAP) {
            throw landing.refuse(site, "'[]=' cannot be applied to " + AllowList.describe(receiver)
                    + " in a confined script");
        }
        Object[] args = {key, value};
        limit(landing, self, kind, receiver, "putAt", args, site);
        invoke(landing, site, receiver, "putAt", args);
        return value;
    }

    /**
     * Evaluates {@code value in container} (or {@code !in}), with the container's {@code isCase}.
     *
     * @param script    the script
     * @param value     the value
     * @param container the container
     * @param negate    whether this is {@code !in}
     * @param site      the expression
     * @return the result
     */
    public static boolean isIn(Object script, Object value, Object container, boolean negate, int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = enter(self, site);
        Kind kind = AllowList.kind(container, self);
        if (kind == Kind.OTHER || kind == Kind.RECORD) {
            throw landing.refuse(site, "'in' cannot be applied to " + AllowList.describe(container)
                    + " in a confined script");
        }
        try {
            boolean found = container == null ? value == null : DefaultTypeTransformation.castToBoolean(
                    InvokerHelper.invokeMethod(container, "isCase", new Object[] {value}));
            return negate != found;
        } catch (RuntimeException e) {
            throw failed(landing, site, "'in'", e);
        }
    }

    /**
     * Applies a unary operator: {@code negative}, {@code positive}, {@code bitwiseNegate} (numbers only),
     * {@code next} or {@code previous} (numbers and strings).
     *
     * @param script   the script
     * @param operand  the operand
     * @param operator the operator's method
     * @param site     the expression
     * @return the result
     */
    public static Object unary(Object script, Object operand, String operator, int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = enter(self, site);
        Kind kind = AllowList.kind(operand, self);
        boolean stepping = operator.equals("next") || operator.equals("previous");
        if (kind != Kind.NUMBER && !(kind == Kind.STRING && stepping)) {
            throw landing.refuse(site, "'" + operator + "' cannot be applied to " + AllowList.describe(operand)
                    + " in a confined script");
        }
        try {
            return switch (operator) {
                case "negative" -> InvokerHelper.unaryMinus(operand);
                case "positive" -> InvokerHelper.unaryPlus(operand);
                case "bitwiseNegate" -> InvokerHelper.bitwiseNegate(operand);
                default -> InvokerHelper.invokeMethod(kind == Kind.STRING ? operand.toString() : operand, operator,
                        null);
            };
        } catch (RuntimeException e) {
            throw failed(landing, site, operator, e);
        }
    }

    /**
     * Evaluates {@code receiver.name op= value}, reading and writing the property once each.
     *
     * @param script   the script
     * @param receiver the value whose property is updated
     * @param name     the property
     * @param operator the operator's method
     * @param value    the right operand
     * @param flags    {@link #SAFE}
     * @param site     the expression
     * @return the new value
     */
    public static Object compoundProperty(Object script, Object receiver, Object name, String operator, Object value,
                                          int flags, int site) {
        LandedScript self = (LandedScript) script;
        if (receiver == null && (flags & SAFE) != 0) {
            enter(self, site);
            return null;
        }
        Object result = binary(self, getProperty(self, receiver, name, 0, site), operator, value, site);
        return setProperty(self, receiver, name, result, 0, site);
    }

    /**
     * Evaluates {@code receiver[key] op= value}, evaluating the receiver and key once.
     *
     * @param script   the script
     * @param receiver the indexed value
     * @param key      the index or key
     * @param operator the operator's method
     * @param value    the right operand
     * @param site     the expression
     * @return the new value
     */
    public static Object compoundIndex(Object script, Object receiver, Object key, String operator, Object value,
                                       int site) {
        LandedScript self = (LandedScript) script;
        Object result = binary(self, index(self, receiver, key, false, site), operator, value, site);
        return putAt(self, receiver, key, result, site);
    }

    /**
     * Evaluates {@code ++name}, {@code name--} and the like on a name the script did not declare.
     *
     * @param script   the script
     * @param name     the name
     * @param operator {@code next} or {@code previous}
     * @param postfix  whether the old value is the expression's value
     * @param site     the expression
     * @return the old value if postfix, else the new one
     */
    public static Object stepVar(Object script, String name, String operator, boolean postfix, int site) {
        LandedScript self = (LandedScript) script;
        Object old = getVar(self, name, site);
        Object stepped = unary(self, old, operator, site);
        setVar(self, name, stepped, site);
        return postfix ? old : stepped;
    }

    /**
     * Evaluates {@code ++receiver.name} and the like.
     *
     * @param script   the script
     * @param receiver the value whose property is stepped
     * @param name     the property
     * @param operator {@code next} or {@code previous}
     * @param postfix  whether the old value is the expression's value
     * @param site     the expression
     * @return the old value if postfix, else the new one
     */
    public static Object stepProperty(Object script, Object receiver, Object name, String operator, boolean postfix,
                                      int site) {
        LandedScript self = (LandedScript) script;
        Object old = getProperty(self, receiver, name, 0, site);
        Object stepped = unary(self, old, operator, site);
        setProperty(self, receiver, name, stepped, 0, site);
        return postfix ? old : stepped;
    }

    /**
     * Evaluates {@code ++receiver[key]} and the like.
     *
     * @param script   the script
     * @param receiver the indexed value
     * @param key      the index or key
     * @param operator {@code next} or {@code previous}
     * @param postfix  whether the old value is the expression's value
     * @param site     the expression
     * @return the old value if postfix, else the new one
     */
    public static Object stepIndex(Object script, Object receiver, Object key, String operator, boolean postfix,
                                   int site) {
        LandedScript self = (LandedScript) script;
        Object old = index(self, receiver, key, false, site);
        Object stepped = unary(self, old, operator, site);
        putAt(self, receiver, key, stepped, site);
        return postfix ? old : stepped;
    }

    /**
     * Returns its first argument: {@code x++} on a local variable is {@code first(x, x = next(x))}.
     *
     * @param first  the value to return
     * @param second evaluated for its effect
     * @return {@code first}
     */
    public static Object first(Object first, Object second) {
        return first;
    }

    /**
     * Casts ({@code (T) v}, {@code T x = v}) or coerces ({@code v as T}) to an allowed type. A value of a
     * type the script could not have made (one the host gave it) is cast only to what it already is, to
     * {@code String}, {@code boolean} or {@code Object}, so no cast can call a constructor the host did not
     * expose.
     *
     * @param script the script
     * @param value  the value
     * @param type   the type, one {@link TypeRules} allows
     * @param coerce whether this is {@code as}
     * @param site   the expression
     * @return the cast value
     */
    public static Object cast(Object script, Object value, Class<?> type, boolean coerce, int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = enter(self, site);
        if (!TypeRules.nameable(type.getName())) {
            throw landing.refuse(site, "casting to " + type.getName() + " is not allowed in a confined script");
        }
        Kind kind = AllowList.kind(value, self);
        boolean plain = type == Object.class || type == String.class || type == Boolean.class || type == boolean.class;
        boolean foreign = kind == Kind.OTHER || kind == Kind.RECORD || kind == Kind.ENTRY || kind == Kind.ITERATOR
                || kind == Kind.THROWABLE || kind == Kind.CLOSURE;
        if (foreign && !plain && !type.isInstance(value)) {
            throw landing.refuse(site, "casting " + AllowList.describe(value) + " to " + type.getName()
                    + " is not allowed in a confined script");
        }
        try {
            if (coerce) {
                return value == null ? null : InvokerHelper.invokeMethod(value, "asType", type);
            }
            return DefaultTypeTransformation.castToType(value, type);
        } catch (RuntimeException e) {
            throw failed(landing, site, "casting to " + type.getSimpleName(), e);
        }
    }

    /**
     * Makes a collection with {@code new} (empty, or a copy of one collection or map), or an exception to
     * throw (with a message, or none).
     *
     * @param script the script
     * @param type the class, one {@link TypeRules} allows
     * @param args the constructor's arguments
     * @param site the expression
     * @return the new object
     */
    public static Object construct(Object script, Class<?> type, List<?> args, int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = enter(self, site);
        if (!TypeRules.constructible(type, args)) {
            throw landing.refuse(site, "new " + type.getName() + " with " + args.size() + " argument(s) is not allowed"
                    + " in a confined script");
        }
        try {
            return InvokerHelper.invokeConstructorOf(type, args.toArray());
        } catch (RuntimeException e) {
            throw failed(landing, site, "new " + type.getSimpleName(), e);
        }
    }

    /**
     * Makes a range: of integers only, whose size and elements are known without walking it.
     *
     * @param script         the script
     * @param from           the first bound
     * @param to             the second bound
     * @param exclusiveLeft  whether this is {@code from<..to}
     * @param exclusiveRight whether this is {@code from..<to}
     * @param site           the expression
     * @return the range
     */
    public static Object range(Object script, Object from, Object to, boolean exclusiveLeft, boolean exclusiveRight,
                               int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = enter(self, site);
        if (!(from instanceof Integer) || !(to instanceof Integer)) {
            throw landing.refuse(site, "a range in a confined script goes from one int to another, not from "
                    + AllowList.describe(from) + " to " + AllowList.describe(to));
        }
        try {
            return ScriptBytecodeAdapter.createRange(from, to, exclusiveLeft, exclusiveRight);
        } catch (RuntimeException e) {
            throw failed(landing, site, "making the range", e);
        } catch (Throwable e) {
            throw new IllegalStateException("an int range could not be made: " + e, e);
        }
    }

    /**
     * Checks what a {@code for (x in value)} loop walks: a string, collection, map or iterator.
     *
     * @param script the script
     * @param value the value
     * @param site  the loop
     * @return the value
     */
    public static Object iterable(Object script, Object value, int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = enter(self, site);
        Kind kind = AllowList.kind(value, self);
        if (kind == Kind.NULL || kind == Kind.STRING || kind == Kind.LIST || kind == Kind.SET || kind == Kind.MAP
                || kind == Kind.ITERATOR) {
            return value;
        }
        throw landing.refuse(site, "a for loop cannot walk " + AllowList.describe(value) + " in a confined script");
    }

    /**
     * Checks what {@code def (a, b) = value} takes apart: a list.
     *
     * @param script the script
     * @param value the value
     * @param site  the declaration
     * @return the value
     */
    public static Object destructure(Object script, Object value, int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = enter(self, site);
        if (!(value instanceof List<?>)) {
            throw landing.refuse(site, "only a list can be taken apart by def (a, b) = ..., not "
                    + AllowList.describe(value));
        }
        return value;
    }
}
