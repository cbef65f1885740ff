package io.lambdoku.local.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the JDK's HTTP server is kept from being starved by slow or half-open clients. It reads a
 * request's line, headers and body on a worker thread, blocking, so a client that sends half a
 * request and stops holds a worker; with the 32 workers this server had, 32 such connections froze it.
 * Two defences: the JDK closes any connection whose request (headers and body) has not fully arrived
 * within {@link #REQUEST_SECONDS}, and the pool grows to {@link #WORKERS} threads, so hundreds of
 * stalled connections leave threads for everyone else in the meantime. Connections that send nothing
 * hold no thread; the JDK closes them after the same time.
 */
final class HttpTuning {

    /** Long enough for a 70 MB CreateFunction at ~1.2 MB/s; a stalled client holds a thread no longer. */
    static final long REQUEST_SECONDS = 60;
    static final int WORKERS = 256;
    static final int MAX_CONNECTIONS = 1000;

    private HttpTuning() {
    }

    /**
     * The JDK 17 server reads these system properties once, when its first instance is made in this JVM,
     * so they are set before that and never over a value the user gave with -D. No maxRspTime: an Invoke
     * may run for 15 minutes before its answer starts, and the Runtime API's /next long-polls.
     */
    static void apply() {
        // Without it the JDK server waits on Nagle's algorithm for small responses (~40 ms each).
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        setIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_SECONDS));
        setIfAbsent("sun.net.httpserver.idleInterval", "30");
        setIfAbsent("jdk.httpserver.maxConnections", String.valueOf(MAX_CONNECTIONS));
        setIfAbsent("sun.net.httpserver.maxReqHeaders", "100");
        setIfAbsent("sun.net.httpserver.maxReqHeaderSize", String.valueOf(64 * 1024));
    }

    /** Threads made as requests need them, up to WORKERS, and retired after a minute idle. */
    static ExecutorService workers() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "lambdoku-serve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
