package io.lambdoku.cli.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Fetch fetch;
    private final Duration every;
    private final EventStreams streams;

    Live(Fetch fetch, Duration every) {
        this.fetch = fetch;
        this.every = every;
        this.streams = new EventStreams(MAX_STREAMS, every);
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
            String[] last = {request.query("since").orElse(null)};
            return streams.open(() -> {
                Optional<String> now = signature(topic);
                if (now.isEmpty() || now.get().equals(last[0])) {
                    return "";
                }
                boolean first = last[0] == null;
                last[0] = now.get();
                return first ? "" : "event: changed\ndata: \n\n";
            });
        };
    }
}
