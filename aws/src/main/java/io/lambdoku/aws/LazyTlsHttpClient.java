package io.lambdoku.aws;

import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.utils.FunctionalUtils;

/**
 * The SDK's URL-connection client, but TLS is set up only when a request is https. The SDK's builder
 * makes its SSLContext in the constructor (the trust store read, every certificate parsed, the cipher
 * suites listed: ~45 ms of a command's first call) even when every request goes to a plain-http stand-in
 * (moto, {@code lambdoku local serve}). https requests go to the SDK's own client, built as before on the
 * first of them, so real AWS is verified exactly as it was; http requests go to one whose connections
 * are opened here the way the SDK opens them (same proxy settings, timeouts), minus the unused TLS.
 */
final class LazyTlsHttpClient implements SdkHttpClient {

    private final Duration connectionTimeout;
    private final Duration socketTimeout;
    /** What the SDK's builder resolves (system properties, then HTTP_PROXY/NO_PROXY...): read the same way. */
    private final ProxyConfiguration proxy = ProxyConfiguration.builder().build();
    private final SdkHttpClient plain = UrlConnectionHttpClient.create(this::openPlain);
    private SdkHttpClient tls;

    LazyTlsHttpClient(Duration connectionTimeout, Duration socketTimeout) {
        this.connectionTimeout = connectionTimeout;
        this.socketTimeout = socketTimeout;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return ("http".equals(request.httpRequest().protocol()) ? plain : tls()).prepareRequest(request);
    }

    private synchronized SdkHttpClient tls() {
        if (tls == null) {
            tls = UrlConnectionHttpClient.builder().connectionTimeout(connectionTimeout).socketTimeout(socketTimeout).build();
        }
        return tls;
    }

    /** UrlConnectionHttpClient.createDefaultConnection of SDK 2.41.29, for http only (nothing of TLS to set). */
    private HttpURLConnection openPlain(URI uri) {
        Optional<Proxy> via = proxyFor(uri);
        HttpURLConnection connection = FunctionalUtils.invokeSafely(() -> (HttpURLConnection) (via.isPresent()
                ? uri.toURL().openConnection(via.get()) : uri.toURL().openConnection()));
        if (via.isPresent() && proxyAuthorizes()) {
            String token = proxy.username() + ":" + proxy.password();
            connection.addRequestProperty("proxy-authorization",
                    "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        connection.setConnectTimeout(Math.toIntExact(Math.min(Integer.MAX_VALUE, connectionTimeout.toMillis())));
        connection.setReadTimeout(Math.toIntExact(Math.min(Integer.MAX_VALUE, socketTimeout.toMillis())));
        return connection;
    }

    private Optional<Proxy> proxyFor(URI uri) {
        if (proxy.host() == null || proxy.port() <= 0) { // as the SDK's own client: no port, no proxy
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.getDefault());
        if (proxy.nonProxyHosts().stream().anyMatch(host::matches)) {
            return Optional.empty();
        }
        return Optional.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
    }

    private boolean proxyAuthorizes() {
        return proxy.username() != null && !proxy.username().isEmpty() && proxy.password() != null && !proxy.password().isEmpty();
    }

    @Override
    public String clientName() {
        return plain.clientName();
    }

    @Override
    public synchronized void close() {
        plain.close();
        if (tls != null) {
            tls.close();
        }
    }
}
