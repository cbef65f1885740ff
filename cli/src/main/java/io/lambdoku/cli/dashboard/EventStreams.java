package io.lambdoku.cli.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Server-sent event streams of one kind, capped: each open stream holds a server thread (and, on AWS, polls it), so
 * past the cap a page is told to close tabs instead. A stream says "ready" (the page's spinner stops), then every
 * interval sends what its poll answers, or a comment when nothing is new: a closed tab shows as a failed write,
 * which ends the stream.
 */
final class EventStreams {

    /** The events to send now, as SSE text ("event: x\ndata: y\n\n"), or "" when there is nothing new. */
    @FunctionalInterface
    interface Poll {
        String next();
    }

    private final Semaphore streams;
    private final Duration every;

    EventStreams(int max, Duration every) {
        this.streams = new Semaphore(max);
        this.every = every;
    }

    Reply open(Poll poll) {
        if (!streams.tryAcquire()) {
            return Layout.problem(503, "Too many live pages are open; close some tabs.");
        }
        return exchange -> {
            try {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                // tells the browser to reconnect after a drop, and the page's spinner that the stream is up
                write(out, "retry: 2000\nevent: ready\ndata: \n\n");
                while (!Thread.currentThread().isInterrupted()) {
                    String text = poll.next();
                    write(out, text.isEmpty() ? ": still here\n\n" : text);
                    Thread.sleep(every.toMillis());
                }
            } catch (IOException | InterruptedException e) {
                // the browser went away (or the server is stopping): the stream ends
            } finally {
                streams.release();
                exchange.close();
            }
        };
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
