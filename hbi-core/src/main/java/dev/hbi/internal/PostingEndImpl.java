package dev.hbi.internal;

import dev.hbi.HbiConnection;
import dev.hbi.HostingEnv;
import dev.hbi.PostingConversation;
import dev.hbi.PostingEnd;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** The posting end of a {@link Connection}. */
final class PostingEndImpl implements PostingEnd {

    private final Connection connection;

    PostingEndImpl(Connection connection) {
        this.connection = connection;
    }

    @Override
    public PostingConversation newConversation() {
        return connection.openPosting(connection.env());
    }

    @Override
    public PostingConversation newConversation(HostingEnv env) {
        return connection.openPosting(Objects.requireNonNull(env, "env"));
    }

    @Override
    public PostingConversation newConversation(java.time.Duration timeout) {
        return connection.openPosting(connection.env(), Deadline.after(timeout));
    }

    @Override
    public PostingConversation notify(String code) {
        PostingConversation co = newConversation();
        try (co) {
            co.sendCode(code);
        }
        return co;
    }

    @Override
    public PostingConversation notifyData(String code, ByteBuffer... data) {
        PostingConversation co = newConversation();
        try (co) {
            co.sendCode(code);
            co.sendData(data);
        }
        return co;
    }

    @Override
    public CompletionStage<Void> notifyInOrder(String code) {
        return connection.notifyInOrder(code);
    }

    @Override
    public <T> T proxy(Class<T> type) {
        return proxy(type, connection.config().recvTimeout());
    }

    @Override
    public <T> T proxy(Class<T> type, java.time.Duration timeout) {
        return dev.hbi.internal.typed.Proxies.create(this, type, timeout);
    }

    @Override
    public SocketAddress remoteAddress() {
        return connection.remoteAddress();
    }

    @Override
    public HbiConnection connection() {
        return connection;
    }

    @Override
    public void disconnect(String reason) {
        connection.disconnect(reason);
    }

    @Override
    public String toString() {
        return "PostingEnd of " + connection;
    }
}
