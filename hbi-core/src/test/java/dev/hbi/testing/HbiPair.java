package dev.hbi.testing;

import dev.hbi.Hbi;
import dev.hbi.HbiConfig;
import dev.hbi.HbiConnection;
import dev.hbi.HbiServer;
import dev.hbi.HostingEnv;
import dev.hbi.InitHook;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A server and a client connected to it over a real loopback socket, for tests. The client speaks the
 * wire its config names; the server serves both and tells them apart. The server side's connection is
 * handed over by the server environment's init hook (wrapped, so the test's own hook still runs), so
 * tests never poll or sleep for it.
 */
public final class HbiPair implements AutoCloseable {

    private final HbiServer server;
    private final HbiConnection client;
    private final HbiConnection serverSide;

    private HbiPair(HbiServer server, HbiConnection client, HbiConnection serverSide) {
        this.server = server;
        this.client = client;
        this.serverSide = serverSide;
    }

    /**
     * Opens a pair on 127.0.0.1 with an ephemeral port.
     *
     * @param serverEnv makes the server's environment
     * @param clientEnv the client's environment
     * @param config    the settings of both sides
     * @return the pair
     */
    public static HbiPair open(Supplier<HostingEnv> serverEnv, HostingEnv clientEnv, HbiConfig config) {
        return open(Hbi.address("127.0.0.1:0"), serverEnv, clientEnv, config);
    }

    /**
     * Opens a pair with default settings.
     *
     * @param serverEnv makes the server's environment
     * @param clientEnv the client's environment
     * @return the pair
     */
    public static HbiPair open(Supplier<HostingEnv> serverEnv, HostingEnv clientEnv) {
        return open(serverEnv, clientEnv, HbiConfig.defaults());
    }

    /**
     * Opens a pair on a given address (such as a Unix-domain socket).
     *
     * @param address   where the server listens
     * @param serverEnv makes the server's environment
     * @param clientEnv the client's environment
     * @param config    the settings of both sides
     * @return the pair
     */
    public static HbiPair open(SocketAddress address, Supplier<HostingEnv> serverEnv, HostingEnv clientEnv,
                               HbiConfig config) {
        CompletableFuture<HbiConnection> accepted = new CompletableFuture<>();
        // the server serves both wires, as by default: every test also checks that it tells them apart
        HbiConfig serverConfig = config.toBuilder().wire(HbiConfig.Wire.AUTO).build();
        HbiServer server = Hbi.serve(address, () -> handOver(serverEnv.get(), accepted), serverConfig);
        try {
            HbiConnection client = Hbi.connect(server.address(), clientEnv, config);
            HbiConnection serverSide = accepted.get(10, TimeUnit.SECONDS);
            return new HbiPair(server, client, serverSide);
        } catch (Exception e) {
            server.close();
            throw new IllegalStateException("could not open a loopback pair: " + e, e);
        }
    }

    private static HostingEnv handOver(HostingEnv env, CompletableFuture<HbiConnection> accepted) {
        InitHook own = env.initHook().orElse((po, ho) -> { });
        return env.onInit((po, ho) -> {
            accepted.complete(po.connection());
            own.init(po, ho);
        });
    }

    /**
     * Returns the dialing side.
     *
     * @return the client's connection
     */
    public HbiConnection client() {
        return client;
    }

    /**
     * Returns the accepting side.
     *
     * @return the server's connection to the client
     */
    public HbiConnection server() {
        return serverSide;
    }

    /**
     * Returns the server.
     *
     * @return the server
     */
    public HbiServer hbiServer() {
        return server;
    }

    /** Closes the client, then the server. */
    @Override
    public void close() {
        client.close();
        server.close();
        client.awaitDisconnected(Duration.ofSeconds(10));
        serverSide.awaitDisconnected(Duration.ofSeconds(10));
    }
}
