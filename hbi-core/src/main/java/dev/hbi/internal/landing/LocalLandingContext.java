package dev.hbi.internal.landing;

import dev.hbi.HbiConfig;
import dev.hbi.HostingConversation;
import dev.hbi.HostingEnd;
import dev.hbi.HostingEnv;
import dev.hbi.PostingEnd;
import dev.hbi.spi.LandingContext;
import java.util.Optional;

/**
 * The context of code landed with {@link HostingEnv#land(String)}, outside any connection.
 *
 * @param env the environment
 */
public record LocalLandingContext(HostingEnv env) implements LandingContext {

    @Override
    public Optional<HostingConversation> conversation() {
        return Optional.empty();
    }

    @Override
    public PostingEnd postingEnd() {
        throw new IllegalStateException("code landed locally has no connection, so no posting end");
    }

    @Override
    public HostingEnd hostingEnd() {
        throw new IllegalStateException("code landed locally has no connection, so no hosting end");
    }

    @Override
    public HbiConfig config() {
        return HbiConfig.defaults();
    }
}
