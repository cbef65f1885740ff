package io.lambdoku.cli.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Live parts of pages over server-sent events. A topic is a signature of what a region shows (e.g. each app's
 * newest release); a page marks the region with {@link #attribute} and the script re-fetches the page and swaps
 * that region in when the topic's stream says "changed". Signatures are read with the fetch time limit, so a
 * slow backend delays an update, never a page. Streams are capped: each holds a server thread.
 */
final class Live {

    private static final int MAX_STREAMS = 32;

    private final Map<String, Supplier<String>> topics = new ConcurrentHashMap<>();
    private final Map<String, Read> reads = new ConcurrentHashMap<>();
    private final Semaphore streams = new Semaphore(MAX_STREAMS);
    private final Fetch fetch;
    private final Duration every;

    Live(Fetch fetch, Duration every) {
        this.fetch = fetch;
        this.every = every;
    }

    void topic(String name, Supplier<String> signature) {
        if (topics.putIfAbsent(name, signature) != null) {
            throw new IllegalArgumentException("live topic registered twice: " + name);
        }
    }

    /** The value of {@code data-live} for a region showing {@code topic}: its stream, from the signature shown now. */
    String attribute(String topic) {
        String since = signature(topic).orElse("");
        return Html.path("live", topic) + "?since=" + java.net.URLEncoder.encode(since, StandardCharsets.UTF_8);
    }

    /**
     * The topic's signature, read at most once per interval however many pages listen: on AWS each read is API
     * calls, and ten open tabs must not make ten times as many.
     */
    Optional<String> signature(String topic) {
        Supplier<String> s = topics.get(topic);
        if (s == null) {
            throw new IllegalArgumentException("no live topic " + topic);
        }
        long now = System.nanoTime();
        Read last = reads.get(topic);
        if (last != null && now - last.at() < every.toNanos()) {
            return Optional.of(last.signature());
        }
        Optional<String> read = fetch.get("Live data", s::get).value();
        read.ifPresent(v -> reads.put(topic, new Read(v, now)));
        return read;
    }

    private record Read(String signature, long at) {
    }

    /** The SSE stream of a topic: "changed" each time its signature differs from the last one sent (or ?since=). */
    Handler stream() {
        return request -> {
            String topic = request.param("topic");
            if (!topics.containsKey(topic)) {
                return Layout.problem(404, "No live topic '" + topic + "'.");
            }
            if (!streams.tryAcquire()) {
                return Layout.problem(503, "Too many live pages are open; close some tabs.");
            }
            return exchange -> {
                try {
                    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    String last = request.query("since").orElse(null);
                    // tells the browser to reconnect after a drop, and the page's spinner that the stream is up
                    write(out, "retry: 2000\nevent: ready\ndata: \n\n");
                    while (!Thread.currentThread().isInterrupted()) {
                        Optional<String> now = signature(topic);
                        if (now.isPresent() && !now.get().equals(last)) {
                            if (last != null) {
                                write(out, "event: changed\ndata: \n\n");
                            }
                            last = now.get();
                        } else {
                            write(out, ": still here\n\n"); // a closed tab shows as a failed write, ending the stream
                        }
                        Thread.sleep(every.toMillis());
                    }
                } catch (IOException | InterruptedException e) {
                    // the browser went away (or the server is stopping): the stream ends
                } finally {
                    streams.release();
                    exchange.close();
                }
            };
        };
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
