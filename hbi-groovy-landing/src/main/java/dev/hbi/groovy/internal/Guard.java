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

/**
 * The runtime checker of confined scripts: the only way their code calls, reads, writes, constructs,
 * casts or applies an operator. {@link Confiner} rewrites every such expression of a script into a call
 * of one of these methods (names, calls and properties) or of {@link Operators} (the rest), which decides
 * on the actual runtime value, with the {@link AllowList}, and only then performs the operation through
 * Groovy's own runtime ({@link InvokerHelper}), so that an allowed operation means exactly what it means
 * in Groovy.
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

    static Landing enter(LandedScript self, int site) {
        Landing landing = self.landing();
        landing.check(site);
        return landing;
    }

    /**
     * Checks the deadline: at every loop iteration and closure entry.
     *
     * @param script the script
     * @param site   the loop or closure
     */
    public static void tick(Object script, int site) {
        LandedScript self = (LandedScript) script;
        enter(self, site);
    }

    /**
     * Reads a lifted literal.
     *
     * @param script the script
     * @param slot   the placeholder's number
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
     * @param name   the name
     * @param site   where it is read
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
     * @param name   the name
     * @param value  the value
     * @param site   where it is assigned
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
     * @param name   the name
     * @param named  the named arguments ({@code f(a: 1)}), or {@code null}
     * @param args   the positional arguments
     * @param site   the call
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

    static void limit(Landing landing, LandedScript self, Kind kind, Object receiver, String method,
                              Object[] args, int site) {
        String refused = Limits.check(receiver, method, args);
        if (refused == null) {
            refused = AllowList.arguments(kind, receiver, method, args, self);
        }
        if (refused != null) {
            throw landing.refuse(site, "'" + method + "' on " + AllowList.describe(receiver) + " is refused: " + refused);
        }
    }

    static Object invoke(Landing landing, int site, Object receiver, String method, Object... args) {
        try {
            return InvokerHelper.invokeMethod(receiver, method, args);
        } catch (RuntimeException e) {
            throw failed(landing, site, method, e);
        }
    }

    static RuntimeException failed(Landing landing, int site, String what, RuntimeException e) {
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
}
