package io.lambdoku.local.server;

import io.lambdoku.local.auth.AccessKey;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Where 'local serve' listens and who may use it. Without an access key, any well-formed, fresh
 * signature is served, which only a loopback bind allows; with one, every signature is verified with
 * its secret.
 */
public record ServeOptions(String host, int port, Optional<SSLContext> tls, Optional<AccessKey> accessKey) {

    public static ServeOptions loopback(int port) {
        return new ServeOptions("127.0.0.1", port, Optional.empty(), Optional.empty());
    }

    public ServeOptions withAccessKey(AccessKey key) {
        return new ServeOptions(host, port, tls, Optional.of(key));
    }
}
