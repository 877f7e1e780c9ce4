package dev.hbi.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hbi.Hbi;
import dev.hbi.HbiConfig;
import dev.hbi.HbiServer;
import dev.hbi.samples.hello.HelloServer;
import dev.hbi.samples.jobs.JobService;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code hbi} command line against real servers over loopback. */
class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HbiServer hello;

    @BeforeEach
    void serveHello() {
        hello = HelloServer.serve(Hbi.address("127.0.0.1:0"));
    }

    @AfterEach
    void stopHello() {
        hello.close();
    }

    private int hbi(String... args) {
        return Main.standard().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String address() {
        return Hbi.describe(hello.address());
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void callPrintsTheAnswerAsALiteral() {
        assertThat(hbi("call", address(), "my_name = 'Ann'\nhello()")).isZero();
        assertThat(printed()).matches("'Hello, Ann from 127\\.0\\.0\\.1:\\d+!'\\n");
    }

    @Test
    void callPrintsNothingWhenTheServiceSendsNoAnswer() {
        assertThat(hbi("call", address(), "x = 1", "--wire", "classic")).isZero();
        assertThat(printed()).isEmpty();
    }

    @Test
    void callFailsWithTheRemoteReasonInOneLine() {
        assertThat(hbi("call", address(), "no_such()")).isEqualTo(1);
        assertThat(errors()).startsWith("hbi call: ").contains("name 'no_such' is not defined").hasLineCount(1);
    }

    @Test
    void callThatCannotConnectSaysSoInOneLine() {
        assertThat(hbi("call", "127.0.0.1:1", "x()")).isEqualTo(1);
        assertThat(errors()).startsWith("hbi call: cannot connect to 127.0.0.1:1").hasLineCount(1);
    }

    @Test
    void listShowsNamesParametersAndDocs() {
        assertThat(hbi("list", address())).isZero();
        assertThat(printed()).contains("hello()").contains("function")
                .contains("Greets the caller by the my_name it assigned.");
    }

    @Test
    void listTellsWhenTheServiceSwitchedIntrospectionOff() {
        try (HbiServer quiet = Hbi.serve(Hbi.address("127.0.0.1:0"), () -> HelloServer.env().introspection(false))) {
            assertThat(hbi("list", Hbi.describe(quiet.address()))).isEqualTo(1);
            assertThat(errors()).contains("does not tell what it exposes");
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("serve", "stop", "status", "call", "list", "shell", "jobs-client")) {
            out.reset();
            assertThat(hbi(command, "--help")).isZero();
            assertThat(printed()).startsWith("usage: hbi " + command);
        }
    }

    @Test
    void aWrongArgumentGetsTheUsage() {
        assertThat(hbi("call", address())).isEqualTo(2);
        assertThat(errors()).contains("expected HOST:PORT SCRIPT").contains("usage: hbi call");
        err.reset();
        assertThat(hbi("call", address(), "x()", "--bogus")).isEqualTo(2);
        assertThat(errors()).contains("unknown option --bogus");
    }

    @Test
    void theShellLandsLinesAndShowsAnswersAndPushes() {
        String typed = String.join("\n", "my_name = 'Bo'", "hello()", "nope()", ".list", ".notify x = 2", ".quit");
        LineSource lines = LineSource.of(new BufferedReader(new StringReader(typed)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        int status = new Shell(address(), HbiConfig.defaults(), lines, new PrintStream(out, true, StandardCharsets.UTF_8)).run();
        assertThat(status).isZero();
        assertThat(printed())
                .contains("over the multiplexed wire")
                .contains("Welcome to HBI world!")
                .containsPattern("'Hello, Bo from 127\\.0\\.0\\.1:\\d+!'")
                .contains("error: landing error in hosting conversation")
                .contains("hello()");
    }

    @Test
    @Timeout(60)
    void serveInTheBackgroundThenStatusThenStop(@TempDir Path state) {
        System.setProperty("hbi.state.dir", state.toString());
        try {
            assertThat(hbi("serve", "127.0.0.1:0", "--env", JobService.class.getName(), "--background")).isZero();
            assertThat(printed()).contains("in the background (pid ");
            String address = printed().replaceAll("(?s).* on (127\\.0\\.0\\.1:\\d+) in the background.*", "$1");
            out.reset();
            assertThat(hbi("call", address, "do_job('sum', 0)")).isZero();
            assertThat(printed()).isEqualTo("0\n");
            out.reset();
            assertThat(hbi("status")).isZero();
            assertThat(printed()).contains(address).contains("running").contains(JobService.class.getName());
            out.reset();
            assertThat(hbi("stop")).isZero();
            assertThat(printed()).contains("stopped " + address);
            out.reset();
            assertThat(hbi("status")).isZero();
            assertThat(printed()).contains("no server started with hbi serve is running");
        } finally {
            System.clearProperty("hbi.state.dir");
        }
    }

    @Test
    void serveRefusesAClassThatMakesNoEnvironment() {
        assertThat(hbi("serve", "127.0.0.1:0", "--env", String.class.getName())).isEqualTo(2);
        assertThat(errors()).contains("must implement Supplier<HostingEnv> or have a public static HostingEnv env()");
    }

    @Test
    void theJobsClientPrintsTheThroughputOfEachMode() {
        try (HbiServer jobs = Hbi.serve(Hbi.address("127.0.0.1:0"), JobService::env)) {
            assertThat(hbi("jobs-client", Hbi.describe(jobs.address()), "--jobs", "20", "--size", "1024")).isZero();
            assertThat(printed()).contains("notify: 20 jobs of 1024 bytes").contains("wait:   20 jobs of 1024 bytes")
                    .contains("jobs/s");
        }
    }
}
