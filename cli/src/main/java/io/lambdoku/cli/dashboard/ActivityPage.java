package io.lambdoku.cli.dashboard;

import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.release.Release;
import io.lambdoku.core.release.ReleaseLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Releases, promotions, rollbacks, rollouts and lock takeovers of every app, newest first: the release log (Lambda's
 * versions, whose messages say promotions and rollbacks) merged with core's Activity record (locks, rollouts).
 */
final class ActivityPage implements Page {

    /** Per app and per source: the feed shows the newest few hundred things, not the whole history. */
    private static final int PER_APP = 50;
    private static final int SHOWN = 300;

    @Override
    public void register(Routes routes, Dashboard dashboard) {
        LambdaApi api = dashboard.session().api();
        Activity activity = dashboard.session().activity();
        routes.get("/activity", r -> Layout.page("Activity", "/activity", h -> {
            h.open("div", "id", "activity", "data-live", dashboard.liveRegion(OverviewPage.TOPIC));
            Fetch.Fetched<List<String>> names = dashboard.fetch().get("Apps", () -> api.listFunctions().stream()
                    .map(FunctionConfig::name).sorted().toList());
            Layout.fetched(h, names, list -> render(h, dashboard, list, api, activity));
            h.close();
        }));
    }

    private static void render(Html h, Dashboard dashboard, List<String> names, LambdaApi api, Activity activity) {
        Map<String, Fetch.Fetched<List<Entry>>> read = dashboard.fetch().each("Activity", names, n -> entries(n, api, activity));
        List<Entry> all = new ArrayList<>();
        read.values().forEach(f -> f.value().ifPresent(all::addAll));
        read.values().stream().flatMap(f -> f.problem().stream()).distinct()
                .forEach(p -> h.element("p", p, "class", "problem", "role", "status"));
        all.sort(Comparator.comparing(Entry::at).reversed());
        if (all.isEmpty()) {
            h.element("p", "Nothing has happened yet.");
            return;
        }
        Instant now = dashboard.clock().instant();
        h.open("div", "class", "scroll").open("table", "class", "stacked");
        h.open("thead").open("tr");
        for (String c : List.of("When", "App", "What", "Details", "Who")) {
            h.element("th", c, "scope", "col");
        }
        h.close().close().open("tbody");
        for (Entry e : all.subList(0, Math.min(SHOWN, all.size()))) {
            h.open("tr");
            h.open("td", "data-label", "When").element("time", io.lambdoku.core.lock.Ages.ago(e.at(), now), "datetime",
                    e.at().toString(), "title", e.at().toString()).close();
            h.open("td", "data-label", "App").element("a", e.app(), "href", Html.path("apps", e.app())).close();
            h.element("td", e.what(), "data-label", "What");
            h.element("td", e.detail(), "data-label", "Details");
            h.element("td", e.who(), "data-label", "Who", "class", "muted");
            h.close();
        }
        h.close().close().close();
    }

    private static List<Entry> entries(String app, LambdaApi api, Activity activity) {
        List<Entry> entries = new ArrayList<>();
        for (Release r : new ReleaseLog(api).list(app, PER_APP)) {
            Times.parse(r.created()).ifPresent(at -> entries.add(new Entry(at, app, kind(r), r.description(), "")));
        }
        activity.list(app, PER_APP).forEach(e -> entries.add(new Entry(e.at(), app, e.what(), e.detail(), e.who())));
        return entries;
    }

    /** Releases read by what made them, which their messages say (Pipeline and Rollback write these). */
    private static String kind(Release r) {
        String d = r.description();
        String what = d.startsWith("Promote ") ? "promotion" : d.startsWith("Rollback to ") ? "rollback" : "release";
        return what + " " + r.label();
    }

    private record Entry(Instant at, String app, String what, String detail, String who) {
    }
}
