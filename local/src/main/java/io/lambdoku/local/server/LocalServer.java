package io.lambdoku.local.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.lambdoku.core.event.Events;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.logs.CloudWatchLogs;
import io.lambdoku.local.runtime.LocalInvoker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * The local backend behind the AWS Lambda REST API, so the AWS CLI, boto3 and the SDKs work against
 * it with --endpoint-url. Every rule (RevisionId, validation, limits, InProgress after updates) is the
 * local backend's own; this class only translates HTTP. One port serves every AWS API emulated here:
 * requests with an X-Amz-Target (the JSON protocol: CloudWatch Logs) go by that header, the rest by
 * Lambda's REST paths.
 */
public final class LocalServer implements AutoCloseable {

    private final HttpServer http;
    private final URI endpoint;
    private final ExecutorService workers;
    private final FunctionRoutes functions;
    private final AliasRoutes aliases;
    private final TagRoutes tags;
    private final LocalInvoker invoker;
    private final InvokeRoutes invocations;
    private final String region;
    private final JsonTargetRoutes jsonTargets;

    private LocalServer(HttpServer http, URI endpoint, LocalLambda lambda, Events events) {
        this.http = http;
        this.endpoint = endpoint;
        this.workers = Executors.newFixedThreadPool(32);
        this.region = lambda.options().region();
        RequestIds ids = new RequestIds(region);
        this.functions = new FunctionRoutes(lambda, ids, new CodeLocations(endpoint));
        this.aliases = new AliasRoutes(lambda, ids);
        this.tags = new TagRoutes(lambda, ids);
        this.invoker = new LocalInvoker(lambda, events);
        this.invocations = new InvokeRoutes(invoker, ids);
        this.jsonTargets = new JsonTargetRoutes(new CloudWatchLogs(lambda, invoker::flush));
    }

    /** Binds {@code host:port} (port 0 picks a free one) and starts answering over plain HTTP. */
    public static LocalServer start(LocalLambda lambda, String host, int port) {
        return start(lambda, host, port, Optional.empty());
    }

    /** Binds {@code host:port} and starts answering, over HTTPS when given a TLS context. */
    public static LocalServer start(LocalLambda lambda, String host, int port, Optional<SSLContext> tls) {
        return start(lambda, host, port, tls, Events.NONE);
    }

    /** As above; {@code events} hears what the user should know, such as functions running unsandboxed. */
    public static LocalServer start(LocalLambda lambda, String host, int port, Optional<SSLContext> tls, Events events) {
        // Without it the JDK server waits on Nagle's algorithm for small responses (~40 ms each).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            InetSocketAddress address = new InetSocketAddress(host, port);
            HttpServer http = tls.isPresent() ? HttpsServer.create(address, 128) : HttpServer.create(address, 128);
            if (http instanceof HttpsServer https) {
                https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
            }
            LocalServer server = new LocalServer(http, endpoint(tls.isPresent(), http.getAddress()), lambda, events);
            http.setExecutor(server.workers);
            http.createContext("/", server::handle);
            http.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** Where clients reach this server: its scheme, and the address and port it is really bound to. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * A wildcard bind (0.0.0.0, ::) is no address to connect to; loopback is, and is what the TLS
     * certificate names.
     */
    private static URI endpoint(boolean tls, InetSocketAddress bound) {
        String host = bound.getAddress().isAnyLocalAddress()
                ? (bound.getAddress() instanceof Inet6Address ? "::1" : "127.0.0.1")
                : bound.getAddress().getHostAddress();
        String hostInUrl = host.contains(":") ? "[" + host + "]" : host;
        return URI.create((tls ? "https" : "http") + "://" + hostInUrl + ":" + bound.getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        WireExchange ex = new WireExchange(exchange);
        try {
            route(ex);
        } catch (RuntimeException e) {
            ex.error(WireError.of(e, region));
        } finally {
            exchange.close();
        }
    }

    private void route(WireExchange ex) throws IOException {
        if (ex.malformed().isPresent()) {
            throw WireError.badRequest("The request URI could not be decoded: " + ex.malformed().get());
        }
        List<String> p = ex.segments();
        String m = ex.method();
        Optional<String> target = ex.header("X-Amz-Target");
        if (target.isPresent() && m.equals("POST") && p.isEmpty()) {
            jsonTargets.handle(ex, target.get());
        } else if (p.size() >= 2 && p.get(0).equals("2015-03-31") && p.get(1).equals("functions")) {
            routeFunctions(ex, m, p);
        } else if (p.size() == 3 && p.get(0).equals("2017-03-31") && p.get(1).equals("tags")) {
            switch (m) {
                case "GET" -> tags.list(ex, p.get(2));
                case "POST" -> tags.tag(ex, p.get(2));
                case "DELETE" -> tags.untag(ex, p.get(2));
                default -> throw WireError.unknownOperation(m, ex.path());
            }
        } else if (p.size() == 2 && p.get(0).equals("lambdoku") && p.get(1).equals("echo") && m.equals("POST")) {
            // the floor for bench/invoke.sh: this server's cost of one request, with no function behind it
            ex.bytes(200, "application/json", ex.rawBody(), java.util.Map.of());
        } else if (p.size() == 3 && p.get(0).equals("lambdoku") && p.get(1).equals("code") && m.equals("GET")) {
            functions.download(ex, p.get(2));
        } else {
            throw WireError.unknownOperation(m, ex.path());
        }
    }

    private void routeFunctions(WireExchange ex, String m, List<String> p) throws IOException {
        String op = m + " " + (p.size() == 2 ? "" : p.size() == 3 ? "{f}" : "{f}/" + p.get(3) + (p.size() == 5 ? "/{a}" : ""));
        switch (p.size() > 5 ? "" : op) {
            case "GET " -> functions.list(ex);
            case "POST " -> functions.create(ex);
            case "GET {f}" -> functions.get(ex, p.get(2));
            case "DELETE {f}" -> functions.delete(ex, p.get(2));
            case "GET {f}/configuration" -> functions.getConfiguration(ex, p.get(2));
            case "PUT {f}/configuration" -> functions.updateConfiguration(ex, p.get(2));
            case "PUT {f}/code" -> functions.updateCode(ex, p.get(2));
            case "GET {f}/versions" -> functions.listVersions(ex, p.get(2));
            case "POST {f}/versions" -> functions.publish(ex, p.get(2));
            case "POST {f}/invocations" -> invocations.invoke(ex, p.get(2));
            case "GET {f}/aliases" -> aliases.list(ex, p.get(2));
            case "POST {f}/aliases" -> aliases.create(ex, p.get(2));
            case "GET {f}/aliases/{a}" -> aliases.get(ex, p.get(2), p.get(4));
            case "PUT {f}/aliases/{a}" -> aliases.update(ex, p.get(2), p.get(4));
            case "DELETE {f}/aliases/{a}" -> aliases.delete(ex, p.get(2), p.get(4));
            default -> throw WireError.unknownOperation(m, ex.path());
        }
    }

    @Override
    public void close() {
        http.stop(0);
        workers.shutdownNow();
        invoker.close();
    }
}
