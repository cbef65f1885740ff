package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.auth.AccessKey;
import io.lambdoku.local.server.LocalServer;
import io.lambdoku.local.server.ServeOptions;
import io.lambdoku.local.tls.ServerCertificate;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aws backend over https, against 'local serve' answering with its self-signed certificate: the
 * certificate is checked as the SDK's own client checks it (plain-http endpoints skip TLS set-up, https
 * ones must not skip verification): refused unless the JVM's trust store holds it.
 */
class AwsOverHttpsIT {

    @TempDir
    Path home;

    private LocalLambda local;
    private LocalServer server;
    private ServerCertificate certificate;
    private URI endpoint;

    @BeforeEach
    void start() {
        local = LocalLambda.open(new LocalOptions(home.resolve("store"), "us-east-1", Duration.ZERO));
        certificate = ServerCertificate.loadOrCreate(home.resolve("tls"));
        server = LocalServer.start(local, new ServeOptions("127.0.0.1", 0, Optional.of(certificate.serverContext()),
                Optional.of(new AccessKey("test", "test"))));
        endpoint = URI.create("https://127.0.0.1:" + server.address().getPort());
    }

    @AfterEach
    void stop() {
        server.close();
        local.close();
    }

    @Test
    void aSelfSignedCertificateIsRefused() {
        try (AwsLambda aws = open()) {
            assertThatThrownBy(() -> aws.getFunction("anything", FunctionConfig.LATEST))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("PKIX path building failed");
        }
    }

    @Test
    void aCertificateInTheJvmTrustStoreIsServedOverHttps() throws Exception {
        Path trustStore = home.resolve("trust.p12");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate.pem())) {
            trusted.setCertificateEntry("local-serve", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trusted.store(out, "changeit".toCharArray());
        }
        String[] keys = {"javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType"};
        String[] before = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            before[i] = System.getProperty(keys[i]);
        }
        // the JVM's default context is made once, on first use (every HttpsURLConnection asks for it): made
        // now, before the trust store is swapped, it stays the real one for whatever runs after this test
        SSLContext.getDefault();
        System.setProperty(keys[0], trustStore.toString());
        System.setProperty(keys[1], "changeit");
        System.setProperty(keys[2], "PKCS12");
        try (AwsLambda aws = open()) {
            assertThat(aws.listFunctions()).isEmpty();
        } finally {
            for (int i = 0; i < keys.length; i++) {
                if (before[i] == null) {
                    System.clearProperty(keys[i]);
                } else {
                    System.setProperty(keys[i], before[i]);
                }
            }
        }
    }

    private AwsLambda open() {
        return AwsLambda.open(new AwsOptions(Optional.of("us-east-1"), Optional.empty(), Optional.of(endpoint),
                Optional.empty(), Optional.of(new AwsOptions.StaticKeys("test", "test", Optional.empty()))));
    }
}
