package dev.hbi.samples.jobs;

import dev.hbi.Hbi;
import dev.hbi.HbiConfig;
import dev.hbi.HbiConnection;
import dev.hbi.HbiTimeoutException;
import dev.hbi.HostingEnv;
import dev.hbi.PostingConversation;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The consumer of {@link JobService}: posts jobs and checks every result. In {@link Mode#NOTIFY} it
 * posts all jobs without waiting and counts the {@code job_done} back-scripts as they come (the fast
 * way); in {@link Mode#WAIT} it waits for each result before posting the next (the slow way).
 */
public final class JobClient {

    /** How results come back. */
    public enum Mode {
        /** As {@code job_done(job, result)} back-scripts the service posts: jobs are pipelined. */
        NOTIFY,
        /** As objects the consumer waits for: one job at a time. */
        WAIT
    }

    /**
     * What a run did.
     *
     * @param mode    how results came back
     * @param jobs    how many jobs
     * @param bytes   bytes sent
     * @param elapsed how long it took
     */
    public record Report(Mode mode, int jobs, long bytes, Duration elapsed) {
        @Override
        public String toString() {
            double seconds = elapsed.toNanos() / 1e9;
            return String.format("%-7s %d jobs of %d bytes in %.2f s: %.0f jobs/s, %.1f MB/s, every result checked",
                    mode.name().toLowerCase(java.util.Locale.ROOT) + ":", jobs, bytes / Math.max(1, jobs), seconds,
                    jobs / seconds, bytes / seconds / 1e6);
        }
    }

    private static final int DISTINCT_BUFFERS = 8;

    private JobClient() {
    }

    /**
     * Runs jobs against a service.
     *
     * @param address the service
     * @param config  the connection's settings
     * @param jobs    how many jobs
     * @param size    the bytes of each job
     * @param mode    how results come back
     * @return what the run did
     */
    public static Report run(SocketAddress address, HbiConfig config, int jobs, int size, Mode mode) {
        ByteBuffer[] data = new ByteBuffer[DISTINCT_BUFFERS];
        long[] expected = new long[DISTINCT_BUFFERS];
        Random random = new Random(size);
        for (int i = 0; i < DISTINCT_BUFFERS; i++) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            data[i] = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
            expected[i] = JobService.compute("crc32", data[i]);
        }
        Map<Integer, Long> done = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(jobs);
        HostingEnv env = HostingEnv.create().exposeProcedure("job_done", args -> {
            done.put(args.intValue(0), args.longValue(1));
            all.countDown();
        });
        try (HbiConnection connection = Hbi.connect(address, env, config)) {
            long start = System.nanoTime();
            for (int job = 0; job < jobs; job++) {
                ByteBuffer bytes = data[job % DISTINCT_BUFFERS].duplicate();
                if (mode == Mode.NOTIFY) {
                    connection.postingEnd().notifyData("do_job('crc32', " + size + ", job=" + job + ")", bytes);
                } else {
                    done.put(job, waitForResult(connection, size, bytes));
                }
            }
            awaitAll(mode, all, config.recvTimeout());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            check(done, expected, jobs);
            return new Report(mode, jobs, (long) jobs * size, elapsed);
        }
    }

    private static long waitForResult(HbiConnection connection, int size, ByteBuffer bytes) {
        try (PostingConversation co = connection.postingEnd().newConversation()) {
            co.sendCode("do_job('crc32', " + size + ")");
            co.sendData(bytes);
            co.startRecv();
            return co.recvObj(Long.class);
        }
    }

    private static void awaitAll(Mode mode, CountDownLatch all, Duration timeout) {
        if (mode != Mode.NOTIFY) {
            return;
        }
        try {
            if (!all.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new HbiTimeoutException(all.getCount() + " results did not come back within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for results", e);
        }
    }

    private static void check(Map<Integer, Long> done, long[] expected, int jobs) {
        for (int job = 0; job < jobs; job++) {
            Long got = done.get(job);
            if (got == null || got != expected[job % DISTINCT_BUFFERS]) {
                throw new IllegalStateException("job " + job + " came back with " + got + ", expected "
                        + expected[job % DISTINCT_BUFFERS]);
            }
        }
    }
}
