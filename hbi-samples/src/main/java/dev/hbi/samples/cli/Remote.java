package dev.hbi.samples.cli;

import dev.hbi.ConversationEndedException;
import dev.hbi.HbiConnection;
import dev.hbi.PostingConversation;
import java.util.Optional;

/** Posting a script and reading its answer, for the client tools. */
final class Remote {

    private Remote() {
    }

    /**
     * Posts a script and receives the answer, if the service sends one.
     *
     * @param connection the connection
     * @param script     the script
     * @return the landed answer; empty if the service completed the conversation without one
     */
    static Optional<Answer> ask(HbiConnection connection, String script) {
        try (PostingConversation co = connection.postingEnd().newConversation()) {
            co.sendCode(script);
            co.startRecv();
            try {
                return Optional.of(new Answer(co.recvObj()));
            } catch (ConversationEndedException noAnswer) {
                return Optional.empty();
            }
        }
    }

    /**
     * A landed answer, possibly {@code None}.
     *
     * @param value the value
     */
    record Answer(Object value) {
    }
}
