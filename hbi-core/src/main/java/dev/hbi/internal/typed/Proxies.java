package dev.hbi.internal.typed;

import dev.hbi.PostingEnd;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Makes typed proxies ({@link PostingEnd#proxy}): an interface's calls become posted scripts, its
 * answers typed values. The interface is analysed once, when the proxy is made, so a mistake in it
 * shows at once rather than at the first call.
 */
public final class Proxies {

    private Proxies() {
    }

    /**
     * Makes a proxy.
     *
     * @param po      where calls are posted
     * @param type    the interface
     * @param timeout how long each call may wait for its answer
     * @param <T>     the interface
     * @return the proxy
     */
    public static <T> T create(PostingEnd po, Class<T> type, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is not an interface; a proxy implements one");
        }
        Map<Method, RemoteMethod> methods = new HashMap<>();
        for (Method m : type.getMethods()) {
            if (!m.isDefault() && !Modifier.isStatic(m.getModifiers())) {
                methods.put(m, new RemoteMethod(m));
            }
        }
        InvocationHandler handler = (proxy, method, args) -> {
            RemoteMethod remote = methods.get(method);
            if (remote != null) {
                return remote.invoke(po, args, timeout);
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "HBI proxy of " + type.getSimpleName() + " on " + po.connection().name();
                default -> throw new UnsupportedOperationException(method.toString());
            };
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
