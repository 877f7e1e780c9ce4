package dev.hbi.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hbi.Hbi;
import dev.hbi.HbiServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The hello pair over loopback, printing what the reference's pair prints. */
class HelloTest {

    @Test
    void clientPrintsTheWelcomeThenTheGreeting() {
        try (HbiServer server = HelloServer.serve(Hbi.address("127.0.0.1:0"))) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            String answer = HelloClient.sayHello(server.address(), new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(answer).matches("Hello, Nick from 127\\.0\\.0\\.1:\\d+!");
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .isEqualTo("Welcome to HBI world!\n" + answer + "\n");
            assertThat(((InetSocketAddress) server.address()).getPort()).isPositive();
        }
    }
}
