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

    /** What to start: the command, its folder and environment, and the function's timeout. */
    record Spec(List<String> command, java.nio.file.Path taskRoot, Map<String, String> env, int timeoutSeconds,
                boolean marksEnds, String logStream) {
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
    private boolean invokedOnce;

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
        // Handlers run on the server's own thread: a runtime client makes one request at a time, and
        // each hand-off to a pool thread would add a thread wake-up to every invocation.
        server.setExecutor(Runnable::run);
        server.createContext(BASE + "/", this::handle);
        server.start();
    }

    static Environment start(Spec spec) {
        try {
            Environment env = new Environment(spec);
            env.launch();
            return env;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an execution environment: " + e.getMessage(), e);
        }
    }

    private void launch() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(spec.command()).directory(spec.taskRoot().toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(spec.env());
        pb.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getAddress().getPort());
        try {
            process = pb.start();
        } catch (IOException e) {
            close();
            throw e;
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
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", String.valueOf(process.pid()), "status"))) {
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

    String logStream() {
        return spec.logStream();
    }

    long lastUsedMillis() {
        return lastUsedMillis;
    }

    boolean usable() {
        return !dead && process.isAlive();
    }

    /** Runs one invocation to its end; called by one thread at a time. */
    Outcome invoke(String requestId, byte[] payload, String arn) {
        boolean cold = !invokedOnce;
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
            if (cold) {
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
        if (cold && ready.isDone()) {
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
            String path = ex.getRequestURI().getPath().substring(BASE.length());
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
