package dev.hbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.testing.ProxyLink;
import dev.hbi.testing.TestCertificates;
import dev.hbi.testing.TestServices;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keeping strangers out: TLS (verified certificates, host names, mutual TLS) and token authentication,
 * over real sockets with certificates made for the test. Nothing is landed for a peer that was refused.
 */
class SecurityTest {

    private static final char[] TOKEN = "correct horse battery staple".toCharArray();

    @TempDir
    static Path certDir;
    static TestCertificates certs;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCertificates.generate(certDir);
    }

    @ParameterizedTest
    @EnumSource(value = HbiConfig.Wire.class)
    void tlsCarriesConversationsAndBulkDataIntactOnTheWireAgreedInTheHandshake(HbiConfig.Wire wire) throws Exception {
        HbiConfig server = config(HbiSecurity.builder().tls(certs.server()).build(), HbiConfig.Wire.AUTO);
        HbiConfig client = config(HbiSecurity.builder().tls(certs.client()).build(), wire);
        try (HbiServer hbiServer = Hbi.serve(Hbi.address("127.0.0.1:0"), TestServices::echo, server);
             HbiConnection conn = Hbi.connect(hbiServer.address(), HostingEnv.create(), client)) {
            assertThat(conn.wire()).isEqualTo(wire == HbiConfig.Wire.AUTO ? HbiConfig.Wire.MULTIPLEXED : wire);
            assertThat(echo(conn, "echo('over TLS')")).isEqualTo("over TLS");
            assertBulkDataComesBackIntact(conn, 8 << 20);
        }
    }

    @Test
    void aClientRefusesAServerWhoseCertificateItDoesNotTrust() throws Exception {
        assertRefusedByTheClient(certs.strangerServer(), "PKIX");
    }

    @Test
    void aClientRefusesAServerWhoseCertificateNamesAnotherHost() throws Exception {
        assertRefusedByTheClient(certs.serverForAnotherHost(), "127.0.0.1");
    }

    @Test
    void mutualTlsLetsInAClientWithATrustedCertificate() throws Exception {
        HbiConfig server = config(HbiSecurity.builder().tls(certs.server()).requireClientCertificate().build(),
                HbiConfig.Wire.AUTO);
        HbiConfig client = config(HbiSecurity.builder().tls(certs.clientWithCertificate()).build(), HbiConfig.Wire.AUTO);
        try (HbiServer hbiServer = Hbi.serve(Hbi.address("127.0.0.1:0"), TestServices::echo, server);
             HbiConnection conn = Hbi.connect(hbiServer.address(), HostingEnv.create(), client)) {
            assertThat(echo(conn, "echo('mutual')")).isEqualTo("mutual");
        }
    }

    @Test
    void mutualTlsRefusesAClientWithoutACertificateBeforeAnythingIsLanded() throws Exception {
        AtomicInteger landed = new AtomicInteger();
        HbiConfig server = config(HbiSecurity.builder().tls(certs.server()).requireClientCertificate().build(),
                HbiConfig.Wire.AUTO);
        HbiConfig client = config(HbiSecurity.builder().tls(certs.client()).build(), HbiConfig.Wire.AUTO);
        try (HbiServer hbiServer = Hbi.serve(Hbi.address("127.0.0.1:0"), () -> counting(landed), server)) {
            assertThatThrownBy(() -> echo(Hbi.connect(hbiServer.address(), HostingEnv.create(), client), "echo(1)"))
                    .isInstanceOfAny(HbiAuthenticationException.class, ConnectionClosedException.class);
            assertThat(landed).hasValue(0);
        }
    }

    @ParameterizedTest
    @EnumSource(value = HbiConfig.Wire.class)
    void theRightTokenLetsTheClientInOnTheWireItAskedFor(HbiConfig.Wire wire) {
        HbiConfig server = config(HbiSecurity.builder().token(TOKEN).build(), HbiConfig.Wire.AUTO);
        HbiConfig client = config(HbiSecurity.builder().token(TOKEN).build(), wire);
        try (HbiServer hbiServer = Hbi.serve(Hbi.address("127.0.0.1:0"), TestServices::echo, server);
             HbiConnection conn = Hbi.connect(hbiServer.address(), HostingEnv.create(), client)) {
            assertThat(conn.wire()).isEqualTo(wire == HbiConfig.Wire.AUTO ? HbiConfig.Wire.MULTIPLEXED : wire);
            assertThat(echo(conn, "echo('token')")).isEqualTo("token");
        }
    }

    @Test
    void aWrongTokenIsRefusedClearlyAndNothingIsLanded() {
        AtomicInteger landed = new AtomicInteger();
        HbiConfig server = config(HbiSecurity.builder().token(TOKEN).build(), HbiConfig.Wire.AUTO);
        HbiConfig client = config(HbiSecurity.builder().token("guess".toCharArray()).build(), HbiConfig.Wire.AUTO);
        try (HbiServer hbiServer = Hbi.serve(Hbi.address("127.0.0.1:0"), () -> counting(landed), server)) {
            assertThatThrownBy(() -> Hbi.connect(hbiServer.address(), HostingEnv.create(), client))
                    .isInstanceOf(HbiAuthenticationException.class)
                    .hasMessageContaining("the server refused this side's token: wrong token");
            assertThat(landed).hasValue(0);
        }
    }

    @Test
    void aClientWithoutATokenIsToldTheServerAsksForOne() {
        HbiConfig server = config(HbiSecurity.builder().token(TOKEN).build(), HbiConfig.Wire.AUTO);
        try (HbiServer hbiServer = Hbi.serve(Hbi.address("127.0.0.1:0"), TestServices::echo, server)) {
            assertThatThrownBy(() -> Hbi.connect(hbiServer.address(), HostingEnv.create()))
                    .isInstanceOf(ConnectionClosedException.class).hasMessageContaining("asks for a token");
        }
    }

    @Test
    void theTokenNeverCrossesTheWire() throws Exception {
        HbiConfig server = config(HbiSecurity.builder().token(TOKEN).build(), HbiConfig.Wire.AUTO);
        HbiConfig client = config(HbiSecurity.builder().token(TOKEN).build(), HbiConfig.Wire.AUTO);
        try (HbiServer hbiServer = Hbi.serve(Hbi.address("127.0.0.1:0"), TestServices::echo, server);
             ProxyLink tap = ProxyLink.to(hbiServer.address());
             HbiConnection conn = Hbi.connect(tap.address(), HostingEnv.create(), client)) {
            assertThat(echo(conn, "echo('secret handshake')")).isEqualTo("secret handshake");
            assertThat(new String(tap.clientBytes(), StandardCharsets.ISO_8859_1))
                    .contains("secret handshake").doesNotContain(new String(TOKEN));
        }
    }

    @Test
    void tlsAndATokenTogetherLetInOnlyAClientWithBoth() throws Exception {
        HbiConfig server = config(HbiSecurity.builder().tls(certs.server()).token(TOKEN).build(), HbiConfig.Wire.AUTO);
        HbiConfig both = config(HbiSecurity.builder().tls(certs.client()).token(TOKEN).build(), HbiConfig.Wire.AUTO);
        HbiConfig tlsOnly = config(HbiSecurity.builder().tls(certs.client()).token("guess".toCharArray()).build(),
                HbiConfig.Wire.AUTO);
        try (HbiServer hbiServer = Hbi.serve(Hbi.address("127.0.0.1:0"), TestServices::echo, server)) {
            try (HbiConnection conn = Hbi.connect(hbiServer.address(), HostingEnv.create(), both)) {
                assertThat(echo(conn, "echo('both')")).isEqualTo("both");
            }
            assertThatThrownBy(() -> Hbi.connect(hbiServer.address(), HostingEnv.create(), tlsOnly))
                    .isInstanceOf(HbiAuthenticationException.class).hasMessageContaining("wrong token");
        }
    }

    @Test
    void securitySettingsNeverShowTheToken() {
        assertThat(HbiSecurity.builder().token(TOKEN).build().toString()).doesNotContain(new String(TOKEN))
                .contains("****");
    }

    // ---- helpers ----

    private void assertRefusedByTheClient(SSLContext serverContext, String why) throws Exception {
        HbiConfig server = config(HbiSecurity.builder().tls(serverContext).build(), HbiConfig.Wire.AUTO);
        HbiConfig client = config(HbiSecurity.builder().tls(certs.client()).build(), HbiConfig.Wire.AUTO);
        try (HbiServer hbiServer = Hbi.serve(Hbi.address("127.0.0.1:0"), TestServices::echo, server)) {
            assertThatThrownBy(() -> Hbi.connect(hbiServer.address(), HostingEnv.create(), client))
                    .isInstanceOf(HbiAuthenticationException.class).hasMessageContaining("TLS handshake")
                    .hasMessageContaining(why);
        }
    }

    private static HbiConfig config(HbiSecurity security, HbiConfig.Wire wire) {
        return HbiConfig.builder().wire(wire).security(security).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HostingEnv counting(AtomicInteger landed) {
        return TestServices.echo().onInit((po, ho) -> landed.incrementAndGet());
    }

    private static Object echo(HbiConnection conn, String code) {
        try (PostingConversation co = conn.postingEnd().newConversation()) {
            co.sendCode(code);
            co.startRecv();
            return co.recvObj();
        }
    }

    private static void assertBulkDataComesBackIntact(HbiConnection conn, int size) {
        byte[] sent = new byte[size];
        new Random(7).nextBytes(sent);
        ByteBuffer back = ByteBuffer.allocate(size);
        try (PostingConversation co = conn.postingEnd().newConversation()) {
            co.sendCode("echo_data(" + size + ")");
            co.sendData(ByteBuffer.wrap(sent));
            co.startRecv();
            co.recvData(back);
        }
        assertThat(crc(back.array())).isEqualTo(crc(sent));
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
