package io.lambdoku.cli.dashboard;

import io.lambdoku.cli.rollout.RolloutView;
import io.lambdoku.core.rollout.Phase;
import io.lambdoku.core.rollout.Rollout;
import io.lambdoku.core.rollout.Rollouts;
import java.util.List;
import java.util.Optional;

/**
 * Promote and Abort of a running rollout, as 'rollout:promote' and 'rollout:abort' do them (the same core calls): GET
 * says what will change, Confirm POSTs with the rollout's id, so a rollout that ended or was replaced meanwhile is
 * refused rather than acted on.
 */
final class RolloutActionPage implements Page {

    @Override
    public void register(Routes routes, Dashboard dashboard) {
        for (String action : List.of("promote", "abort")) {
            routes.get("/rollouts/{app}/{alias}/" + action, r -> plan(dashboard, r, action));
            routes.post("/rollouts/{app}/{alias}/" + action, r -> act(dashboard, r, action));
        }
    }

    private static Reply plan(Dashboard dashboard, Request r, String action) {
        String app = r.param("app");
        String alias = r.param("alias");
        String title = (action.equals("abort") ? "Abort" : "Promote") + " the rollout of " + app + " " + alias;
        Fetch.Fetched<Optional<Rollout>> read = dashboard.fetch().get("The rollout",
                () -> dashboard.session().rollouts().status(app, alias));
        return Layout.page(title, "/rollouts", h -> Layout.fetched(h, read, current -> {
            if (current.isEmpty() || !current.get().active()) {
                h.element("p", "No rollout is running on " + app + " " + alias + "; nothing to do.", "role", "status");
                h.element("a", "Back to the rollouts", "href", "/rollouts");
                return;
            }
            Rollout ro = current.get();
            h.open("ul", "class", "plan");
            for (String step : steps(ro, action)) {
                h.element("li", step);
            }
            h.close();
            h.open("div", "class", "actions");
            Layout.postButton(h, r, Html.path("rollouts", app, alias, action), "Confirm: " + action + " "
                    + RolloutsPage.fromTo(ro), "rollout", ro.id());
            h.element("a", "Cancel", "class", "button secondary", "href", "/rollouts");
            h.close();
        }));
    }

    /** What the action will change, in the words of the CLI's help for it. */
    static List<String> steps(Rollout r, String action) {
        String now = RolloutView.percent(r.weight()) + " of " + r.alias() + "'s traffic is on v" + r.newVersion() + " now ("
                + r.phase().title() + ", " + r.stepText() + ").";
        String old = r.oldVersion().map(v -> "v" + v).orElse("the old version");
        if (action.equals("abort")) {
            return List.of(now, r.alias() + " sends all its traffic back to " + old + " at once.",
                    "The rollout ends as rolled back; v" + r.newVersion() + " stays a release, serving nothing on " + r.alias() + ".");
        }
        return List.of(now, "The remaining waits of " + r.strategy().text() + " are skipped: " + r.alias()
                + " moves to 100% on v" + r.newVersion() + ".", "Its gates and post hook still run; a failing gate rolls it back.");
    }

    private static Reply act(Dashboard dashboard, Request r, String action) {
        String app = r.param("app");
        String alias = r.param("alias");
        Optional<String> id = r.form("rollout");
        if (id.isEmpty()) {
            return Layout.problem(400, "The form names no rollout; open the plan again.");
        }
        Rollouts rollouts = dashboard.session().rollouts();
        Optional<Rollout> current = rollouts.status(app, alias);
        if (current.isEmpty() || !current.get().id().equals(id.get()) || !current.get().active()) {
            return Layout.problem(409, "The rollout the plan showed on " + app + " " + alias
                    + " is no longer running; nothing was changed. See the rollouts page.");
        }
        String line;
        boolean ok;
        try {
            Rollout done = action.equals("abort") ? rollouts.abort(app, alias) : rollouts.promote(app, alias);
            Phase goal = action.equals("abort") ? Phase.ROLLED_BACK : Phase.SUCCEEDED;
            ok = done.phase() == goal;
            line = RolloutView.outcome(done);
        } catch (RuntimeException e) {
            ok = false;
            line = (action.equals("abort") ? "Abort" : "Promote") + " failed: " + e.getMessage();
        }
        String title = (action.equals("abort") ? "Aborted" : "Promoted") + " the rollout of " + app + " " + alias;
        return Reply.seeOther(dashboard.results().keep(new Results.Result(ok ? title : title + ": see why", List.of(line), ok,
                "/rollouts", "Back to the rollouts")));
    }
}
