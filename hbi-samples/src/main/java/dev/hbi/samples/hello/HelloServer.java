package dev.hbi.samples.hello;

import dev.hbi.Hbi;
import dev.hbi.HbiServer;
import dev.hbi.HostingConversation;
import dev.hbi.HostingEnv;
import java.net.SocketAddress;

/**
 * The reference's hello server, in Java: on connect it pushes {@code print("Welcome to HBI world!")} to
 * the client; {@code hello()} answers with the {@code my_name} the client's script assigned.
 * Wire-compatible with the reference's hello client.
 */
public final class HelloServer {

    private HelloServer() {
    }

    /**
     * Makes the environment of one connection.
     *
     * @return the environment
     */
    public static HostingEnv env() {
        return HostingEnv.create()
                .onInit((po, ho) -> po.notify("\nprint(\"Welcome to HBI world!\")\n"))
                .exposeProcedure("hello", "", "Greets the caller by the my_name it assigned.", args -> {
                    HostingConversation co = args.conversation();
                    co.startSend();
                    Object name = args.env().get("my_name").orElse("None");
                    co.sendValue("Hello, " + name + " from " + Hbi.describe(args.postingEnd().remoteAddress()) + "!");
                });
    }

    /**
     * Starts serving.
     *
     * @param address where to listen
     * @return the running server
     */
    public static HbiServer serve(SocketAddress address) {
        return Hbi.serve(address, HelloServer::env);
    }
}
