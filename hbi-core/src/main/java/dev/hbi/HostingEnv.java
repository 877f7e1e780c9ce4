package dev.hbi;

import dev.hbi.internal.EnvAccess;
import dev.hbi.internal.Names;
import dev.hbi.internal.invoke.Invokers;
import dev.hbi.internal.landing.BuiltinLanderProvider;
import dev.hbi.internal.landing.LocalLandingContext;
import dev.hbi.spi.Lander;
import dev.hbi.spi.LanderProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hosting environment of one connection: the functions, constructors, values and reactor objects the
 * peer's scripts may reach by name, and the variables those scripts assign. Code the peer sends is
 * <em>landed</em> here by the environment's {@link Lander}; nothing else is reachable from it.
 *
 * <pre>{@code
 * HostingEnv env = HostingEnv.create()
 *         .exposeProcedure("hello", args -> {
 *             HostingConversation co = args.conversation();
 *             co.startSend();
 *             co.sendValue("Hello, " + args.env().get("my_name").orElse("stranger") + "!");
 *         })
 *         .exposeConstructor(Msg.class)
 *         .onInit((po, ho) -> po.notify("print('Welcome!')"));
 * }</pre>
 *
 * <p>An environment serves one connection: a server takes a factory that makes one per connection.
 * Exposing is allowed at any time (an init hook often exposes a reactor made for the connection) and is
 * safe from any thread. Names starting with {@code __} and the literal constants ({@code None},
 * {@code true}, {@code nan}, ...) are reserved.
 */
public final class HostingEnv {

    /** The name of the lander built into the core, which lands the call/literal subset every peer speaks. */
    public static final String BUILTIN_LANDER = "builtin";

    /** Stands for a {@code None} assigned by a script; the maps cannot hold {@code null}. */
    private static final Object NONE = new Object();

    static {
        EnvAccess.install(new EnvAccess.Bridge() {
            @Override
            public void attach(HostingEnv env, HbiConnection connection) {
                HostingEnv.attach(env, connection);
            }

            @Override
            public void detach(HostingEnv env, HbiConnection connection) {
                env.connection.compareAndSet(connection, null);
            }
        });
    }

    private final HostingEnv parent;
    private final LanderProvider provider;
    private final Lander lander;
    private final Map<String, Exposure> exposures = new ConcurrentHashMap<>();
    private final Map<String, Object> assigned = new ConcurrentHashMap<>();
    private volatile InitHook initHook;
    private volatile CleanupHook cleanupHook;
    private volatile CatchAll catchAll;
    private final java.util.concurrent.atomic.AtomicReference<HbiConnection> connection =
            new java.util.concurrent.atomic.AtomicReference<>();

    private HostingEnv(HostingEnv parent, LanderProvider provider) {
        this.parent = parent;
        this.provider = provider;
        this.lander = provider.create(this);
        if (parent == null) {
            introspection(true);
        }
    }

    /**
     * Creates an empty environment that lands code with the built-in lander.
     *
     * @return a new environment
     */
    public static HostingEnv create() {
        return new HostingEnv(null, BuiltinLanderProvider.INSTANCE);
    }

    /**
     * Creates an empty environment that lands code with the named lander, found with
     * {@link ServiceLoader} (for example {@code "groovy"} when {@code hbi-groovy-landing} is present).
     *
     * @param landerName the {@link LanderProvider#name() name} of the lander
     * @return a new environment
     * @throws IllegalArgumentException if no such lander is installed
     */
    public static HostingEnv create(String landerName) {
        return new HostingEnv(null, provider(landerName));
    }

    /**
     * Creates an empty environment that lands code with the given provider's lander: for a provider
     * configured in code, such as a Groovy lander in trusted mode, that {@link ServiceLoader} cannot make.
     *
     * @param provider the provider of the lander
     * @return a new environment
     */
    public static HostingEnv create(LanderProvider provider) {
        return new HostingEnv(null, Objects.requireNonNull(provider, "provider"));
    }

    /**
     * Returns the names of the landers that can be used.
     *
     * @return the built-in lander's name and those of every installed provider
     */
    public static Set<String> availableLanders() {
        Set<String> names = new TreeSet<>();
        names.add(BUILTIN_LANDER);
        ServiceLoader.load(LanderProvider.class).forEach(p -> names.add(p.name()));
        return names;
    }

    private static LanderProvider provider(String name) {
        Objects.requireNonNull(name, "landerName");
        if (BUILTIN_LANDER.equals(name)) {
            return BuiltinLanderProvider.INSTANCE;
        }
        for (LanderProvider p : ServiceLoader.load(LanderProvider.class)) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no lander named '" + name + "' is installed; available: "
                + availableLanders());
    }

    /**
     * Exposes a function.
     *
     * @param name     the name scripts call it by
     * @param function the function
     * @return this environment
     * @throws IllegalArgumentException if the name is not an identifier, is reserved, or is taken
     */
    public HostingEnv expose(String name, HostedFunction function) {
        return expose(name, "...", "", function);
    }

    /**
     * Exposes a function with a description for tools that list what a service offers.
     *
     * @param name       the name scripts call it by
     * @param parameters the parameters as a call would write them, such as {@code "nick"}
     * @param doc        a one-line description
     * @param function   the function
     * @return this environment
     * @throws IllegalArgumentException if the name is not an identifier, is reserved, or is taken
     */
    public HostingEnv expose(String name, String parameters, String doc, HostedFunction function) {
        return put(Exposure.callable(name, Exposure.Kind.FUNCTION, function, parameters, doc));
    }

    /**
     * Exposes a procedure: a function whose value in the script is {@code None}.
     *
     * @param name      the name scripts call it by
     * @param procedure the procedure
     * @return this environment
     * @throws IllegalArgumentException if the name is not an identifier, is reserved, or is taken
     */
    public HostingEnv exposeProcedure(String name, HostedProcedure procedure) {
        return exposeProcedure(name, "...", "", procedure);
    }

    /**
     * Exposes a procedure with a description for tools that list what a service offers.
     *
     * @param name       the name scripts call it by
     * @param parameters the parameters as a call would write them
     * @param doc        a one-line description
     * @param procedure  the procedure
     * @return this environment
     * @throws IllegalArgumentException if the name is not an identifier, is reserved, or is taken
     */
    public HostingEnv exposeProcedure(String name, String parameters, String doc, HostedProcedure procedure) {
        Objects.requireNonNull(procedure, "procedure");
        return expose(name, parameters, doc, args -> {
            procedure.run(args);
            return null;
        });
    }

    /**
     * Exposes a value under a name.
     *
     * @param name  the name scripts read it by
     * @param value the value, possibly {@code null}
     * @return this environment
     * @throws IllegalArgumentException if the name is not an identifier, is reserved, or is taken
     */
    public HostingEnv exposeValue(String name, Object value) {
        return put(Exposure.value(name, value, ""));
    }

    /**
     * Exposes the public constructors of a class (the canonical one of a record) under the class's simple
     * name, so that {@code Msg('bob', 'hi', 1.5)} in a script makes a {@code Msg}.
     *
     * @param type the class
     * @return this environment
     * @throws IllegalArgumentException if the class has no usable public constructor, or the name is taken
     */
    public HostingEnv exposeConstructor(Class<?> type) {
        return exposeConstructor(type.getSimpleName(), type);
    }

    /**
     * Exposes the public constructors of a class under a given name.
     *
     * @param name the name scripts call it by
     * @param type the class
     * @return this environment
     * @throws IllegalArgumentException if the class has no usable public constructor, or the name is taken
     */
    public HostingEnv exposeConstructor(String name, Class<?> type) {
        Invokers.Described ctor = Invokers.constructor(name, type);
        return put(Exposure.callable(name, Exposure.Kind.CONSTRUCTOR, ctor.function(), ctor.parameters(), ctor.doc()));
    }

    /**
     * Exposes the methods of an object, as the reference's {@code expose_reactor}: those marked
     * {@link Expose} under their exposed names (with the conventions described there), or, if none is
     * marked, every public instance method by its name. Landed arguments are converted to the declared
     * parameter types; parameters of type {@link Args}, {@link HostingConversation}, {@link PostingEnd},
     * {@link HostingEnd} or {@link HostingEnv} are filled from the landing context instead of from the
     * script.
     *
     * @param reactor the object
     * @return this environment
     * @throws IllegalArgumentException if a name is taken, or two overloads take as many arguments
     */
    public HostingEnv exposeReactor(Object reactor) {
        Invokers.reactorMethods(reactor, null).forEach(this::putMethod);
        return this;
    }

    /**
     * Exposes the named public instance methods of an object.
     *
     * @param reactor the object
     * @param names   the methods to expose
     * @return this environment
     * @throws IllegalArgumentException if a method does not exist, a name is taken, or two overloads take
     *                                  as many arguments
     */
    public HostingEnv exposeReactor(Object reactor, String... names) {
        Invokers.reactorMethods(reactor, Set.of(names)).forEach(this::putMethod);
        return this;
    }

    private void putMethod(String name, Invokers.Described method) {
        put(Exposure.callable(name, Exposure.Kind.FUNCTION, method.function(), method.parameters(), method.doc()));
    }

    private HostingEnv put(Exposure exposure) {
        String name = Names.checkExposable(exposure.name());
        if (exposures.putIfAbsent(name, exposure) != null) {
            throw new IllegalArgumentException("'" + name + "' is already exposed");
        }
        return this;
    }

    /**
     * Switches HBI's introspection function {@code __hbi_list__()} on or off (it is on by default). It
     * answers, as a list of {@code [name, kind, parameters, doc]}, everything this environment exposes:
     * what {@code hbi list} shows. A service that would rather not tell switches it off.
     *
     * @param on whether peers may call it
     * @return this environment
     */
    public HostingEnv introspection(boolean on) {
        if (on) {
            exposures.put(Names.LIST_FUNCTION, Exposure.callable(Names.LIST_FUNCTION, Exposure.Kind.FUNCTION,
                    this::listExposures, "", "Lists what this service exposes."));
        } else {
            exposures.remove(Names.LIST_FUNCTION);
        }
        return this;
    }

    private Object listExposures(Args args) {
        List<List<String>> listing = new ArrayList<>();
        for (Exposure e : exposures()) {
            listing.add(List.of(e.name(), e.kind().name().toLowerCase(java.util.Locale.ROOT), e.parameters(), e.doc()));
        }
        args.context().conversation().ifPresent(co -> {
            co.startSend();
            co.sendValue(listing);
        });
        return listing;
    }

    /**
     * Answers calls of every name not exposed otherwise, nor assigned by the peer: for tools that show
     * what a peer pushes. Services should not use it.
     *
     * @param handler runs each such call
     * @return this environment
     */
    public HostingEnv exposeCatchAll(CatchAll handler) {
        this.catchAll = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * Sets the hook that runs when a connection is established: the reference's
     * {@code __hbi_init__(po, ho)}.
     *
     * @param hook the hook
     * @return this environment
     */
    public HostingEnv onInit(InitHook hook) {
        this.initHook = Objects.requireNonNull(hook, "hook");
        return this;
    }

    /**
     * Sets the hook that runs once when the connection has ended: the reference's
     * {@code __hbi_cleanup__(po, ho, disc_reason)}.
     *
     * @param hook the hook
     * @return this environment
     */
    public HostingEnv onCleanup(CleanupHook hook) {
        this.cleanupHook = Objects.requireNonNull(hook, "hook");
        return this;
    }

    /**
     * Returns the init hook.
     *
     * @return the hook, if one was set
     */
    public Optional<InitHook> initHook() {
        return Optional.ofNullable(initHook);
    }

    /**
     * Returns the cleanup hook.
     *
     * @return the hook, if one was set
     */
    public Optional<CleanupHook> cleanupHook() {
        return Optional.ofNullable(cleanupHook);
    }

    /**
     * Looks up what a name is exposed as, here or in the environment this one {@link #augment augments}.
     *
     * @param name the name
     * @return the exposure
     */
    public Optional<Exposure> exposure(String name) {
        Optional<Exposure> exposed = exposed(name);
        CatchAll all = catchAll;
        if (exposed.isEmpty() && all != null && !isAssigned(name) && !Names.isReserved(name)) {
            return Optional.of(Exposure.callable(name, Exposure.Kind.FUNCTION, args -> all.call(name, args), "...", ""));
        }
        return exposed;
    }

    private Optional<Exposure> exposed(String name) {
        Exposure e = exposures.get(name);
        if (e == null && parent != null) {
            return parent.exposed(name);
        }
        return Optional.ofNullable(e);
    }

    /**
     * Returns everything exposed, sorted by name; HBI's own functions are not listed.
     *
     * @return the exposures
     */
    public Collection<Exposure> exposures() {
        Map<String, Exposure> all = new java.util.TreeMap<>();
        if (parent != null) {
            parent.exposures().forEach(e -> all.put(e.name(), e));
        }
        all.putAll(exposures);
        all.keySet().removeIf(Names::isReserved);
        List<Exposure> list = new ArrayList<>(all.values());
        list.sort(Comparator.comparing(Exposure::name));
        return list;
    }

    /**
     * Tells whether a name is exposed.
     *
     * @param name the name
     * @return {@code true} if a script can reach it as exposed
     */
    public boolean isExposed(String name) {
        return exposed(name).isPresent();
    }

    /**
     * Reads a value by name: an exposed value, or a variable the peer's scripts assigned (as
     * {@code my_name = 'Nick'}). Functions and constructors are not values.
     *
     * @param name the name
     * @return the value; empty if there is none or it is {@code None}
     */
    public Optional<Object> get(String name) {
        Exposure e = exposures.get(name);
        if (e != null) {
            return e.isCallable() ? Optional.empty() : Optional.ofNullable(e.value());
        }
        Object v = assigned.get(name);
        if (v != null) {
            return v == NONE ? Optional.empty() : Optional.of(v);
        }
        return parent == null ? Optional.empty() : parent.get(name);
    }

    /**
     * Tells whether a script assigned the name (possibly to {@code None}), here or in the environment
     * this one augments.
     *
     * @param name the name
     * @return {@code true} if assigned
     */
    public boolean isAssigned(String name) {
        return assigned.containsKey(name) || parent != null && parent.isAssigned(name);
    }

    /**
     * Assigns a variable, as a script's {@code name = value} does. Variables last as long as the
     * environment, that is, for the connection.
     *
     * @param name  the name
     * @param value the value, possibly {@code null}
     * @throws LandingException if the name is exposed or reserved
     */
    public void assign(String name, Object value) {
        if (Names.isReserved(name)) {
            throw new LandingException("cannot assign to '" + name + "': the name is reserved");
        }
        if (isExposed(name)) {
            throw new LandingException("cannot assign to '" + name + "': the name is exposed by the host");
        }
        assigned.put(name, value == null ? NONE : value);
    }

    /**
     * Returns the names scripts have assigned here (not in the augmented environment).
     *
     * @return the assigned names, sorted
     */
    public Set<String> assignedNames() {
        return new TreeSet<>(assigned.keySet());
    }

    /**
     * Creates an environment that sees everything this one does, with some extra values on top. A
     * hosting conversation can switch to it with {@link HostingConversation#env(HostingEnv)}, a posting
     * conversation can be opened with it; what scripts assign there stays there.
     *
     * @param values the extra values, by name
     * @return the augmented environment
     */
    public HostingEnv augment(Map<String, ?> values) {
        HostingEnv child = new HostingEnv(this, provider);
        values.forEach(child::exposeValue);
        return child;
    }

    /**
     * Returns the lander of this environment.
     *
     * @return the lander
     */
    public Lander lander() {
        return lander;
    }

    /**
     * Returns the name of the lander this environment uses.
     *
     * @return such as {@value #BUILTIN_LANDER} or {@code "groovy"}
     */
    public String landerName() {
        return provider.name();
    }

    /**
     * Lands code here, outside any connection: handy for tests and tools. Functions that need a
     * connection or a conversation fail with {@link IllegalStateException}.
     *
     * @param code the code
     * @return the landed value
     * @throws LandingException if the code cannot be landed
     */
    public Object land(String code) {
        return lander.land(code, new LocalLandingContext(this));
    }

    /**
     * Returns the connection this environment serves.
     *
     * @return the connection, once one is established with this environment
     */
    public Optional<HbiConnection> connection() {
        return parent != null ? parent.connection() : Optional.ofNullable(connection.get());
    }

    private static void attach(HostingEnv env, HbiConnection connection) {
        if (env.parent != null) {
            throw new IllegalArgumentException("an augmented environment cannot serve a connection itself");
        }
        if (!env.connection.compareAndSet(null, connection)) {
            throw new IllegalStateException("this HostingEnv already serves " + env.connection.get()
                    + "; a server needs a factory that makes one environment per connection");
        }
    }

    @Override
    public String toString() {
        return "HostingEnv[" + provider.name() + ", " + exposures.size() + " exposed]";
    }
}
