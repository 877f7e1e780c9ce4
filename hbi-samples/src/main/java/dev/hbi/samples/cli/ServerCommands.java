package dev.hbi.samples.cli;

import dev.hbi.Hbi;
import dev.hbi.HbiConfig;
import dev.hbi.HbiServer;
import dev.hbi.HostingEnv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** {@code serve}, {@code stop} and {@code status}: running any HBI service from the command line. */
final class ServerCommands {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private ServerCommands() {
    }

    static Command serve() {
        return new Command() {
            @Override
            public String name() {
                return "serve";
            }

            @Override
            public String usage() {
                return "[HOST:]PORT --env CLASS [--classpath PATH] [--wire auto|classic|mux] [--background]";
            }

            @Override
            public String summary() {
                return "serve the environment a class makes (Supplier<HostingEnv>, or static env())";
            }

            @Override
            public int run(List<String> args, PrintStream out) throws Exception {
                Options options = Options.parse(args, Set.of("--background"), Set.of("--env", "--classpath", "--wire"));
                String address = options.positional(1, "[HOST:]PORT").get(0);
                String env = options.value("--env").orElseThrow(() -> new UsageException("--env CLASS is required"));
                Supplier<HostingEnv> factory = EnvClass.load(env, options.value("--classpath"));
                if (options.flag("--background")) {
                    List<String> child = new ArrayList<>(args);
                    child.remove("--background");
                    return background(address, child, out);
                }
                return foreground(address, env, factory, serverConfig(options), out);
            }
        };
    }

    private static HbiConfig serverConfig(Options options) {
        return options.value("--wire").isPresent() ? options.config() : HbiConfig.defaults();
    }

    private static int foreground(String address, String env, Supplier<HostingEnv> factory, HbiConfig config,
                                  PrintStream out) throws InterruptedException {
        HbiServer server = Hbi.serve(Hbi.address(address), factory, config);
        Servers.Entry entry = new Servers.Entry(ProcessHandle.current().pid(), Hbi.describe(server.address()), env,
                Instant.now());
        Servers.record(entry);
        out.println("serving " + env + " on " + entry.address() + " (pid " + entry.pid() + ")");
        out.flush();
        Servers.serveUntilStopped(server, () -> Servers.forget(entry));
        return 0;
    }

    /** Starts {@code hbi serve} again as a child process and returns once it listens. */
    private static int background(String address, List<String> args, PrintStream out) throws Exception {
        String requested = Hbi.describe(Hbi.address(address));
        Files.createDirectories(Servers.dir());
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"),
                "-Dhbi.state.dir=" + Servers.dir().getParent(),
                Main.class.getName(), "serve"));
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Servers.log(requested).toFile()).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Servers.Entry> entry = Servers.all().stream().filter(e -> e.pid() == child.pid()).findFirst();
            if (entry.isPresent()) {
                out.println("serving " + entry.get().env() + " on " + entry.get().address() + " in the background (pid "
                        + child.pid() + "); log: " + Servers.log(requested) + "; stop with: hbi stop "
                        + entry.get().address());
                return 0;
            }
            if (child.waitFor(100, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the server did not start: " + lastLine(requested));
            }
        }
        child.destroy();
        throw new IllegalStateException("the server did not listen within " + START_TIMEOUT.toSeconds() + " s; log: "
                + Servers.log(requested));
    }

    private static String lastLine(String address) throws IOException {
        List<String> lines = Files.readAllLines(Servers.log(address));
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }

    static Command stop() {
        return new Command() {
            @Override
            public String name() {
                return "stop";
            }

            @Override
            public String usage() {
                return "[HOST:PORT]";
            }

            @Override
            public String summary() {
                return "stop servers started with serve (all of them, or the one at HOST:PORT)";
            }

            @Override
            public int run(List<String> args, PrintStream out) throws Exception {
                Options options = Options.parse(args, Set.of(), Set.of());
                List<Servers.Entry> entries = selected(options);
                if (entries.isEmpty()) {
                    out.println("no server started with hbi serve is recorded in " + Servers.dir());
                }
                for (Servers.Entry e : entries) {
                    out.println(stop(e));
                }
                return 0;
            }
        };
    }

    private static List<Servers.Entry> selected(Options options) {
        List<String> address = options.positionalAtMost(1, "[HOST:PORT]");
        if (address.isEmpty()) {
            return Servers.all();
        }
        String wanted = Hbi.describe(Hbi.address(address.get(0)));
        List<Servers.Entry> entries = Servers.all().stream().filter(e -> e.address().equals(wanted)).toList();
        if (entries.isEmpty()) {
            throw new IllegalStateException("no server started with hbi serve listens on " + wanted);
        }
        return entries;
    }

    private static String stop(Servers.Entry e) throws Exception {
        Optional<ProcessHandle> process = ProcessHandle.of(e.pid());
        if (process.isEmpty() || !process.get().isAlive()) {
            Servers.forget(e);
            return e.address() + " (pid " + e.pid() + ") was not running";
        }
        process.get().destroy();
        try {
            process.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException slow) {
            process.get().destroyForcibly();
            Servers.forget(e);
            return e.address() + " (pid " + e.pid() + ") did not stop within " + STOP_TIMEOUT.toSeconds()
                    + " s and was killed";
        }
        Servers.forget(e);
        return "stopped " + e.address() + " (pid " + e.pid() + ")";
    }

    static Command status() {
        return new Command() {
            @Override
            public String name() {
                return "status";
            }

            @Override
            public String usage() {
                return "";
            }

            @Override
            public String summary() {
                return "tell which servers started with serve are running";
            }

            @Override
            public int run(List<String> args, PrintStream out) {
                Options.parse(args, Set.of(), Set.of()).positional(0, "no arguments");
                List<Servers.Entry> entries = Servers.all();
                if (entries.isEmpty()) {
                    out.println("no server started with hbi serve is running");
                }
                for (Servers.Entry e : entries) {
                    boolean alive = ProcessHandle.of(e.pid()).map(ProcessHandle::isAlive).orElse(false);
                    if (alive) {
                        out.printf("%-22s pid %-8d running, up %s, serving %s%n", e.address(), e.pid(),
                                uptime(e.started()), e.env());
                    } else {
                        Servers.forget(e);
                        out.printf("%-22s pid %-8d not running (its record is removed)%n", e.address(), e.pid());
                    }
                }
                return 0;
            }
        };
    }

    private static String uptime(Instant started) {
        Duration up = Duration.between(started, Instant.now());
        return up.toHours() > 0 ? up.toHours() + "h" + up.toMinutesPart() + "m"
                : up.toMinutes() > 0 ? up.toMinutes() + "m" + up.toSecondsPart() + "s" : up.toSeconds() + "s";
    }
}
