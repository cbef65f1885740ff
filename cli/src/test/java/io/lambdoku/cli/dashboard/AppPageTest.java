package io.lambdoku.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.invoke.MinuteMetrics;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.WeightedVersion;
import io.lambdoku.core.release.Release;
import io.lambdoku.core.secret.Fingerprints;
import io.lambdoku.core.secret.SealedSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The app page's parts rendered alone: what they show, and what they never show. */
class AppPageTest {

    private static final Instant NOW = Instant.parse("2026-11-23T19:30:20Z");
    private static final String SCRIPT = "<script>alert(1)</script>";

    @Test
    void configShowsKeysEscapedAndNoValueAnywhereNotEvenInAttributes() {
        Map<String, String> env = Map.of(
                "GREETING", SCRIPT,
                "<b>KEY</b>", "plain-value-123",
                "TOKEN", "AQICAHh-ciphertext-of-the-token",
                SealedSet.VAR, SealedSet.EMPTY.with("TOKEN", "1a2b3c4d").format());
        Html h = new Html();

        ConfigKeys.render(h, "hello", env, new Fingerprints(new byte[32]).forApp("hello"));

        String html = h.render();
        assertThat(html).doesNotContain("alert").doesNotContain("plain-value-123").doesNotContain("ciphertext")
                .doesNotContain(SealedSet.VAR);
        assertThat(html).contains("&lt;b&gt;KEY&lt;/b&gt;").doesNotContain("<b>");
        assertThat(html).contains("sealed · fingerprint <code>1a2b3c4d</code>");
        assertThat(html).contains("GREETING");
    }

    @Test
    void aThousandReleasesArePagedNewestFirstWithTheAliasesOnThem() {
        List<Release> releases = new ArrayList<>();
        for (int v = 1000; v >= 1; v--) {
            releases.add(release(v, v == 7 ? SCRIPT : "Set X" + v));
        }
        List<Alias> aliases = List.of(new Alias("arn", "live", "1000", Optional.of(new WeightedVersion("999", 0.1)), "", "r"),
                new Alias("arn", "old", "7", Optional.empty(), "", "r"));

        Html first = new Html();
        long start = System.nanoTime();
        ReleaseTable.render(first, "hello", releases, aliases, 1, NOW);
        String page1 = first.render();
        long took = (System.nanoTime() - start) / 1_000_000;
        Html last = new Html();
        ReleaseTable.render(last, "hello", releases, aliases, 20, NOW);

        assertThat(rows(page1)).hasSize(ReleaseTable.PAGE).startsWith("1000", "999");
        assertThat(page1).contains("live 90%").contains("live 10%").contains("Page 1 of 20 (1000 releases)")
                .contains("href=\"/apps/hello/rollback/999\"").doesNotContain("/rollback/1000\"");
        assertThat(rows(last.render())).hasSize(50).endsWith("1");
        assertThat(last.render()).contains("old").contains("&lt;script&gt;").doesNotContain(SCRIPT);
        System.out.println("1,000 releases: page 1 rendered in " + took + " ms");
    }

    private static List<String> rows(String html) {
        Matcher m = Pattern.compile("<tr data-version=\"(\\d+)\"").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Release release(int v, String message) {
        return new Release("hello", v, message, "2026-11-23T18:00:00Z", "sha" + (v % 3),
                10, new FunctionSettings("python3.12", "app.handler", "role", 128, 3, Map.of(), List.of()));
    }

    @Test
    void minutesOfSeveralVersionsAddUpCallsAndKeepTheSlowestP99() {
        long minute = NOW.toEpochMilli() / 60_000 * 60_000;
        List<DurationChart.Minute> merged = DurationChart.perMinute(List.of(
                new MinuteMetrics(minute, "1", 3, 1, 0, 10, 10, 40),
                new MinuteMetrics(minute, "2", 1, 0, 0, 30, 30, 90),
                new MinuteMetrics(minute - 60_000, "1", 2, 0, 0, 5, 5, 5)));

        assertThat(merged).containsExactly(new DurationChart.Minute(minute - 60_000, 2, 0, 5, 5),
                new DurationChart.Minute(minute, 4, 1, 15, 90));
    }

    @Test
    void theChartDrawsBarsAndLinesAndSaysTheNumbersInWords() {
        long minute = NOW.toEpochMilli() / 60_000 * 60_000;
        Html h = new Html();

        DurationChart.render(h, List.of(new MinuteMetrics(minute, "1", 4, 1, 0, 12, 10, 1500),
                new MinuteMetrics(minute - 30 * 60_000, "1", 2, 0, 0, 5, 5, 8)), NOW);

        String svg = h.render();
        assertThat(svg).contains("aria-label=\"6 invocations, 1 errors in the last hour; slowest p99 1.5 s.\"");
        assertThat(Pattern.compile("<rect class=\"inv\"").matcher(svg).results().count()).isEqualTo(2);
        assertThat(Pattern.compile("<rect class=\"err\"").matcher(svg).results().count()).isEqualTo(1);
        assertThat(svg).contains("<polyline class=\"p99\"").contains("<polyline class=\"p50\"").contains("<summary>Per minute</summary>");
    }

    @Test
    void noInvocationsIsASentenceNotAnEmptyChart() {
        Html h = new Html();
        DurationChart.render(h, List.of(), NOW);
        assertThat(h.render()).contains("No invocations in the last hour.").doesNotContain("<svg");
    }
}
