package dev.hbi.internal.typed;

import dev.hbi.Conversation;
import dev.hbi.HostingConversation;
import dev.hbi.internal.convert.ValueMappers;
import java.nio.ByteBuffer;

/**
 * The conventions of typed methods ({@link dev.hbi.Expose}) for binary data and answers, shared by the
 * hosting side (reactor methods) and the posting side (proxies): a {@code byte[]} or {@code ByteBuffer}
 * travels as HBI data, announced by its length in the script; a returned one is answered as its length,
 * then the bytes.
 */
public final class TypedData {

    private TypedData() {
    }

    /**
     * Tells whether a parameter or result type is binary data.
     *
     * @param type the type
     * @return {@code true} for {@code byte[]} and {@code ByteBuffer}
     */
    public static boolean isData(Class<?> type) {
        return type == byte[].class || type == ByteBuffer.class;
    }

    /**
     * Receives the data of a parameter.
     *
     * @param co     the hosting conversation
     * @param length how many bytes the script announced
     * @param type   {@code byte[]} or {@code ByteBuffer}
     * @return the bytes, as the type
     */
    public static Object receive(HostingConversation co, int length, Class<?> type) {
        if (length < 0) {
            throw new IllegalArgumentException("a data length cannot be negative: " + length);
        }
        ByteBuffer into = ByteBuffer.allocate(length);
        co.recvData(into);
        return type == byte[].class ? into.array() : into.flip();
    }

    /**
     * Answers a typed method's result on its conversation: data as its length then the bytes, anything
     * else as an object.
     *
     * @param co     the hosting conversation
     * @param result the method's result
     */
    public static void answer(HostingConversation co, Object result) {
        if (co.stage() != Conversation.Stage.SEND) {
            co.startSend();
        }
        if (result instanceof byte[] bytes) {
            co.sendValue(bytes.length);
            co.sendData(ByteBuffer.wrap(bytes));
        } else if (result instanceof ByteBuffer buffer) {
            co.sendValue(buffer.remaining());
            co.sendData(buffer.duplicate());
        } else {
            co.sendValue(ValueMappers.toLandable(result));
        }
    }
}
