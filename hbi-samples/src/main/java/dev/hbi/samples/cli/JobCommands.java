package dev.hbi.samples.cli;

import dev.hbi.Hbi;
import dev.hbi.HbiServer;
import dev.hbi.samples.jobs.JobClient;
import dev.hbi.samples.jobs.JobService;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code jobs-server} and {@code jobs-client}: the job service sample. */
final class JobCommands {

    private JobCommands() {
    }

    static Command server() {
        return new Command() {
            @Override
            public String name() {
                return "jobs-server";
            }

            @Override
            public String usage() {
                return "[HOST:]PORT";
            }

            @Override
            public String summary() {
                return "serve the job service sample";
            }

            @Override
            public int run(List<String> args, PrintStream out) throws InterruptedException {
                String address = Options.single(args, usage());
                HbiServer server = Hbi.serve(Hbi.address(address), JobService::env);
                out.println("job service listening: " + Hbi.describe(server.address()));
                Servers.serveUntilStopped(server, () -> { });
                return 0;
            }
        };
    }

    static Command client() {
        return new Command() {
            @Override
            public String name() {
                return "jobs-client";
            }

            @Override
            public String usage() {
                return "HOST:PORT --jobs N --size BYTES [--mode notify|wait] [--wire auto|classic|mux]";
            }

            @Override
            public String summary() {
                return "post jobs, check every result, print the throughput of each mode";
            }

            @Override
            public int run(List<String> args, PrintStream out) {
                Options options = Options.parse(args, Set.of(), Set.of("--jobs", "--size", "--mode", "--wire"));
                String address = options.positional(1, "HOST:PORT").get(0);
                int jobs = number(options, "--jobs");
                int size = number(options, "--size");
                List<JobClient.Mode> modes = options.value("--mode")
                        .map(m -> List.of(mode(m))).orElse(List.of(JobClient.Mode.NOTIFY, JobClient.Mode.WAIT));
                for (JobClient.Mode mode : modes) {
                    out.println(JobClient.run(Hbi.address(address), options.config(), jobs, size, mode));
                }
                return 0;
            }
        };
    }

    private static int number(Options options, String name) {
        String text = options.value(name).orElseThrow(() -> new UsageException(name + " is required"));
        try {
            int n = Integer.parseInt(text);
            if (n < 0 || n > JobService.MAX_JOB_BYTES) {
                throw new UsageException(name + " must be between 0 and " + JobService.MAX_JOB_BYTES);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " takes a number, not " + text);
        }
    }

    private static JobClient.Mode mode(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "notify" -> JobClient.Mode.NOTIFY;
            case "wait" -> JobClient.Mode.WAIT;
            default -> throw new UsageException("--mode takes notify or wait, not " + text);
        };
    }
}
