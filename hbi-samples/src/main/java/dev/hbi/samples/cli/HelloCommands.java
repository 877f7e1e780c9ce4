package dev.hbi.samples.cli;

import dev.hbi.Hbi;
import dev.hbi.HbiServer;
import dev.hbi.samples.hello.HelloClient;
import dev.hbi.samples.hello.HelloServer;
import java.io.PrintStream;
import java.util.List;

/** {@code hello-server} and {@code hello-client}: the reference's hello example. */
final class HelloCommands {

    private HelloCommands() {
    }

    static Command server() {
        return new Command() {
            @Override
            public String name() {
                return "hello-server";
            }

            @Override
            public String usage() {
                return "[HOST:]PORT";
            }

            @Override
            public String summary() {
                return "serve the hello example (host defaults to 127.0.0.1)";
            }

            @Override
            public int run(List<String> args, PrintStream out) throws InterruptedException {
                HbiServer server = HelloServer.serve(Hbi.address(Options.single(args, usage())));
                out.println("hello server listening: " + Hbi.describe(server.address()));
                Servers.serveUntilStopped(server, () -> { });
                return 0;
            }
        };
    }

    static Command client() {
        return new Command() {
            @Override
            public String name() {
                return "hello-client";
            }

            @Override
            public String usage() {
                return "HOST:PORT";
            }

            @Override
            public String summary() {
                return "say hello to a hello server (ours or the reference's)";
            }

            @Override
            public int run(List<String> args, PrintStream out) {
                HelloClient.sayHello(Hbi.address(Options.single(args, usage())), out);
                return 0;
            }
        };
    }
}
