package dev.hbi.internal.typed;

import dev.hbi.Expose;
import dev.hbi.PostingConversation;
import dev.hbi.PostingEnd;
import dev.hbi.Repr;
import dev.hbi.internal.convert.Conversions;
import dev.hbi.internal.convert.ValueMappers;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

/**
 * One method of a proxied interface, analysed once: the name it posts, which parameters are binary data,
 * and what its answer is. Immutable.
 */
final class RemoteMethod {

    private enum Answer { NONE, VALUE, DATA }

    private final String name;
    private final boolean[] data;
    private final boolean oneWay;
    private final boolean async;
    private final Answer answer;
    private final Type resultType;

    RemoteMethod(Method method) {
        Expose expose = method.getAnnotation(Expose.class);
        this.name = expose != null && !expose.value().isEmpty() ? expose.value() : method.getName();
        Class<?>[] types = method.getParameterTypes();
        this.data = new boolean[types.length];
        for (int i = 0; i < types.length; i++) {
            data[i] = TypedData.isData(types[i]);
        }
        this.async = method.getReturnType() == CompletableFuture.class;
        this.resultType = async ? futureType(method) : method.getGenericReturnType();
        Class<?> raw = Conversions.rawClass(resultType);
        this.answer = raw == void.class || raw == Void.class ? Answer.NONE : TypedData.isData(raw) ? Answer.DATA : Answer.VALUE;
        this.oneWay = expose != null && expose.oneWay();
        if (oneWay && answer != Answer.NONE) {
            throw new IllegalArgumentException(method + " is one-way, so it cannot return a value");
        }
    }

    private static Type futureType(Method method) {
        Type t = method.getGenericReturnType();
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }

    Object invoke(PostingEnd po, Object[] args, Duration timeout) {
        String script = script(args);
        List<ByteBuffer> bytes = data(args);
        if (oneWay) {
            po.notifyData(script, bytes.toArray(ByteBuffer[]::new));
            return null;
        }
        if (async) {
            return CompletableFuture.supplyAsync(() -> call(po, script, bytes, timeout),
                    task -> Thread.ofVirtual().name("hbi-proxy-" + name).start(task));
        }
        return call(po, script, bytes, timeout);
    }

    private String script(Object[] args) {
        StringJoiner joined = new StringJoiner(", ", name + "(", ")");
        for (int i = 0; args != null && i < args.length; i++) {
            joined.add(data[i] ? Integer.toString(length(args[i])) : Repr.repr(ValueMappers.toLandable(args[i])));
        }
        return joined.toString();
    }

    private List<ByteBuffer> data(Object[] args) {
        List<ByteBuffer> bytes = new ArrayList<>();
        for (int i = 0; args != null && i < args.length; i++) {
            if (data[i] && args[i] != null) {
                bytes.add(args[i] instanceof byte[] b ? ByteBuffer.wrap(b) : ((ByteBuffer) args[i]).duplicate());
            }
        }
        return bytes;
    }

    private static int length(Object bytes) {
        return bytes == null ? 0 : bytes instanceof byte[] b ? b.length : ((ByteBuffer) bytes).remaining();
    }

    private Object call(PostingEnd po, String script, List<ByteBuffer> bytes, Duration timeout) {
        PostingConversation co = po.newConversation();
        Object result;
        try (co) {
            co.sendCode(script);
            co.sendData(bytes);
            co.startRecv();
            result = switch (answer) {
                case NONE -> null;
                case VALUE -> Conversions.convert(co.recvObj(timeout), resultType, "the answer of " + name + "()");
                case DATA -> receiveData(co, timeout);
            };
        }
        if (answer == Answer.NONE) {
            // a call without a result still returns only once the peer has done it
            co.awaitCompleted(timeout);
        }
        return result;
    }

    private Object receiveData(PostingConversation co, Duration timeout) {
        String what = "the data length answered by " + name + "()";
        int length = Conversions.convert(co.recvObj(timeout), int.class, what);
        return TypedData.receive(co, length, Conversions.rawClass(resultType), what);
    }
}
