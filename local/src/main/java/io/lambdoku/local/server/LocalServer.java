package io.lambdoku.local.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.lambdoku.core.event.Events;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.auth.AccessKey;
import io.lambdoku.local.auth.AuthException;
import io.lambdoku.local.auth.SignatureCheck;
import io.lambdoku.local.kms.KmsApi;
import io.lambdoku.local.kms.LocalKms;
import io.lambdoku.local.logs.CloudWatchLogs;
import io.lambdoku.local.runtime.FunctionKms;
import io.lambdoku.local.runtime.LocalInvoker;
import io.lambdoku.local.runtime.ProvisionedKeeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLContext;

/**
 * The local backend behind the AWS Lambda REST API, so the AWS CLI, boto3 and the SDKs work against
 * it with --endpoint-url. Every rule (RevisionId, validation, limits, InProgress after updates) is the
 * local backend's own; this class only translates HTTP. Every request must be SigV4-signed (see
 * {@link RequestGate}); one port serves every AWS API emulated here, picked as AWS endpoints are by the
 * service the request was signed for: {@code lambda} by Lambda's REST paths, {@code logs} and {@code kms} (the
 * JSON protocol: CloudWatch Logs, KMS) by their X-Amz-Target. Function URLs are served here too, by Host
 * ({@code <url-id>.lambda-url.<region>.localhost}) or under /lambda-url/ (see {@link UrlRoutes}).
 */
public final class LocalServer implements AutoCloseable {

    private final HttpServer http;
    private final URI endpoint;
    private final ExecutorService workers;
    private final RequestGate gate;
    private final RequestBodies bodies;
    private final CodeLocations codeLocations;
    private final FunctionRoutes functions;
    private final AliasRoutes aliases;
    private final TagRoutes tags;
    private final ConcurrencyRoutes concurrency;
    private final LocalInvoker invoker;
    /** Keeps the store's provisioned concurrency warm in {@link #invoker}'s environments while this server runs. */
    private final ProvisionedKeeper keeper;
    private final InvokeRoutes invocations;
    private final String region;
    private final JsonTargetRoutes jsonTargets;
    private final FunctionUrlRoutes functionUrls;
    private final UrlRoutes urls;
    /** Pages for browsers (the dashboard), when mounted on a loopback server; see {@link #serveBrowserPages}. */
    private volatile Optional<BrowserPages> pages = Optional.empty();

    private LocalServer(HttpServer http, URI endpoint, LocalLambda lambda, ServeOptions options, Events events) {
        this.http = http;
        this.endpoint = endpoint;
        this.workers = HttpTuning.workers();
        this.gate = new RequestGate(LoopbackHosts.of(http.getAddress(), options.tls().isPresent()),
                new SignatureCheck(options.accessKey(), Clock.systemUTC()));
        this.bodies = RequestBodies.sizedToHeap();
        this.codeLocations = new CodeLocations(endpoint, Clock.systemUTC());
        this.region = lambda.options().region();
        RequestIds ids = new RequestIds(region);
        this.functions = new FunctionRoutes(lambda, ids, codeLocations);
        this.aliases = new AliasRoutes(lambda, ids);
        this.tags = new TagRoutes(lambda, ids);
        this.concurrency = new ConcurrencyRoutes(lambda, ids);
        this.invoker = new LocalInvoker(lambda, events, functionKms(lambda, options));
        this.keeper = ProvisionedKeeper.start(lambda, invoker);
        this.invocations = new InvokeRoutes(invoker, ids);
        this.functionUrls = new FunctionUrlRoutes(lambda, ids, endpoint);
        this.urls = new UrlRoutes(new UrlRequests(lambda, region), gate, invoker, region);
        this.jsonTargets = new JsonTargetRoutes(Optional.of(new CloudWatchLogs(lambda, invoker::flush)),
                new KmsApi(new LocalKms(lambda)));
    }

    /**
     * Functions reach this server's KMS routes when it is plain HTTP and takes any key (loopback without an access key),
     * with a throwaway key as any client on this machine would sign with; a server that verifies an access key does not
     * hand it to every function (nor a TLS one its certificate), so those functions get a KMS port of their own.
     */
    private FunctionKms functionKms(LocalLambda lambda, ServeOptions options) {
        if (options.tls().isPresent() || options.accessKey().isPresent()) {
            return new FunctionKmsServer(lambda);
        }
        AccessKey throwaway = AccessKey.generate();
        Map<String, String> variables = FunctionKms.variables(endpoint.toString(), throwaway.id(), throwaway.secret());
        return () -> variables;
    }

    /** Binds loopback {@code host:port} (port 0 picks a free one) and answers any well-formed signature. */
    public static LocalServer start(LocalLambda lambda, String host, int port) {
        return start(lambda, host, port, Optional.empty());
    }

    /** The same, over HTTPS when given a TLS context. */
    public static LocalServer start(LocalLambda lambda, String host, int port, Optional<SSLContext> tls) {
        return start(lambda, new ServeOptions(host, port, tls, Optional.empty()), Events.NONE);
    }

    /** As above; {@code events} hears what the user should know, such as functions running unsandboxed. */
    public static LocalServer start(LocalLambda lambda, String host, int port, Optional<SSLContext> tls, Events events) {
        return start(lambda, new ServeOptions(host, port, tls, Optional.empty()), events);
    }

    /**
     * Binds and starts answering. Anything but a loopback address needs an access key: the network
     * could otherwise create functions here and so run commands as this user.
     */
    public static LocalServer start(LocalLambda lambda, ServeOptions options) {
        return start(lambda, options, Events.NONE);
    }

    /** As above; {@code events} hears what the user should know, such as functions running unsandboxed. */
    public static LocalServer start(LocalLambda lambda, ServeOptions options, Events events) {
        HttpTuning.apply();
        InetSocketAddress address = new InetSocketAddress(options.host(), options.port());
        if (!address.isUnresolved() && !address.getAddress().isLoopbackAddress() && options.accessKey().isEmpty()) {
            throw new IllegalArgumentException("Serving on " + options.host() + ", beyond this machine, needs an access key"
                    + " that every request's signature is verified with.");
        }
        Optional<SSLContext> tls = options.tls();
        try {
            HttpServer http = tls.isPresent() ? HttpsServer.create(address, 128) : HttpServer.create(address, 128);
            if (http instanceof HttpsServer https) {
                https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
            }
            LocalServer server = new LocalServer(http, endpoint(tls.isPresent(), address, http.getAddress()), lambda, options, events);
            http.setExecutor(server.workers);
            http.createContext("/", server::handle);
            http.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Serves {@code browserPages} too, on a loopback server only: they guard themselves with tokens for loopback
     * names, which a server reachable from elsewhere would not answer to.
     */
    public void serveBrowserPages(BrowserPages browserPages) {
        if (!gate.loopback()) {
            throw new IllegalStateException("browser pages are served on loopback only");
        }
        this.pages = Optional.of(browserPages);
    }

    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The invoker behind Invoke, whose warm environments other work of 'local serve' (schedules) shares. */
    public LocalInvoker invoker() {
        return invoker;
    }

    /** Where clients reach this server: its scheme, and the address and port it is really bound to. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * A wildcard bind (0.0.0.0, ::) is no address to connect to; loopback is, and is what the TLS
     * certificate names. The address asked for decides which loopback: the JDK reports a bind to
     * 0.0.0.0 as :: on a dual-stack machine.
     */
    private static URI endpoint(boolean tls, InetSocketAddress asked, InetSocketAddress bound) {
        String host = bound.getAddress().isAnyLocalAddress()
                ? (asked.getAddress() instanceof Inet6Address ? "::1" : "127.0.0.1")
                : bound.getAddress().getHostAddress();
        String hostInUrl = host.contains(":") ? "[" + host + "]" : host;
        return URI.create((tls ? "https" : "http") + "://" + hostInUrl + ":" + bound.getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        WireExchange ex = new WireExchange(exchange, bodies);
        try {
            if (urls.claims(ex)) {
                gate.screenHost(ex);
                urls.serve(ex); // function URLs: browsers, unsigned requests and any path are theirs to answer
                return;
            }
            Optional<BrowserPages> browser = pages.filter(b -> b.claims(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders()));
            if (browser.isPresent()) {
                browser.get().handle(exchange);
                return;
            }
            gate.screen(ex);
            route(ex);
        } catch (AuthException e) {
            ex.error(RequestGate.refusal(e));
        } catch (RuntimeException e) {
            ex.error(WireError.of(e, region));
        } finally {
            ex.release();
            exchange.close();
        }
    }

    private void route(WireExchange ex) throws IOException {
        if (ex.malformed().isPresent()) {
            throw WireError.badRequest("The request URI could not be decoded: " + ex.malformed().get());
        }
        List<String> p = ex.segments();
        String m = ex.method();
        boolean echo = p.size() == 2 && p.get(0).equals("lambdoku") && p.get(1).equals("echo") && m.equals("POST");
        if (p.size() == 3 && p.get(0).equals("lambdoku") && p.get(1).equals("code") && m.equals("GET")) {
            // unsigned, as Lambda's presigned S3 URLs are: the URL carries its own permission
            codeLocations.check(p.get(2), ex.query("Expires"), ex.query("Signature"));
            ex.readBody(BodyLimits.small("GetCode"));
            functions.download(ex, p.get(2));
            return;
        }
        if (echo && gate.loopback() && ex.header("Authorization").isEmpty()) {
            // the floor for bench/invoke.sh: this server's cost of one request, with no function and no
            // signature behind it; unsigned only where nothing but this machine reaches it
            ex.readBody(BodyLimits.small("Echo"));
            ex.bytes(200, "application/json", ex.rawBody(), Map.of());
            return;
        }
        String service = gate.admit(ex);
        if (echo) {
            ex.bytes(200, "application/json", ex.rawBody(), Map.of());
            return;
        }
        switch (service) {
            case "lambda" -> routeLambda(ex, m, p);
            case "logs", "kms" -> jsonTargets.route(ex, service);
            default -> throw new WireError.Raised(new WireError(404, "UnknownOperationException",
                    "lambdoku local serve does not emulate the '" + service + "' API (the service this request was signed"
                            + " for); it serves 'lambda', 'logs' and 'kms'."));
        }
    }

    private void routeLambda(WireExchange ex, String m, List<String> p) throws IOException {
        if (p.size() >= 2 && p.get(0).equals("2015-03-31") && p.get(1).equals("functions")) {
            routeFunctions(ex, m, p);
        } else if (p.size() == 4 && p.get(1).equals("functions") && p.get(3).equals("concurrency")) {
            switch (p.get(0) + " " + m) {
                case "2017-10-31 PUT" -> concurrency.put(ex, p.get(2));
                case "2017-10-31 DELETE" -> concurrency.delete(ex, p.get(2));
                case "2019-09-30 GET" -> concurrency.get(ex, p.get(2));
                default -> throw WireError.unknownOperation(m, ex.path());
            }
        } else if (p.size() == 4 && p.get(0).equals("2021-10-31") && p.get(1).equals("functions")) {
            switch (m + " " + p.get(3)) {
                case "POST url" -> functionUrls.create(ex, p.get(2));
                case "GET url" -> functionUrls.get(ex, p.get(2));
                case "PUT url" -> functionUrls.update(ex, p.get(2));
                case "DELETE url" -> functionUrls.delete(ex, p.get(2));
                case "GET urls" -> functionUrls.list(ex, p.get(2));
                default -> throw WireError.unknownOperation(m, ex.path());
            }
        } else if (p.size() == 4 && p.get(0).equals("2019-09-30") && p.get(1).equals("functions")
                && p.get(3).equals("provisioned-concurrency")) {
            switch (m) {
                case "PUT" -> concurrency.putProvisioned(ex, p.get(2));
                case "GET" -> concurrency.getProvisioned(ex, p.get(2));
                case "DELETE" -> concurrency.deleteProvisioned(ex, p.get(2));
                default -> throw WireError.unknownOperation(m, ex.path());
            }
        } else if (p.size() == 3 && p.get(0).equals("2017-03-31") && p.get(1).equals("tags")) {
            switch (m) {
                case "GET" -> tags.list(ex, p.get(2));
                case "POST" -> tags.tag(ex, p.get(2));
                case "DELETE" -> tags.untag(ex, p.get(2));
                default -> throw WireError.unknownOperation(m, ex.path());
            }
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
        keeper.close();
        invoker.close();
    }
}
