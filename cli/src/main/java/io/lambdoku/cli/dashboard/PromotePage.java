package io.lambdoku.cli.dashboard;

import io.lambdoku.cli.Session;
import io.lambdoku.core.pipeline.Pipeline;
import io.lambdoku.core.pipeline.PromotionPlan;
import io.lambdoku.core.release.Release;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Promote from the overview, the pattern of every action here: GET shows the plan (the engine of
 * 'pipeline:promote --dry-run') with a Confirm button; its POST carries the release the plan showed, so what is
 * done is what was shown even when a newer release landed in between, and redirects to the result.
 */
final class PromotePage implements Page {

    @Override
    public void register(Routes routes, Dashboard dashboard) {
        routes.get("/pipelines/{app}/promote", r -> plan(dashboard, r));
        routes.post("/pipelines/{app}/promote", r -> promote(dashboard, r));
    }

    private static Reply plan(Dashboard dashboard, Request r) {
        String app = r.param("app");
        Session session = dashboard.session();
        Fetch.Fetched<PromotionPlan> plan = dashboard.fetch().get("The plan",
                () -> new Pipeline(session.api(), session.events()).plan(app, Optional.empty()));
        return Layout.page("Promote " + app, "/", h -> Layout.fetched(h, plan, p -> {
            h.element("p", "Promoting copies the code of " + app + " " + p.release().label() + " (" + p.release().description()
                    + ") to its downstreams as a new release each; their config stays.");
            h.open("ul", "class", "plan");
            p.lines().forEach(line -> h.element("li", line));
            h.close();
            h.open("div", "class", "actions");
            if (p.changesAnything()) {
                Layout.postButton(h, r, Html.path("pipelines", app, "promote"), "Confirm: promote " + p.release().label(),
                        "version", Integer.toString(p.release().version()));
            } else {
                h.element("p", "Nothing to do.");
            }
            h.element("a", "Cancel", "class", "button secondary", "href", "/");
            h.close();
        }));
    }

    private static Reply promote(Dashboard dashboard, Request r) {
        String app = r.param("app");
        Optional<Integer> version = r.form("version").filter(v -> v.matches("[1-9][0-9]{0,9}")).map(Integer::valueOf);
        if (version.isEmpty()) {
            return Layout.problem(400, "The form names no release to promote; open the plan again.");
        }
        Session session = dashboard.session();
        List<String> lines = new ArrayList<>();
        boolean ok = true;
        try {
            for (Pipeline.Promotion p : new Pipeline(session.api(), session.events(), session.guard()).promote(app, version)) {
                if (p.failure().isPresent()) {
                    ok = false;
                    lines.add(p.downstream() + ": failed: " + p.failure().get().getMessage());
                } else {
                    Optional<Release> made = p.outcome().get().release();
                    lines.add(made.map(m -> p.downstream() + ": released " + m.label() + ": " + m.description())
                            .orElse(p.outcome().get().message()));
                }
            }
        } catch (RuntimeException e) {
            ok = false;
            lines.add("Promote failed: " + e.getMessage());
        }
        String result = dashboard.results().keep(new Results.Result("Promoted " + app + " v" + version.get(), lines, ok,
                "/", "Back to the overview"));
        return Reply.seeOther(result);
    }
}
