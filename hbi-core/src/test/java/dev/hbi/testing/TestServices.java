package dev.hbi.testing;

import dev.hbi.HostingConversation;
import dev.hbi.HostingEnv;
import java.nio.ByteBuffer;

/** Hosting environments the loopback tests share: the functions of the reference's own test server. */
public final class TestServices {

    private TestServices() {
    }

    /**
     * An environment exposing:
     * <ul>
     * <li>{@code echo(x)}: answers {@code x} as an object;</li>
     * <li>{@code echo_obj()}: receives one object and answers it;</li>
     * <li>{@code echo_data(n)}: receives {@code n} bytes and answers them as data;</li>
     * <li>{@code hello()}: answers {@code 'Hello, <my_name> from <address>!'}, the reference's hello.</li>
     * </ul>
     *
     * @return a new environment
     */
    public static HostingEnv echo() {
        HostingEnv env = HostingEnv.create();
        env.exposeProcedure("echo", args -> answer(args.conversation(), args.get(0)));
        env.exposeProcedure("echo_obj", args -> {
            HostingConversation co = args.conversation();
            answer(co, co.recvObj());
        });
        env.exposeProcedure("echo_data", args -> {
            HostingConversation co = args.conversation();
            ByteBuffer data = ByteBuffer.allocate(args.intValue(0));
            co.recvData(data);
            co.startSend();
            co.sendData(data.flip());
        });
        env.exposeProcedure("hello", args -> answer(args.conversation(), "Hello, "
                + args.env().get("my_name").orElse("stranger") + " from "
                + dev.hbi.Hbi.describe(args.postingEnd().remoteAddress()) + "!"));
        return env;
    }

    private static void answer(HostingConversation co, Object value) {
        co.startSend();
        co.sendValue(value);
    }
}
