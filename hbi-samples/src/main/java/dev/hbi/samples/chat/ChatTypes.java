package dev.hbi.samples.chat;

import dev.hbi.HostingEnv;
import dev.hbi.Repr;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What both ends of a chat connection share: the data constructors, and how calls are written. */
public final class ChatTypes {

    private ChatTypes() {
    }

    /**
     * Exposes the constructors {@code Msg} and {@code MsgsInRoom}, as hbichat's
     * {@code expose_shared_data_structures}.
     *
     * @param env the environment
     * @return the same environment
     */
    public static HostingEnv expose(HostingEnv env) {
        return env.exposeConstructor(Msg.class).exposeConstructor(MsgsInRoom.class);
    }

    /**
     * Writes a call with literal arguments, such as {@code SetNick('bob')}, on a line of its own as the
     * reference writes its scripts.
     *
     * @param function the function's name
     * @param args     the arguments, written with {@link Repr#repr}
     * @return the code
     */
    public static String call(String function, Object... args) {
        return function + Arrays.stream(args).map(Repr::repr).collect(Collectors.joining(", ", "(", ")")) + "\n";
    }
}
