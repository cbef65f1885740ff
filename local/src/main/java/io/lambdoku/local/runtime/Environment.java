package io.lambdoku.local.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One execution environment: an OS process running a runtime client against its own Runtime API
 * server on loopback, serving one invocation at a time and kept warm between them. A timeout kills
 * it; a crash or an init failure ends it; either way the invocation gets Lambda's error, never a hang.
 */
final class Environment implements AutoCloseable {

    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;
    static final String END_MARK = "\u001e\u001elambdoku-end ";
    private static final String BASE = "/2018-06-01/runtime";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** What to start (the process, in its sandbox or not) and the function's timeout. */
    record Spec(Sandbox.Launch launch, int timeoutSeconds, boolean marksEnds, String logStream) {
    }

    private static final class Pending {
        final String requestId;
        final byte[] payload;
        final String arn;
        volatile long deadlineMs;
        final CompletableFuture<byte[]> response = new CompletableFuture<>();
        final LogTail log = new LogTail();
        final CountDownLatch logEnded = new CountDownLatch(1);
        volatile Optional<String> error = Optional.empty();

        Pending(String requestId, byte[] payload, String arn) {
            this.requestId = requestId;
            this.payload = payload;
            this.arn = arn;
        }
    }

    private final Spec spec;
    /**
     * The Runtime API answers under this secret path only, handed to the runtime in
     * AWS_LAMBDA_RUNTIME_API ({@code 127.0.0.1:PORT/SECRET}): the port is on the machine's loopback,
     * which every local process (and every function) shares, and one that asked for /invocation/next
     * would take the next invocation away from the runtime.
     */
    private final String secret = secret();
    private final HttpServer server;
    private final ExecutorService threads;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Put in the queue on close, so a runtime waiting on /next lets go of the server's thread. */
    private static final Pending CLOSED = new Pending("", new byte[0], "");
    private final LogTail initLog = new LogTail();
    private final long startedNanos = System.nanoTime();
    private final CompletableFuture<Double> ready = new CompletableFuture<>();
    private volatile Pending current;
    private volatile byte[] initError;
    private volatile boolean dead;
    private volatile long lastUsedMillis = System.currentTimeMillis();
    private Process process;
    private long runtimePid;
    private boolean invokedOnce;
    /** Initialised ahead of any invocation (provisioned concurrency): its first invocation has no init phase. */
    private volatile boolean initialisedAhead;

    private Environment(Spec spec) throws IOException {
        // Without it the JDK server waits on Nagle's algorithm for small responses (~40 ms each).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.spec = spec;
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lambdoku-env");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        // Not the server's own thread: it reads each request to its end, so any local process that
        // connected and sent half a request would stall it, and /next blocks until an invocation comes.
        server.setExecutor(threads);
        server.createContext(base() + "/", this::handle);
        server.start();
    }

    /**
     * Starts the process from {@code launcher}, one long-lived thread: bwrap's --die-with-parent
     * (PR_SET_PDEATHSIG) fires when the thread that started it ends, not the JVM, so a pool thread
     * retiring would take warm environments with it.
     */
    static Environment start(Spec spec, ExecutorService launcher) {
        try {
            Environment env = new Environment(spec);
            env.launch(launcher);
            return env;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an execution environment: " + e.getMessage(), e);
        }
    }

    private void launch(ExecutorService launcher) throws IOException {
        Sandbox.Launch l = spec.launch();
        ProcessBuilder pb = new ProcessBuilder(l.command()).directory(l.directory().toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(l.env());
        pb.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi());
        try {
            process = launcher.submit(pb::start).get();
        } catch (java.util.concurrent.ExecutionException e) {
            close();
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted while starting", e);
        }
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(l.stdin()); // bwrap's options (--args 0); the runtime then sees an empty stdin
        } catch (IOException e) {
            // it exited before reading them; exited() reports what it printed
        }
        threads.execute(this::readLog);
        process.onExit().thenRun(this::exited);
    }

    /**
     * Peak resident memory of the environment's process so far, in MB (Linux's VmHWM), for REPORT's
     * "Max Memory Used"; 0 where /proc cannot tell.
     */
    int maxMemoryUsedMb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", String.valueOf(runtimePid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (int) Math.max(1, Math.round(kb / 1024.0));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone or this is not Linux
        }
        return 0;
    }

    /**
     * The runtime's own process: in a sandbox, the child of bwrap's init, the oldest (processes the
     * function starts are reparented to that init too); without one, the process started.
     */
    private long runtimePid() {
        if (runtimePid == 0) {
            runtimePid = !spec.launch().sandboxed() ? process.pid()
                    : process.children().flatMap(ProcessHandle::children).mapToLong(ProcessHandle::pid).min().orElse(0);
        }
        return runtimePid;
    }

    String logStream() {
        return spec.logStream();
    }

    long lastUsedMillis() {
        return lastUsedMillis;
    }

    boolean usable() {
        return !dead && process.isAlive();
    }

    /**
     * Waits until the runtime finished its init (asked for its first invocation), as Lambda initialises a provisioned
     * environment before it counts it; empty when it did, else why not (the init's error, the runtime's exit, the time).
     */
    Optional<String> awaitInit(long timeoutMs) {
        try {
            CompletableFuture.anyOf(ready, process.onExit()).get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            close();
            return Optional.of(String.format(Locale.ROOT, "The init phase did not finish within %.0f seconds.", timeoutMs / 1000.0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            return Optional.of("Interrupted while initialising.");
        } catch (java.util.concurrent.ExecutionException e) {
            close();
            return Optional.of(String.valueOf(e.getCause()));
        }
        byte[] failed = initError;
        if (failed != null || dead || !process.isAlive()) {
            close();
            return Optional.of(failed != null ? "The function's init failed: " + describe(failed)
                    : "The runtime exited during its init phase." + initLog.lines().stream().reduce((a, b) -> b)
                            .map(last -> " Its last line: " + last).orElse(""));
        }
        initialisedAhead = true;
        return Optional.empty();
    }

    /** A runtime's error body as one line: {@code errorType: errorMessage}. */
    private static String describe(byte[] error) {
        try {
            Map<String, Object> m = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(error);
            return m.getOrDefault("errorType", "Runtime.Unknown") + ": " + m.getOrDefault("errorMessage", "");
        } catch (IOException | RuntimeException e) {
            return new String(error, StandardCharsets.UTF_8);
        }
    }

    /** Runs one invocation to its end; called by one thread at a time. */
    Outcome invoke(String requestId, byte[] payload, String arn) {
        boolean cold = !invokedOnce;
        boolean initPhase = cold && !initialisedAhead;
        invokedOnce = true;
        long timeoutMs = spec.timeoutSeconds() * 1000L;
        Pending p = new Pending(requestId, payload, arn);
        current = p;
        if (cold) {
            p.log.addAll(initLog);
        }
        queue.add(p);
        long begun = System.nanoTime();
        byte[] answer;
        boolean lost = false;
        double initMs = 0;
        try {
            if (initPhase) {
                // Lambda's init phase has its own 10 s budget; the function's timeout starts after it
                CompletableFuture.anyOf(ready, p.response).get(10, TimeUnit.SECONDS);
                begun = System.nanoTime();
            }
            answer = p.response.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            kill();
            lost = true;
            p.error = Optional.of("Unhandled");
            String msg = String.format(Locale.ROOT, "%s %s Task timed out after %.2f seconds",
                    java.time.Instant.now().toString(), requestId, (double) spec.timeoutSeconds());
            p.log.add(msg);
            answer = ("{\"errorMessage\":\"" + msg + "\",\"errorType\":\"Sandbox.Timedout\"}").getBytes(StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("interrupted while invoking", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (initPhase && ready.isDone()) {
            initMs = ready.getNow(0.0);
        }
        if (initError != null || dead) {
            lost = true;
        }
        if (spec.marksEnds() && !lost) {
            try {
                p.logEnded.await(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double durationMs = (System.nanoTime() - begun) / 1e6;
        current = null;
        lastUsedMillis = System.currentTimeMillis();
        List<String> log = p.log.lines();
        return new Outcome(answer, p.error, lost, log, initMs, Math.max(0, durationMs), maxMemoryUsedMb());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath().substring(base().length());
            byte[] body = ex.getRequestBody().readAllBytes();
            if (ex.getRequestMethod().equals("GET") && path.equals("/invocation/next")) {
                next(ex);
            } else if (ex.getRequestMethod().equals("POST") && path.equals("/init/error")) {
                initError = error(body, ex.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"));
                Pending p = current;
                if (p != null) {
                    p.error = Optional.of("Unhandled");
                    p.response.complete(initError);
                }
                reply(ex, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
            } else if (ex.getRequestMethod().equals("POST") && path.startsWith("/invocation/")) {
                String[] parts = path.split("/");
                Pending p = current;
                if (parts.length != 4 || p == null || !p.requestId.equals(parts[2])) {
                    reply(ex, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}"
                            .getBytes(StandardCharsets.UTF_8));
                    return;
                }
                if (parts[3].equals("response")) {
                    if (body.length > MAX_RESPONSE_BYTES) {
                        p.error = Optional.of("Unhandled");
                        p.response.complete(("{\"errorMessage\":\"Response payload size exceeded maximum allowed payload size ("
                                + MAX_RESPONSE_BYTES + " bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}")
                                .getBytes(StandardCharsets.UTF_8));
                        reply(ex, 413, "{\"errorMessage\":\"payload too large\",\"errorType\":\"RequestEntityTooLarge\"}"
                                .getBytes(StandardCharsets.UTF_8));
                        return;
                    }
                    p.response.complete(body);
                } else {
                    p.error = Optional.of("Unhandled");
                    p.response.complete(error(body, ex.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type")));
                }
                reply(ex, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
            } else {
                reply(ex, 404, "{\"errorMessage\":\"no such route\",\"errorType\":\"NotFound\"}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void next(HttpExchange ex) throws IOException {
        if (!ready.isDone()) {
            ready.complete((System.nanoTime() - startedNanos) / 1e6);
        }
        Pending p;
        try {
            p = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (p == CLOSED) {
            reply(ex, 410, "{\"errorMessage\":\"environment stopped\",\"errorType\":\"EnvironmentStopped\"}"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        p.deadlineMs = System.currentTimeMillis() + spec.timeoutSeconds() * 1000L;
        ex.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", p.requestId);
        ex.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", String.valueOf(p.deadlineMs));
        ex.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", p.arn);
        ex.getResponseHeaders().set("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000)
                + "-" + p.requestId.replace("-", "").substring(0, 24) + ";Sampled=0");
        ex.getResponseHeaders().set("Content-Type", "application/json");
        reply(ex, 200, p.payload);
    }

    /**
     * {@code host:port/secret}: clients that build URLs as Lambda's documentation does,
     * {@code http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/...} (curl in a shell bootstrap,
     * aws-lambda-go, the C++ runtime), reach it unchanged.
     */
    String runtimeApi() {
        return "127.0.0.1:" + server.getAddress().getPort() + "/" + secret;
    }

    private String base() {
        return "/" + secret + BASE;
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A runtime's error body as Lambda returns it: errorType from the header when the body has none. */
    private static byte[] error(byte[] body, String type) {
        if (body.length > 0) {
            return body;
        }
        return ("{\"errorMessage\":\"The runtime reported an error\",\"errorType\":\"" + (type == null ? "Runtime.Unknown" : type)
                + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private void readLog() {
        try (LogLineReader in = new LogLineReader(process.getInputStream())) {
            for (String line; (line = in.readLine()) != null; ) {
                Pending p = current;
                if (line.startsWith(END_MARK)) {
                    if (p != null && line.substring(END_MARK.length()).equals(p.requestId)) {
                        p.logEnded.countDown();
                    }
                    continue;
                }
                (p == null ? initLog : p.log).add(line);
            }
        } catch (IOException e) {
            // the process is gone; exited() reports it
        }
    }

    private void exited() {
        dead = true;
        Pending p = current;
        if (p != null && !p.response.isDone()) {
            p.error = Optional.of("Unhandled");
            String message = "RequestId: " + p.requestId + " Error: Runtime exited with error: exit status " + process.exitValue();
            p.log.add(message);
            p.response.complete(initError != null ? initError
                    : ("{\"errorMessage\":\"" + message + "\",\"errorType\":\"Runtime.ExitError\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void kill() {
        dead = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        dead = true;
        if (process != null) {
            kill();
        }
        queue.add(CLOSED);
        server.stop(0);
        threads.shutdownNow();
    }
}
