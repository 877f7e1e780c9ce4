package dev.hbi.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine's CPU time so far, from Linux's {@code /proc/stat}: all of it and the part the hypervisor
 * gave to other guests (steal). On a shared virtual machine steal varies from minute to minute, and a
 * benchmark iteration that lost a good part of its CPU to it measured the neighbours as much as the code.
 *
 * @param total jiffies of all kinds, on all CPUs
 * @param steal jiffies stolen
 */
record CpuTimes(long total, long steal) {

    private static final Path STAT = Path.of("/proc/stat");
    private static final int STEAL_FIELD = 8;

    /**
     * Reads the times now.
     *
     * @return the times, or empty where {@code /proc/stat} is not there
     */
    static Optional<CpuTimes> now() {
        try {
            String[] f = Files.readAllLines(STAT).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= STEAL_FIELD; i++) {
                total += Long.parseLong(f[i]);
            }
            return Optional.of(new CpuTimes(total, Long.parseLong(f[STEAL_FIELD])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns the share of CPU time stolen since an earlier reading.
     *
     * @param earlier the earlier reading
     * @return the percentage stolen in between
     */
    double stealPercentSince(CpuTimes earlier) {
        long dt = total - earlier.total;
        return dt <= 0 ? 0 : 100.0 * (steal - earlier.steal) / dt;
    }
}
