package dev.hbi.internal;

import dev.hbi.HbiConfig;
import dev.hbi.HostingConversation;
import dev.hbi.HostingEnd;
import dev.hbi.HostingEnv;
import dev.hbi.PostingEnd;
import dev.hbi.spi.LandingContext;
import java.util.Optional;

/**
 * The context code is landed in on a connection.
 *
 * @param connection the connection the code arrived on
 * @param env        the effective environment
 * @param hosting    the hosting conversation the code belongs to, or {@code null} for an answer
 */
record ConversationContext(Connection connection, HostingEnv env, HostingConversation hosting)
        implements LandingContext {

    @Override
    public Optional<HostingConversation> conversation() {
        return Optional.ofNullable(hosting);
    }

    @Override
    public PostingEnd postingEnd() {
        return connection.postingEnd();
    }

    @Override
    public HostingEnd hostingEnd() {
        return connection.hostingEnd();
    }

    @Override
    public HbiConfig config() {
        return connection.config();
    }
}
