package dev.hbi.samples.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.Hbi;
import dev.hbi.HbiConfig;
import dev.hbi.HbiServer;
import dev.hbi.PeerLandingException;
import dev.hbi.HostingEnv;
import dev.hbi.PostingConversation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The job service sample over loopback: both ways of answering, on both wires, every result checked. */
class JobServiceTest {

    @ParameterizedTest
    @EnumSource(value = HbiConfig.Wire.class, names = {"CLASSIC", "MULTIPLEXED"})
    void everyJobComesBackWithItsResultInBothModes(HbiConfig.Wire wire) {
        HbiConfig config = HbiConfig.builder().wire(wire).build();
        try (HbiServer server = Hbi.serve(Hbi.address("127.0.0.1:0"), JobService::env)) {
            for (JobClient.Mode mode : JobClient.Mode.values()) {
                JobClient.Report report = JobClient.run(server.address(), config, 40, 4096, mode);
                assertThat(report.jobs()).isEqualTo(40);
                assertThat(report.bytes()).isEqualTo(40 * 4096);
                assertThat(report.toString()).contains("every result checked");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = HbiConfig.Wire.class, names = {"MULTIPLEXED"})
    void aJobTooLargeIsRefusedBeforeAnythingIsAllocated(HbiConfig.Wire wire) {
        try (HbiServer server = Hbi.serve(Hbi.address("127.0.0.1:0"), JobService::env);
             var client = Hbi.connect(server.address(), HostingEnv.create(), HbiConfig.builder().wire(wire).build());
             PostingConversation co = client.postingEnd().newConversation()) {
            co.sendCode("do_job('crc32', " + (JobService.MAX_JOB_BYTES + 1) + ")");
            co.startRecv();
            assertThatThrownBy(co::recvObj).isInstanceOf(PeerLandingException.class)
                    .hasMessageContaining("data_len must be between 0 and " + JobService.MAX_JOB_BYTES);
        }
    }
}
