package io.lambdoku.cli.dashboard;

import io.lambdoku.core.invoke.MinuteMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Invocations, errors and p50/p99 duration per minute over the last hour, drawn here as SVG (no chart library, no
 * script), from what 'lambdoku metrics' reads. Bars above: invocations, errors in front of them; lines below: p50 and
 * p99. The same numbers follow as a table for screen readers and anyone who wants them exact.
 */
final class DurationChart {

    static final Duration WINDOW = Duration.ofHours(1);
    private static final int MINUTES = 60;
    private static final int SLOT = 10;
    private static final int LEFT = 44;
    private static final int WIDTH = LEFT + MINUTES * SLOT + 8;
    private static final int BARS_TOP = 8;
    private static final int BARS_HEIGHT = 90;
    private static final int LINES_TOP = 128;
    private static final int LINES_HEIGHT = 90;
    private static final int HEIGHT = LINES_TOP + LINES_HEIGHT + 22;

    private DurationChart() {
    }

    /** One minute of an app, over all its versions. */
    record Minute(long minute, long invocations, long errors, double p50Ms, double p99Ms) {
    }

    /**
     * Per-version rows merged per minute. Percentiles of versions cannot be merged exactly: p50 is the
     * invocation-weighted mean of the versions' p50s, p99 the highest p99 (the slow version is the one to see).
     */
    static List<Minute> perMinute(List<MinuteMetrics> rows) {
        Map<Long, List<MinuteMetrics>> byMinute = new TreeMap<>();
        rows.forEach(r -> byMinute.computeIfAbsent(r.minute(), k -> new java.util.ArrayList<>()).add(r));
        return byMinute.entrySet().stream().map(e -> {
            long n = e.getValue().stream().mapToLong(MinuteMetrics::invocations).sum();
            long errors = e.getValue().stream().mapToLong(MinuteMetrics::errors).sum();
            double p50 = n == 0 ? 0 : e.getValue().stream().mapToDouble(m -> m.p50Ms() * m.invocations()).sum() / n;
            double p99 = e.getValue().stream().mapToDouble(MinuteMetrics::p99Ms).max().orElse(0);
            return new Minute(e.getKey(), n, errors, p50, p99);
        }).toList();
    }

    static void render(Html h, List<MinuteMetrics> rows, Instant now) {
        List<Minute> minutes = perMinute(rows);
        long invocations = minutes.stream().mapToLong(Minute::invocations).sum();
        if (invocations == 0) {
            h.element("p", "No invocations in the last hour.", "class", "muted", "id", "chart");
            return;
        }
        long errors = minutes.stream().mapToLong(Minute::errors).sum();
        double p99 = minutes.stream().mapToDouble(Minute::p99Ms).max().orElse(0);
        long start = now.minus(WINDOW).toEpochMilli() / 60_000 * 60_000;
        long maxCount = Math.max(1, minutes.stream().mapToLong(Minute::invocations).max().orElse(1));
        double maxMs = Math.max(1, p99);
        String summary = invocations + " invocations, " + errors + " errors in the last hour; slowest p99 " + ms(p99) + ".";
        h.open("figure", "class", "chart", "id", "chart");
        h.open("svg", "class", "chart", "viewbox", "0 0 " + WIDTH + " " + HEIGHT, "role", "img", "aria-label", summary);
        axis(h, BARS_TOP, BARS_HEIGHT, maxCount + " calls");
        axis(h, LINES_TOP, LINES_HEIGHT, ms(maxMs));
        StringBuilder p50Line = new StringBuilder();
        StringBuilder p99Line = new StringBuilder();
        for (Minute m : minutes) {
            int slot = (int) ((m.minute() - start) / 60_000);
            if (slot < 0 || slot > MINUTES) {
                continue;
            }
            int x = LEFT + Math.min(slot, MINUTES - 1) * SLOT;
            rect(h, "inv", x, BARS_TOP + BARS_HEIGHT, scale(m.invocations(), maxCount, BARS_HEIGHT));
            if (m.errors() > 0) {
                rect(h, "err", x, BARS_TOP + BARS_HEIGHT, scale(m.errors(), maxCount, BARS_HEIGHT));
            }
            if (m.invocations() > 0) {
                int cx = x + SLOT / 2;
                p50Line.append(cx).append(',').append(LINES_TOP + LINES_HEIGHT - scale(m.p50Ms(), maxMs, LINES_HEIGHT)).append(' ');
                p99Line.append(cx).append(',').append(LINES_TOP + LINES_HEIGHT - scale(m.p99Ms(), maxMs, LINES_HEIGHT)).append(' ');
            }
        }
        h.open("polyline", "class", "p99", "points", p99Line.toString().strip()).close();
        h.open("polyline", "class", "p50", "points", p50Line.toString().strip()).close();
        label(h, LEFT, HEIGHT - 4, "60 min ago", "start");
        label(h, WIDTH - 8, HEIGHT - 4, "now", "end");
        h.close();
        h.open("figcaption").element("span", "■ invocations", "class", "key inv").text(" ")
                .element("span", "■ errors", "class", "key err").text(" ")
                .element("span", "— p50", "class", "key p50").text(" ")
                .element("span", "— p99", "class", "key p99").text(" · " + summary).close();
        h.close();
        table(h, minutes);
    }

    private static void table(Html h, List<Minute> minutes) {
        h.open("details").element("summary", "Per minute");
        h.open("div", "class", "scroll").open("table", "class", "minutes").open("thead").open("tr");
        for (String c : List.of("Minute (UTC)", "Invocations", "Errors", "p50", "p99")) {
            h.element("th", c, "scope", "col");
        }
        h.close().close().open("tbody");
        for (Minute m : minutes) {
            h.open("tr").element("td", Instant.ofEpochMilli(m.minute()).toString().substring(11, 16))
                    .element("td", Long.toString(m.invocations())).element("td", Long.toString(m.errors()))
                    .element("td", ms(m.p50Ms())).element("td", ms(m.p99Ms())).close();
        }
        h.close().close().close().close();
    }

    private static void axis(Html h, int top, int height, String max) {
        h.open("line", "class", "axis", "x1", Integer.toString(LEFT), "x2", Integer.toString(WIDTH - 8),
                "y1", Integer.toString(top + height), "y2", Integer.toString(top + height)).close();
        label(h, LEFT - 4, top + 8, max, "end");
    }

    private static void rect(Html h, String cls, int x, int bottom, int height) {
        h.open("rect", "class", cls, "x", Integer.toString(x + 1), "y", Integer.toString(bottom - height),
                "width", Integer.toString(SLOT - 2), "height", Integer.toString(height)).close();
    }

    private static void label(Html h, int x, int y, String text, String anchor) {
        h.element("text", text, "x", Integer.toString(x), "y", Integer.toString(y), "text-anchor", anchor);
    }

    /** At least a pixel for any non-zero value, so one call among a thousand still shows. */
    private static int scale(double value, double max, int height) {
        return value <= 0 ? 0 : Math.max(1, (int) Math.round(value / max * height));
    }

    static String ms(double ms) {
        return ms >= 1000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }
}
