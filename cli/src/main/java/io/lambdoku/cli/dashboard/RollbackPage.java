package io.lambdoku.cli.dashboard;

import io.lambdoku.cli.Session;
import io.lambdoku.core.release.ReleaseOutcome;
import io.lambdoku.core.release.Rollback;
import io.lambdoku.core.release.RollbackPlan;
import java.util.List;
import java.util.Optional;

/**
 * Roll back from the app page: GET shows the plan (the engine of 'rollback --dry-run') with a Confirm button; the
 * POST rolls back to the release in its path, under the app's lock as the command does, and redirects to the result.
 * A rollback restores that release's code and config whatever changed since the plan was shown, so the end state is
 * the one the plan named.
 */
final class RollbackPage implements Page {

    private static final String NUMBER = "[1-9][0-9]{0,8}"; // 9 digits: every one fits an int (ReleaseNumber's rule)

    @Override
    public void register(Routes routes, Dashboard dashboard) {
        routes.get("/apps/{app}/rollback/{version}", r -> plan(dashboard, r));
        routes.post("/apps/{app}/rollback/{version}", r -> rollback(dashboard, r));
    }

    private static Reply plan(Dashboard dashboard, Request r) {
        return version(r).map(v -> plan(dashboard, r, r.param("app"), v)).orElseGet(() -> noRelease(r));
    }

    private static Reply rollback(Dashboard dashboard, Request r) {
        return version(r).map(v -> rollback(dashboard, r.param("app"), v)).orElseGet(() -> noRelease(r));
    }

    private static Optional<Integer> version(Request r) {
        return Optional.of(r.param("version")).filter(v -> v.matches(NUMBER)).map(Integer::valueOf);
    }

    private static Reply noRelease(Request r) {
        return Layout.problem(404, "No such release: " + r.param("version") + ".");
    }

    private static Reply plan(Dashboard dashboard, Request r, String app, int version) {
        Session session = dashboard.session();
        Fetch.Fetched<RollbackPlan> plan = dashboard.fetch().get("The plan",
                () -> new Rollback(session.api(), session.events()).plan(app, Optional.of(version)));
        return Layout.page("Roll back " + app + " to v" + version, "/", h -> Layout.fetched(h, plan, p -> {
            h.element("p", "Rolling back restores the code and the whole config of " + app + " " + p.target().label()
                    + " (" + p.target().description() + ") as a new release. Config values are not shown.");
            h.open("ul", "class", "plan");
            p.lines().forEach(line -> h.element("li", line));
            h.close();
            h.open("div", "class", "actions");
            if (p.changesAnything() && p.codeAvailable()) {
                Layout.postButton(h, r, Html.path("apps", app, "rollback", Integer.toString(version)),
                        "Confirm: roll back to " + p.target().label());
            }
            h.element("a", "Cancel", "class", "button secondary", "href", Html.path("apps", app));
            h.close();
        }));
    }

    private static Reply rollback(Dashboard dashboard, String app, int version) {
        Session session = dashboard.session();
        String line;
        boolean ok = true;
        try {
            ReleaseOutcome outcome = session.guard().holding(app, "rollback",
                    () -> new Rollback(session.api(), session.events()).to(app, Optional.of(version)));
            line = outcome.release().map(m -> app + ": released " + m.label() + ": " + m.description()).orElse(outcome.message());
        } catch (RuntimeException e) {
            ok = false;
            line = "Rollback failed: " + e.getMessage();
        }
        String result = dashboard.results().keep(new Results.Result("Rolled back " + app + " to v" + version, List.of(line), ok,
                Html.path("apps", app), "Back to " + app));
        return Reply.seeOther(result);
    }
}
