package dev.hbi.internal;

import dev.hbi.HbiConnection;
import dev.hbi.HostingConversation;
import dev.hbi.HostingEnd;
import dev.hbi.HostingEnv;
import java.net.SocketAddress;

/** The hosting end of a {@link Connection}. */
final class HostingEndImpl implements HostingEnd {

    private final Connection connection;

    HostingEndImpl(Connection connection) {
        this.connection = connection;
    }

    @Override
    public HostingEnv env() {
        return connection.env();
    }

    @Override
    public HostingConversation currentConversation() {
        HostingConversationImpl co = HostingConversationImpl.current();
        if (co == null || co.connection() != connection) {
            throw new IllegalStateException("the calling thread is not landing a request of " + connection.name()
                    + "; only exposed functions called by the peer's code have a hosting conversation");
        }
        return co;
    }

    @Override
    public SocketAddress localAddress() {
        return connection.localAddress();
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
        return "HostingEnd of " + connection;
    }
}
