package io.lambdoku.cli.dashboard;

import io.lambdoku.core.formation.Formation;
import io.lambdoku.core.formation.FormationRow;
import io.lambdoku.core.formation.FormationStatus;
import io.lambdoku.core.formation.FormationStore;
import io.lambdoku.core.formation.Observed;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The formation table as 'lambdoku formation' lists it: each app's desire next to what the reactor last observed,
 * live; the URL is a link. On AWS the table is the one 'lambdoku setup --formation' made (or
 * LAMBDOKU_FORMATION_TABLE); where there is none, the page says so in the store's one sentence.
 */
final class FormationPage implements Page {

    static final String TOPIC = "formation";

    @Override
    public void register(Routes routes, Dashboard dashboard) {
        routes.get("/formation", r -> Layout.page("Formation", "/formation", h -> {
            h.open("div", "id", "formation", "data-live", dashboard.liveRegion(TOPIC));
            Fetch.Fetched<Rows> rows = dashboard.fetch().get("The formation table", () -> list(dashboard));
            Layout.fetched(h, rows, read -> read.missing().ifPresentOrElse(why -> h.element("p", why, "role", "status"),
                    () -> render(h, dashboard, read.apps())));
            h.close();
        }));
        // every row's desire and observation, but not when it was observed: a reactor re-checking a Ready app is no news
        routes.live(TOPIC, () -> String.join(",", list(dashboard).apps().stream().map(a -> a.name() + a.row()
                .map(row -> "@" + row.generation() + row.desired() + row.observed().map(FormationPage::state).orElse(""))
                .orElse("-")).toList()));
    }

    private static Formation formation(Dashboard dashboard) {
        FormationStore store = dashboard.session().formation(Optional.empty());
        return new Formation(store, dashboard.session().api());
    }

    private static String state(Observed o) {
        return o.status() + o.reason() + o.url() + o.observedVersion() + o.observedGeneration();
    }

    /** The apps of the formation; on AWS, when its DynamoDB table does not exist (yet), none and the store's sentence why. */
    private static Rows list(Dashboard dashboard) {
        try {
            return new Rows(formation(dashboard).list(), Optional.empty());
        } catch (ResourceNotFoundException e) {
            return new Rows(List.of(), Optional.of(e.getMessage()));
        }
    }

    private record Rows(List<Formation.App> apps, Optional<String> missing) {
    }

    private static void render(Html h, Dashboard dashboard, List<Formation.App> apps) {
        if (apps.isEmpty()) {
            h.element("p", "No apps in the formation table yet; add one with 'lambdoku formation:set NAME --source DIR'.");
            return;
        }
        Instant now = dashboard.clock().instant();
        h.open("div", "class", "scroll").open("table", "class", "stacked").open("thead").open("tr");
        for (String c : List.of("App", "Desired version", "Scale", "Status", "Serving", "URL", "Reason", "Observed")) {
            h.element("th", c, "scope", "col");
        }
        h.close().close().open("tbody");
        for (Formation.App app : apps) {
            h.open("tr", "data-app", app.name());
            h.open("td", "data-label", "App").element("a", app.name(), "href", Html.path("apps", app.name())).close();
            if (app.row().isEmpty()) {
                h.element("td", "-", "data-label", "Desired version").element("td", "-", "data-label", "Scale");
                h.element("td", FormationStatus.DELETING.word(), "data-label", "Status", "class", "status");
                h.element("td", "", "data-label", "Serving").element("td", "", "data-label", "URL");
                h.element("td", "row deleted", "data-label", "Reason").element("td", "", "data-label", "Observed");
                h.close();
                continue;
            }
            FormationRow row = app.row().get();
            Optional<Observed> o = row.observed();
            h.element("td", row.desired().version().orElse("(folder)"), "data-label", "Desired version");
            h.element("td", "x" + row.desired().scale() + (row.desired().isPublic() ? " public" : ""), "data-label", "Scale");
            String status = row.status().word();
            h.element("td", status, "data-label", "Status", "class", "status " + status.toLowerCase(java.util.Locale.ROOT));
            h.element("td", o.flatMap(Observed::observedVersion).map(v -> "v" + v).orElse(""), "data-label", "Serving");
            h.open("td", "data-label", "URL");
            o.flatMap(Observed::url).filter(u -> u.startsWith("http://") || u.startsWith("https://"))
                    .ifPresent(u -> h.element("a", u, "href", u, "rel", "noopener noreferrer"));
            h.close();
            h.element("td", o.map(Observed::reason).orElse(""), "data-label", "Reason");
            h.open("td", "data-label", "Observed");
            o.ifPresent(ob -> h.element("time", io.lambdoku.core.lock.Ages.ago(ob.updatedAt(), now), "datetime",
                    ob.updatedAt().toString()));
            h.close();
            h.close();
        }
        h.close().close().close();
    }
}
