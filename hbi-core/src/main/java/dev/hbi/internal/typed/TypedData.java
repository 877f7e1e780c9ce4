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
     * Receives the data of a parameter or of an answer.
     *
     * @param co     the conversation: a hosting one for a parameter, a posting one for an answer
     * @param length how many bytes the peer announced
     * @param type   {@code byte[]} or {@code ByteBuffer}
     * @param what   what the data is, for the error
     * @return the bytes, as the type
     * @throws IllegalArgumentException if the length is negative or above the limit, before allocating
     */
    public static Object receive(Conversation co, int length, Class<?> type, String what) {
        checkLength(co, length, what);
        ByteBuffer into = ByteBuffer.allocate(length);
        switch (co) {
            case HostingConversation hosting -> hosting.recvData(into);
            case dev.hbi.PostingConversation posting -> posting.recvData(into);
        }
        return type == byte[].class ? into.array() : into.flip();
    }

    /**
     * Checks a data length a peer announced before anything is allocated for it: typed data is held in
     * memory whole, so it may be at most {@link dev.hbi.HbiConfig#maxPacketSize()}, like a script.
     */
    private static void checkLength(Conversation co, int length, String what) {
        int limit = co.connection().config().maxPacketSize();
        if (length < 0 || length > limit) {
            throw new IllegalArgumentException(what + " announces " + length + " bytes of data; a typed method"
                    + " receives data into memory, from 0 to maxPacketSize (" + limit + ") bytes; take the"
                    + " HostingConversation as a parameter to stream more");
        }
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
