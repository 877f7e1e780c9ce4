package dev.hbi.internal.landing;

import dev.hbi.HbiConfig;
import dev.hbi.HostingConversation;
import dev.hbi.HostingEnd;
import dev.hbi.HostingEnv;
import dev.hbi.PostingEnd;
import dev.hbi.spi.LandingContext;
import java.util.Optional;

/**
 * A landing context outside any connection with chosen limits, to reach the lander's limits in tests.
 *
 * @param env    the environment
 * @param config the settings whose limits apply
 */
record TestContext(HostingEnv env, HbiConfig config) implements LandingContext {

    @Override
    public Optional<HostingConversation> conversation() {
        return Optional.empty();
    }

    @Override
    public PostingEnd postingEnd() {
        throw new IllegalStateException("no connection in this test");
    }

    @Override
    public HostingEnd hostingEnd() {
        throw new IllegalStateException("no connection in this test");
    }
}
