package dev.hbi.samples.jobs;

import dev.hbi.Args;
import dev.hbi.HostingConversation;
import dev.hbi.HostingEnv;
import dev.hbi.Repr;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * The seeds' "server paradigm": a consumer posts {@code do_job(action, data_len)} followed by
 * {@code data_len} bytes; the service receives them into a buffer it sizes from the arguments, computes a
 * result, and answers it either as a {@code job_done(job, result)} back-script it posts to the consumer
 * when it is ready (with {@code job=ID}: the consumer need not wait), or as an object the consumer waits
 * for. Serve it with {@code hbi serve PORT --env dev.hbi.samples.jobs.JobService}.
 */
public final class JobService implements Supplier<HostingEnv> {

    /** The largest job accepted, so that a request cannot make the service allocate without bound. */
    public static final int MAX_JOB_BYTES = 256 << 20;

    /** Creates the factory {@code hbi serve --env} instantiates. */
    public JobService() {
    }

    /**
     * Makes the environment of one connection.
     *
     * @return the environment
     */
    public static HostingEnv env() {
        return HostingEnv.create().exposeProcedure("do_job", "action, data_len, job=None",
                "Computes action ('crc32' or 'sum') over the data_len bytes that follow; answers job_done(job, result)"
                        + " if job is given, else the result.", JobService::doJob);
    }

    @Override
    public HostingEnv get() {
        return env();
    }

    private static void doJob(Args args) {
        String action = args.string(0);
        int length = args.intValue(1);
        if (length < 0 || length > MAX_JOB_BYTES) {
            throw new IllegalArgumentException("data_len must be between 0 and " + MAX_JOB_BYTES + ", not " + length);
        }
        Object job = args.keyword("job").orElse(null);
        HostingConversation co = args.conversation();
        ByteBuffer data = ByteBuffer.allocate(length);
        co.recvData(data);
        long result = compute(action, data.flip());
        if (job == null) {
            co.startSend();
            co.sendValue(result);
        } else {
            co.finishRecv();
            args.postingEnd().notify("job_done(" + Repr.repr(job) + ", " + result + ")");
        }
    }

    /**
     * Computes a job's result.
     *
     * @param action {@code "crc32"} or {@code "sum"} (of the unsigned bytes)
     * @param data   the data
     * @return the result
     */
    public static long compute(String action, ByteBuffer data) {
        return switch (action) {
            case "crc32" -> {
                CRC32 crc = new CRC32();
                crc.update(data.duplicate());
                yield crc.getValue();
            }
            case "sum" -> {
                long sum = 0;
                for (int i = data.position(); i < data.limit(); i++) {
                    sum += data.get(i) & 0xff;
                }
                yield sum;
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "': crc32 or sum");
        };
    }
}
