package io.lambdoku.local.tls;

import io.lambdoku.local.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The self-signed certificate 'local serve --tls' answers with: made once per store by the JDK's own
 * keytool (no other tool or library needed), for 127.0.0.1 and localhost, kept in the store as
 * {@code tls.p12} (mode 0600: it holds the private key) with a PEM copy {@code tls.pem} that clients
 * trust through AWS_CA_BUNDLE or NODE_EXTRA_CA_CERTS. Made once so a client trusts it once.
 */
public final class ServerCertificate {

    public static final String KEYSTORE = "tls.p12";
    public static final String PEM = "tls.pem";

    /** PKCS12 requires a password; the key is protected by the file's mode, as an ssh key without passphrase is. */
    private static final char[] PASSWORD = "lambdoku".toCharArray();
    private static final String ALIAS = "lambdoku";

    private final KeyStore keyStore;
    private final Path pem;

    private ServerCertificate(KeyStore keyStore, Path pem) {
        this.keyStore = keyStore;
        this.pem = pem;
    }

    /** The store's certificate, made now if this store has none yet. */
    public static ServerCertificate loadOrCreate(Path storeDir) {
        Path keystore = storeDir.resolve(KEYSTORE);
        if (!Files.exists(keystore)) {
            try {
                create(storeDir, keystore);
            } catch (IOException e) {
                throw new StoreException("cannot make the TLS certificate " + keystore + ": " + e.getMessage(), e);
            }
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                ks.load(in, PASSWORD);
            }
            Path pem = storeDir.resolve(PEM);
            writePem(pem, ks.getCertificate(ALIAS));
            return new ServerCertificate(ks, pem);
        } catch (IOException | GeneralSecurityException e) {
            throw new StoreException("cannot read the TLS certificate " + keystore + ": " + e.getMessage()
                    + " (delete it to make a new one)", e);
        }
    }

    /** The PEM copy of the certificate, for AWS_CA_BUNDLE, NODE_EXTRA_CA_CERTS, curl --cacert. */
    public Path pem() {
        return pem;
    }

    public SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot use the TLS certificate: " + e.getMessage(), e);
        }
    }

    /** A client context that trusts the certificate in {@code pem} (and nothing else), for lambdoku's own calls. */
    public static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new StoreException("cannot read the TLS certificate " + pem + ": " + e.getMessage(), e);
        }
    }

    /**
     * keytool writes the keystore in a private temporary folder; a hard link then publishes it, which
     * fails if another 'local serve' published one first, so both end up serving the same certificate.
     */
    private static void create(Path storeDir, Path keystore) throws IOException {
        Files.createDirectories(storeDir);
        Path tmpDir = Files.createTempDirectory(storeDir, "tls-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path tmp = tmpDir.resolve(KEYSTORE);
        try {
            keytool(tmp);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.createLink(keystore, tmp);
        } catch (FileAlreadyExistsException raced) {
            // another process made the store's certificate meanwhile: use that one
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(tmpDir);
        }
    }

    /** The JDK running lambdoku has keytool next to its java, whatever is on PATH. */
    private static void keytool(Path keystore) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=lambdoku local serve", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(keystore)) {
                p.destroyForcibly();
                throw new IOException("keytool could not make a certificate: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while keytool made a certificate", e);
        }
    }

    /** Rewritten from the keystore when missing or different, so the PEM always matches what is served. */
    private static void writePem(Path pem, Certificate certificate) throws IOException, GeneralSecurityException {
        String text = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        if (Files.exists(pem) && Files.readString(pem).equals(text)) {
            return;
        }
        Path tmp = Files.createTempFile(pem.getParent(), "tls", ".pem");
        try {
            Files.writeString(tmp, text);
            // public: the certificate is what clients are given to trust
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, pem, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
