package io.lambdoku.cli.dashboard;

import io.lambdoku.cli.Session;
import io.lambdoku.core.invoke.LogEvent;
import io.lambdoku.core.invoke.MinuteMetrics;
import io.lambdoku.core.secret.Fingerprints;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One app: its aliases with their traffic split, releases (with Rollback), config keys (values masked), a chart of the
 * last hour, and the live log. Each part is read under the fetch time limit, so a slow backend shows in its place.
 */
final class AppPage implements Page {

    private Dashboard dashboard;
    private LogTail tail;

    @Override
    public void register(Routes routes, Dashboard dashboard) {
        this.dashboard = dashboard;
        this.tail = new LogTail(dashboard.session().telemetry(), dashboard.fetch(), Duration.ofSeconds(1));
        routes.get("/apps/{app}", this::show);
        routes.get("/apps/{app}/logs", tail.stream());
    }

    private Reply show(Request r) {
        String app = r.param("app");
        int page = r.query("page").filter(p -> p.matches("[1-9][0-9]{0,5}")).map(Integer::parseInt).orElse(1);
        Session session = dashboard.session();
        Instant now = dashboard.clock().instant();
        Fetch fetch = dashboard.fetch();
        // every part is read at once: a slow backend costs the page one time limit, not one per part
        Supplier<Fetch.Fetched<AppView>> view = fetch.start("The app", () -> AppView.read(session.api(), app));
        Supplier<Fetch.Fetched<Fingerprints>> fingerprints = fetch.start("Fingerprints", () -> session.fingerprints().forApp(app));
        Supplier<Fetch.Fetched<List<MinuteMetrics>>> metrics = fetch.start("Metrics", () -> session.telemetry()
                .metrics(app, now.minus(DurationChart.WINDOW).toEpochMilli(), Optional.empty()));
        Supplier<Fetch.Fetched<List<LogEvent>>> log = fetch.start("The log", tail.read(app, now));
        return Layout.page(app, "/", h -> Layout.fetched(h, view.get(), v -> {
            // a release made anywhere (the CLI, another tab) changes the overview's topic: these parts update in place
            h.open("div", "id", "app", "data-live", dashboard.liveRegion(OverviewPage.TOPIC));
            h.element("h2", "Traffic");
            TrafficBar.render(h, v.aliases());
            h.element("h2", "Releases");
            ReleaseTable.render(h, app, v.releases(), v.aliases(), page, now);
            h.element("h2", "Config");
            Layout.fetched(h, fingerprints.get(), f -> ConfigKeys.render(h, app, v.latest().settings().environment(), f));
            h.close();
            h.element("h2", "Last hour");
            Layout.fetched(h, metrics.get(), m -> DurationChart.render(h, m, now));
            h.element("h2", "Log");
            tail.render(h, app, log.get(), now);
        }));
    }
}
