package dev.hbi.groovy.internal;

import dev.hbi.groovy.internal.AllowList.Kind;
import java.util.List;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.codehaus.groovy.runtime.ScriptBytecodeAdapter;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;
import org.codehaus.groovy.runtime.typehandling.NumberMath;

/**
 * The second half of the runtime checker of confined scripts ({@link Guard} has the first): operators,
 * indexes, {@code ++}/{@code --} and compound assignments, casts, {@code new}, ranges, and what loops
 * and multiple assignments take apart. Same contract as {@link Guard}: the script first, the site last,
 * the deadline and sticky refusal checked first, and an allowed operation performed by Groovy's own
 * runtime. Public because the compiled scripts call it; it holds no state.
 */
public final class Operators {

    private Operators() {
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
        Landing landing = Guard.enter(self, site);
        if (operator.equals("elvis")) {
            return DefaultTypeTransformation.castToBoolean(left) ? left : right;
        }
        Kind kind = AllowList.kind(left, self);
        if (!AllowList.operator(kind, operator)) {
            throw landing.refuse(site, "'" + operator + "' cannot be applied to " + AllowList.describe(left)
                    + " in a confined script");
        }
        Object[] args = {right};
        Guard.limit(landing, self, kind, left, operator, args, site);
        if (kind == Kind.NUMBER && AllowList.kind(right, self) == Kind.NUMBER) {
            Number result = arithmetic(landing, site, operator, (Number) left, (Number) right);
            if (result != null) {
                return result;
            }
        }
        return Guard.invoke(landing, site, kind == Kind.STRING ? left.toString() : left, operator, args);
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
            throw Guard.failed(landing, site, operator, e);
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
            Guard.enter(self, site);
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
        Landing landing = Guard.enter(self, site);
        Kind kind = AllowList.kind(receiver, self);
        if (kind != Kind.LIST && kind != Kind.MAP) {
            throw landing.refuse(site, "'[]=' cannot be applied to " + AllowList.describe(receiver)
                    + " in a confined script");
        }
        Object[] args = {key, value};
        Guard.limit(landing, self, kind, receiver, "putAt", args, site);
        Guard.invoke(landing, site, receiver, "putAt", args);
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
        Landing landing = Guard.enter(self, site);
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
            throw Guard.failed(landing, site, "'in'", e);
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
        Landing landing = Guard.enter(self, site);
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
            throw Guard.failed(landing, site, operator, e);
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
     * @param flags    {@link Guard#SAFE}
     * @param site     the expression
     * @return the new value
     */
    public static Object compoundProperty(Object script, Object receiver, Object name, String operator, Object value,
                                          int flags, int site) {
        LandedScript self = (LandedScript) script;
        if (receiver == null && (flags & Guard.SAFE) != 0) {
            Guard.enter(self, site);
            return null;
        }
        Object result = binary(self, Guard.getProperty(self, receiver, name, 0, site), operator, value, site);
        return Guard.setProperty(self, receiver, name, result, 0, site);
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
        Object old = Guard.getVar(self, name, site);
        Object stepped = unary(self, old, operator, site);
        Guard.setVar(self, name, stepped, site);
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
        Object old = Guard.getProperty(self, receiver, name, 0, site);
        Object stepped = unary(self, old, operator, site);
        Guard.setProperty(self, receiver, name, stepped, 0, site);
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
        Landing landing = Guard.enter(self, site);
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
        String tooLong = Number.class.isAssignableFrom(type) || type.isPrimitive() ? Limits.numberText(value) : null;
        if (tooLong != null) {
            throw landing.refuse(site, "casting to " + type.getName() + " is refused: " + tooLong);
        }
        try {
            if (coerce) {
                return value == null ? null : InvokerHelper.invokeMethod(value, "asType", type);
            }
            return DefaultTypeTransformation.castToType(value, type);
        } catch (RuntimeException e) {
            throw Guard.failed(landing, site, "casting to " + type.getSimpleName(), e);
        }
    }

    /**
     * Makes a collection with {@code new} (empty, or a copy of one collection or map), or an exception to
     * throw (with a message, or none).
     *
     * @param script the script
     * @param type   the class, one {@link TypeRules} allows
     * @param args   the constructor's arguments
     * @param site   the expression
     * @return the new object
     */
    public static Object construct(Object script, Class<?> type, List<?> args, int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = Guard.enter(self, site);
        if (!TypeRules.constructible(type, args)) {
            throw landing.refuse(site, "new " + type.getName() + " with " + args.size() + " argument(s) is not allowed"
                    + " in a confined script");
        }
        try {
            return InvokerHelper.invokeConstructorOf(type, args.toArray());
        } catch (RuntimeException e) {
            throw Guard.failed(landing, site, "new " + type.getSimpleName(), e);
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
        Landing landing = Guard.enter(self, site);
        if (!(from instanceof Integer) || !(to instanceof Integer)) {
            throw landing.refuse(site, "a range in a confined script goes from one int to another, not from "
                    + AllowList.describe(from) + " to " + AllowList.describe(to));
        }
        try {
            return ScriptBytecodeAdapter.createRange(from, to, exclusiveLeft, exclusiveRight);
        } catch (RuntimeException e) {
            throw Guard.failed(landing, site, "making the range", e);
        } catch (Throwable e) {
            throw new IllegalStateException("an int range could not be made: " + e, e);
        }
    }

    /**
     * Checks what a {@code for (x in value)} loop walks: a string, collection, map or iterator.
     *
     * @param script the script
     * @param value  the value
     * @param site   the loop
     * @return the value
     */
    public static Object iterable(Object script, Object value, int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = Guard.enter(self, site);
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
     * @param value  the value
     * @param site   the declaration
     * @return the value
     */
    public static Object destructure(Object script, Object value, int site) {
        LandedScript self = (LandedScript) script;
        Landing landing = Guard.enter(self, site);
        if (!(value instanceof List<?>)) {
            throw landing.refuse(site, "only a list can be taken apart by def (a, b) = ..., not "
                    + AllowList.describe(value));
        }
        return value;
    }
}
