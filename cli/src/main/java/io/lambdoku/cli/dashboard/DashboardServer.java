package io.lambdoku.cli.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lambdoku.cli.Session;
import io.lambdoku.local.server.BrowserPages;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dashboard over HTTP: checks access (see {@link Access}), finds the route, refuses a POST without the
 * session's CSRF token, and answers. Runs on a JDK HttpServer of its own ({@link #start}) or inside
 * 'local serve' ({@link #claims} and {@link #handle}).
 */
public final class DashboardServer implements BrowserPages, AutoCloseable {

    /** Form bodies are a few fields; anything bigger is no form of ours. */
    private static final int MAX_FORM = 64 * 1024;
    private static final String SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private final Routes routes;
    private final Access access;
    private final Fetch fetch;
    private final Set<String> topSegments;
    private HttpServer http;

    private DashboardServer(Session session, int port, Duration fetchLimit, Duration liveEvery) {
        // opens the backend and the lock guard once, here: the session makes them lazily and is not thread-safe
        session.api();
        session.guard();
        this.fetch = new Fetch(fetchLimit);
        Live live = new Live(fetch, liveEvery);
        this.routes = new Routes(live);
        this.access = Access.forPort(port);
        Dashboard dashboard = new Dashboard(session, fetch, Clock.systemUTC(), live);
        for (Page page : Pages.all()) {
            page.register(routes, dashboard);
        }
        routes.get("/live/{topic}", live.stream());
        this.topSegments = routes.topSegments();
    }

    /** For a server already bound to loopback {@code port} (local serve's). */
    public static DashboardServer forPort(Session session, int port) {
        return new DashboardServer(session, port, Duration.ofSeconds(3), Duration.ofSeconds(2));
    }

    /** Binds 127.0.0.1:{@code port} (0 picks a free one) and serves. */
    public static DashboardServer start(Session session, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        DashboardServer server = forPort(session, http.getAddress().getPort());
        server.http = http;
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lambdoku-dashboard-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(workers);
        http.createContext("/", ex -> {
            try {
                server.handle(ex);
            } finally {
                ex.close();
            }
        });
        http.start();
        return server;
    }

    /** The URL to open: it carries the access token, which the first visit trades for a cookie. */
    public URI url(int port) {
        return URI.create("http://127.0.0.1:" + port + "/?token=" + access.token());
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /**
     * Whether a request to 'local serve' is the dashboard's: a browser's (no SigV4 Authorization, no
     * X-Amz-Target) for a path under one of the dashboard's first segments. {@code POST /} stays the JSON
     * APIs' (CloudWatch Logs, KMS), and no AWS path starts with a segment of the dashboard's.
     */
    @Override
    public boolean claims(String method, String rawPath, com.sun.net.httpserver.Headers headers) {
        if (headers.containsKey("Authorization") || headers.containsKey("X-Amz-Target")) {
            return false;
        }
        if (rawPath.equals("/")) {
            return method.equals("GET") || method.equals("HEAD");
        }
        String rest = rawPath.substring(1);
        int slash = rest.indexOf('/');
        return topSegments.contains(slash < 0 ? rest : rest.substring(0, slash));
    }

    /** Answers one request; the caller closes the exchange. */
    @Override
    public void handle(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Security-Policy", SECURITY_POLICY);
        ex.getResponseHeaders().set("X-Frame-Options", "DENY");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        // the first URL holds the token: no page may send it on as a Referer
        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        try {
            answer(ex).send(ex);
        } catch (RuntimeException e) {
            Layout.problem(500, "The dashboard failed: " + e.getMessage()).send(ex);
        }
    }

    private Reply answer(HttpExchange ex) throws IOException {
        if (!access.hostAllowed(Optional.ofNullable(ex.getRequestHeaders().getFirst("Host")))) {
            return Layout.problem(403, "The dashboard answers requests for 127.0.0.1, localhost and [::1] only"
                    + " (a guard against DNS rebinding); open the URL it printed.");
        }
        String method = ex.getRequestMethod();
        String rawPath = ex.getRequestURI().getRawPath();
        Map<String, String> query = Request.fields(ex.getRequestURI().getRawQuery());
        Optional<String> session = access.session(ex.getRequestHeaders());
        if (query.containsKey("token") && (method.equals("GET") || method.equals("HEAD"))) {
            if (!access.tokenMatches(query.get("token"))) {
                return noAccess();
            }
            // trade the token for a session cookie and drop it from the address bar
            ex.getResponseHeaders().add("Set-Cookie", access.newSessionCookie());
            return Reply.seeOther(withoutToken(rawPath, ex.getRequestURI().getRawQuery()));
        }
        if (session.isEmpty()) {
            return noAccess();
        }
        Optional<Routes.Matched> matched = routes.find(method, rawPath);
        if (matched.isEmpty()) {
            return routes.knows(rawPath) ? Layout.problem(405, method + " is not served at this address.")
                    : Layout.problem(404, "Nothing here; start from the overview.");
        }
        Map<String, String> form = Map.of();
        if (method.equals("POST")) {
            form = readForm(ex);
            if (!access.csrfMatches(session.get(), Optional.ofNullable(form.get("csrf")))) {
                return Layout.problem(403, "This change came without the form's token (CSRF); reload the page and try again.");
            }
        }
        Request request = new Request(method, rawPath, matched.get().params(), query, form, access.csrf(session.get()));
        return matched.get().route().handler().handle(request);
    }

    private Reply noAccess() {
        return Layout.problem(403, "The dashboard needs its access token: open the URL that 'lambdoku dashboard'"
                + " (or 'lambdoku local serve') printed at start, http://127.0.0.1:PORT/?token=….");
    }

    private static Map<String, String> readForm(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_FORM + 1);
            if (body.length > MAX_FORM) {
                return Map.of();
            }
            return Request.fields(new String(body, StandardCharsets.UTF_8));
        }
    }

    private static String withoutToken(String rawPath, String rawQuery) {
        StringBuilder q = new StringBuilder();
        for (String pair : rawQuery.split("&")) {
            if (!pair.startsWith("token=") && !pair.equals("token") && !pair.isEmpty()) {
                q.append(q.length() == 0 ? "?" : "&").append(pair);
            }
        }
        return rawPath + q;
    }

    @Override
    public void close() {
        if (http != null) {
            http.stop(0);
        }
        fetch.close();
    }
}
