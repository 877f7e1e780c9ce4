package dev.hbi.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates made for a test by the JDK's own keytool, run in this JVM (a keytool process per step
 * would cost a second each): a test certificate authority, a server certificate it signed for
 * 127.0.0.1 and localhost, one for another host, a client certificate for mutual TLS, and a self-signed
 * server certificate nobody trusts. Each comes as an {@link SSLContext} ready for
 * {@link dev.hbi.HbiSecurity}. The test JVM must export {@code sun.security.tools.keytool} (hbi-core's
 * surefire configuration does).
 */
public final class TestCertificates {

    private static final String PASSWORD = "changeit";

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /**
     * Makes the certificates in a directory.
     *
     * @param dir a fresh directory
     * @return the certificates
     * @throws Exception if keytool fails
     */
    public static TestCertificates generate(Path dir) throws Exception {
        TestCertificates certs = new TestCertificates(dir);
        certs.keytool("-genkeypair", "-alias", "ca", "-dname", "CN=HBI Test CA", "-ext", "bc:c", "-keystore", "ca.p12");
        certs.keytool("-exportcert", "-alias", "ca", "-rfc", "-file", "ca.pem", "-keystore", "ca.p12");
        certs.keytool("-importcert", "-alias", "ca", "-file", "ca.pem", "-noprompt", "-keystore", "trust.p12");
        certs.signed("server", "CN=localhost", "san=ip:127.0.0.1,dns:localhost", "eku=serverAuth");
        certs.signed("elsewhere", "CN=elsewhere.example", "san=dns:elsewhere.example", "eku=serverAuth");
        certs.signed("client", "CN=hbi-test-client", null, "eku=clientAuth");
        certs.keytool("-genkeypair", "-alias", "stranger", "-dname", "CN=localhost", "-ext",
                "san=ip:127.0.0.1,dns:localhost", "-keystore", "stranger.p12");
        return certs;
    }

    /** A key pair whose certificate the test CA signed, in NAME.p12 with the CA's certificate. */
    private void signed(String name, String subject, String san, String eku) throws Exception {
        String store = name + ".p12";
        keytool("-genkeypair", "-alias", name, "-dname", subject, "-keystore", store);
        keytool("-certreq", "-alias", name, "-file", name + ".csr", "-keystore", store);
        List<String> sign = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-infile", name + ".csr",
                "-outfile", name + ".pem", "-rfc", "-keystore", "ca.p12", "-ext", eku));
        if (san != null) {
            sign.addAll(List.of("-ext", san));
        }
        keytool(sign.toArray(String[]::new));
        keytool("-importcert", "-alias", "ca", "-file", "ca.pem", "-noprompt", "-keystore", store);
        keytool("-importcert", "-alias", name, "-file", name + ".pem", "-keystore", store);
    }

    /**
     * A server with a certificate for 127.0.0.1 and localhost, signed by the test CA; trusts the test CA's
     * clients.
     *
     * @return the context
     * @throws Exception if the key store cannot be read
     */
    public SSLContext server() throws Exception {
        return context("server.p12", "trust.p12");
    }

    /**
     * A server whose certificate, signed by the test CA, names another host.
     *
     * @return the context
     * @throws Exception if the key store cannot be read
     */
    public SSLContext serverForAnotherHost() throws Exception {
        return context("elsewhere.p12", "trust.p12");
    }

    /**
     * A server with a self-signed certificate nobody trusts.
     *
     * @return the context
     * @throws Exception if the key store cannot be read
     */
    public SSLContext strangerServer() throws Exception {
        return context("stranger.p12", "trust.p12");
    }

    /**
     * A client that trusts the test CA and has no certificate of its own.
     *
     * @return the context
     * @throws Exception if the key store cannot be read
     */
    public SSLContext client() throws Exception {
        return context(null, "trust.p12");
    }

    /**
     * A client that trusts the test CA and has a certificate it signed, for mutual TLS.
     *
     * @return the context
     * @throws Exception if the key store cannot be read
     */
    public SSLContext clientWithCertificate() throws Exception {
        return context("client.p12", "trust.p12");
    }

    private SSLContext context(String keyStore, String trustStore) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = null;
        if (keyStore != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore), PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore));
        context.init(keys != null ? keys.getKeyManagers() : null, trust.getTrustManagers(), null);
        return context;
    }

    private KeyStore load(String name) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(name))) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private void keytool(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).equals("-keystore") || all.get(i).equals("-file") || all.get(i).equals("-infile")
                    || all.get(i).equals("-outfile")) {
                all.set(i + 1, dir.resolve(all.get(i + 1)).toString());
            }
        }
        if (all.getFirst().equals("-genkeypair")) {
            all.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2"));
        }
        all.addAll(List.of("-storepass", PASSWORD, "-storetype", "PKCS12"));
        Class<?> keytool = Class.forName("sun.security.tools.keytool.Main");
        Method run = keytool.getMethod("run", String[].class, PrintStream.class);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = (int) run.invoke(keytool.getConstructor().newInstance(), all.toArray(String[]::new),
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }
}
