package io.lambdoku.cli.dashboard;

import io.lambdoku.core.invoke.FunctionTelemetry;
import io.lambdoku.core.invoke.LogEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * An app's log, live: the page shows the newest lines (readable without script) and the script appends each new line
 * from a server-sent event stream, as text, never as markup. The stream reads what 'lambdoku logs --tail' reads (the
 * local store, or CloudWatch Logs), from just after the newest line the page showed.
 */
final class LogTail {

    static final int SHOWN = 50;
    private static final int MAX_STREAMS = 16;
    private static final Duration SINCE = Duration.ofHours(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final FunctionTelemetry telemetry;
    private final Fetch fetch;
    private final EventStreams streams;

    LogTail(FunctionTelemetry telemetry, Fetch fetch, Duration every) {
        this.telemetry = telemetry;
        this.fetch = fetch;
        this.streams = new EventStreams(MAX_STREAMS, every);
    }

    /** The newest lines of the last hour, as the page first shows them. */
    Callable<List<LogEvent>> read(String app, Instant now) {
        return () -> telemetry.logs(app, now.minus(SINCE).toEpochMilli(), Optional.empty(), SHOWN);
    }

    /** The newest lines ({@link #read}), and the list the script appends to. */
    void render(Html h, String app, Fetch.Fetched<List<LogEvent>> events, Instant now) {
        long from = events.value().filter(l -> !l.isEmpty()).map(l -> l.get(l.size() - 1).at() + 1)
                .orElse(now.toEpochMilli() - 1000);
        events.problem().ifPresent(p -> h.element("p", p, "class", "problem", "role", "status"));
        h.open("ol", "class", "log", "id", "log", "role", "log", "aria-label", "Log of " + app,
                "data-log-tail", Html.path("apps", app, "logs") + "?from=" + from);
        events.value().orElse(List.of()).forEach(e -> line(h, e));
        h.close();
        h.element("p", "New lines appear as they are written (with JavaScript); the newest " + SHOWN
                + " of the last hour are shown above. 'lambdoku logs -a " + app + " --tail' follows them in a terminal.", "class", "muted");
    }

    private static void line(Html h, LogEvent e) {
        h.open("li").element("time", TIME.format(Instant.ofEpochMilli(e.at())), "datetime", Instant.ofEpochMilli(e.at()).toString())
                .text(" " + e.message().stripTrailing()).close();
    }

    /** "19:20:01.123 message", as the page shows a line. */
    private static String text(LogEvent e) {
        return TIME.format(Instant.ofEpochMilli(e.at())) + " " + e.message().stripTrailing();
    }

    /** GET /apps/{app}/logs?from=MS: one "line" event per new log line, until the browser goes away. */
    Handler stream() {
        return request -> {
            String app = request.param("app");
            long[] next = {request.query("from").filter(v -> v.matches("[0-9]{1,15}")).map(Long::parseLong)
                    .orElse(System.currentTimeMillis())};
            return streams.open(() -> {
                long since = next[0];
                List<LogEvent> events = fetch.get("The log", () -> telemetry.logs(app, since, Optional.empty(), 1000))
                        .value().orElse(List.of());
                StringBuilder b = new StringBuilder();
                for (LogEvent e : events) {
                    next[0] = Math.max(next[0], e.at() + 1);
                    // the id is where a reopened stream starts: the script resumes there after a drop
                    b.append("event: line\nid: ").append(next[0]).append('\n');
                    // a message of several lines is several data lines, which the browser joins with \n
                    text(e).lines().forEach(l -> b.append("data: ").append(l).append('\n'));
                    b.append('\n');
                }
                return b.toString();
            });
        };
    }
}
