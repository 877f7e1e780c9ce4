package dev.hbi.samples.chat.server;

import dev.hbi.Hbi;
import dev.hbi.HbiConfig;
import dev.hbi.HbiServer;
import dev.hbi.HostingEnv;
import dev.hbi.samples.chat.ChatTypes;
import java.net.SocketAddress;
import java.nio.file.Path;

/**
 * A chat server, wire-compatible with hbichat's: clients set their nick, move between rooms, say
 * messages that the others in the room are pushed, and share files in their room's folder. It serves
 * Java clients on the multiplexed wire and the reference's Python clients on the classic wire, on one
 * port.
 *
 * <pre>{@code
 * try (HbiServer server = ChatServer.serve(Hbi.address("127.0.0.1:3299"), Path.of("chat-server-files"))) {
 *     ...
 * }
 * }</pre>
 */
public final class ChatServer {

    /** Where hbichat's server keeps its files, relative to the working directory. */
    public static final Path DEFAULT_DIR = Path.of("chat-server-files");

    private ChatServer() {
    }

    /**
     * Starts serving with the default settings.
     *
     * @param address where to listen
     * @param dir     the folder that holds one sub-folder of shared files per room; made when needed
     * @return the running server
     */
    public static HbiServer serve(SocketAddress address, Path dir) {
        return serve(address, dir, HbiConfig.defaults());
    }

    /**
     * Starts serving.
     *
     * @param address where to listen
     * @param dir     the folder that holds one sub-folder of shared files per room; made when needed
     * @param config  the connections' settings
     * @return the running server
     */
    public static HbiServer serve(SocketAddress address, Path dir, HbiConfig config) {
        Hall hall = new Hall(new RoomFiles(dir));
        return Hbi.serve(address, () -> env(hall), config);
    }

    /** Makes the environment of one connection: hbichat's {@code he_factory}. */
    private static HostingEnv env(Hall hall) {
        ServiceChatter chatter = new ServiceChatter(hall);
        return ChatTypes.expose(HostingEnv.create())
                .exposeReactor(chatter)
                .onInit(chatter::join)
                .onCleanup(chatter::leave);
    }
}
