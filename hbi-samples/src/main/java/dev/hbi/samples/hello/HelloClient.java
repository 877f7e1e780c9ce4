package dev.hbi.samples.hello;

import dev.hbi.Hbi;
import dev.hbi.HbiConnection;
import dev.hbi.HostingEnv;
import dev.hbi.PostingConversation;
import dev.hbi.Repr;
import java.io.PrintStream;
import java.net.SocketAddress;
import java.util.stream.Collectors;

/**
 * The reference's hello client, in Java: lands {@code my_name = 'Nick'} then {@code hello()} on the
 * server and prints the answer. Its environment exposes {@code print}, so the server's welcome push
 * lands here. Wire-compatible with the reference's hello server.
 */
public final class HelloClient {

    private HelloClient() {
    }

    /**
     * Makes the client's environment: {@code print(*args)} writes to {@code out} as Python's print does.
     *
     * @param out where printed text goes
     * @return the environment
     */
    public static HostingEnv env(PrintStream out) {
        return HostingEnv.create().exposeProcedure("print", "*args", "Prints the arguments, as Python's print.",
                args -> out.println(args.positional().stream().map(HelloClient::str).collect(Collectors.joining(" "))));
    }

    /**
     * Says hello: connects, asks, prints the answer, disconnects.
     *
     * @param address the server
     * @param out     where the welcome and the answer are printed
     * @return the answer
     */
    public static String sayHello(SocketAddress address, PrintStream out) {
        try (HbiConnection connection = Hbi.connect(address, env(out))) {
            String answer;
            try (PostingConversation co = connection.postingEnd().newConversation()) {
                co.sendCode("\nmy_name = 'Nick'\nhello()\n");
                co.startRecv();
                answer = co.recvObj(String.class);
            }
            out.println(answer);
            return answer;
        }
    }

    /** Python's {@code str()}: strings as they are, everything else as its literal. */
    private static String str(Object value) {
        return value instanceof String s ? s : Repr.repr(value);
    }
}
