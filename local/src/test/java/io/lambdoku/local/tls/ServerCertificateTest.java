package io.lambdoku.local.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate of 'local serve --tls': made once per store, private key readable by its owner only. */
class ServerCertificateTest {

    @TempDir
    Path store;

    @Test
    void isMadeOnceForLoopbackAndKeptPrivate() throws Exception {
        ServerCertificate first = ServerCertificate.loadOrCreate(store);
        String pem = Files.readString(first.pem());

        assertThat(Files.getPosixFilePermissions(store.resolve(ServerCertificate.KEYSTORE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        X509Certificate cert = read(first.pem());
        assertThat(cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList()).containsExactlyInAnyOrder("127.0.0.1", "localhost");

        Files.delete(first.pem());
        ServerCertificate again = ServerCertificate.loadOrCreate(store);
        assertThat(Files.readString(again.pem())).as("the same certificate, its PEM copy restored").isEqualTo(pem);
        assertThat(again.serverContext().getProtocol()).isEqualTo("TLS");
        assertThat(ServerCertificate.trusting(again.pem()).getProtocol()).isEqualTo("TLS");
    }

    @Test
    void twoServersStartingTogetherServeTheSameCertificate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<String> start = () -> Files.readString(ServerCertificate.loadOrCreate(store).pem());
            List<Future<String>> both = pool.invokeAll(List.of(start, start));
            assertThat(both.get(0).get()).isEqualTo(both.get(1).get());
        } finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(store)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary files left")
                    .containsExactlyInAnyOrder(ServerCertificate.KEYSTORE, ServerCertificate.PEM);
        }
    }

    private static X509Certificate read(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
