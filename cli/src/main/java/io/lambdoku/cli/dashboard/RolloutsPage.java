package io.lambdoku.cli.dashboard;

import io.lambdoku.cli.rollout.RolloutView;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.rollout.Gates;
import io.lambdoku.core.rollout.Reading;
import io.lambdoku.core.rollout.Rollout;
import io.lambdoku.core.rollout.Rollouts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Every app's rollouts: the active ones with their step, weight, gate readings against the limits and their driver's
 * heartbeat, updating live, each with Promote and Abort (see {@link RolloutActionPage}); the newest finished below.
 */
final class RolloutsPage implements Page {

    static final String TOPIC = "rollouts";
    /** Per app: an alias's rollout is its newest, so a handful covers every active one and the recent finished. */
    private static final int PER_APP = 10;
    private static final int FINISHED_SHOWN = 20;

    @Override
    public void register(Routes routes, Dashboard dashboard) {
        routes.get("/rollouts", r -> Layout.page("Rollouts", "/rollouts", h -> {
            h.open("div", "id", "rollouts", "data-live", dashboard.liveRegion(TOPIC));
            Layout.fetched(h, dashboard.fetch().get("Rollouts", () -> all(dashboard)), list -> render(h, dashboard, list));
            h.close();
        }));
        // what the table shows, the readings' counts included, but not their window nor the heartbeat's age, which move every tick
        routes.live(TOPIC, () -> String.join(",", all(dashboard).stream().filter(Rollout::active)
                .map(r -> r.id() + r.phase() + r.step() + r.weight() + r.paused().orElse("") + counts(r)).toList()));
    }

    private static String counts(Rollout r) {
        Reading n = r.readings().get(r.newVersion());
        return n == null ? "" : n.invocations() + "/" + n.errors() + "/" + n.throttles() + "/" + n.p99Ms().map(Math::round).orElse(-1L);
    }

    /** Every app's newest rollouts, newest start first; one store read per app, in parallel. */
    static List<Rollout> all(Dashboard dashboard) {
        Rollouts rollouts = dashboard.session().rollouts();
        List<String> names = dashboard.session().api().listFunctions().stream().map(FunctionConfig::name).toList();
        List<Rollout> all = new ArrayList<>();
        Map<String, Fetch.Fetched<List<Rollout>>> read = dashboard.fetch().each("Rollouts", names, n -> rollouts.history(n, PER_APP));
        for (Fetch.Fetched<List<Rollout>> f : read.values()) {
            if (f.problem().isPresent()) {
                throw new IllegalStateException(f.problem().get());
            }
            all.addAll(f.value().orElse(List.of()));
        }
        all.sort(Comparator.comparing(Rollout::started).reversed());
        return all;
    }

    private static void render(Html h, Dashboard dashboard, List<Rollout> all) {
        Instant now = dashboard.clock().instant();
        List<Rollout> active = all.stream().filter(Rollout::active).toList();
        List<Rollout> finished = all.stream().filter(r -> !r.active()).limit(FINISHED_SHOWN).toList();
        h.element("h2", "Active");
        if (active.isEmpty()) {
            h.element("p", "No rollout is running. Start one with 'lambdoku rollout:start -a APP --alias ALIAS --to VERSION'.");
        } else {
            h.open("div", "class", "scroll").open("table", "class", "stacked");
            header(h, "App", "Alias", "From → to", "Strategy", "Step", "Weight", "Gates", "Driver", "Phase", "Actions");
            h.open("tbody");
            active.forEach(r -> active(h, r, now));
            h.close().close().close();
        }
        h.element("h2", "Recently finished");
        if (finished.isEmpty()) {
            h.element("p", "None yet.");
            return;
        }
        h.open("div", "class", "scroll").open("table", "class", "stacked");
        header(h, "App", "Alias", "From → to", "Strategy", "Phase", "Finished", "Reason");
        h.open("tbody");
        for (Rollout r : finished) {
            h.open("tr", "data-rollout", r.function() + "/" + r.alias());
            app(h, r);
            h.element("td", r.alias(), "data-label", "Alias");
            h.element("td", fromTo(r), "data-label", "From → to");
            h.element("td", r.strategy().text(), "data-label", "Strategy");
            h.element("td", r.phase().title(), "data-label", "Phase", "class", "phase");
            h.open("td", "data-label", "Finished");
            r.finished().ifPresent(at -> h.element("time", io.lambdoku.core.lock.Ages.ago(at, now), "datetime", at.toString()));
            h.close();
            h.element("td", r.reason().orElse(""), "data-label", "Reason");
            h.close();
        }
        h.close().close().close();
    }

    private static void active(Html h, Rollout r, Instant now) {
        h.open("tr", "data-rollout", r.function() + "/" + r.alias());
        app(h, r);
        h.element("td", r.alias(), "data-label", "Alias");
        h.element("td", fromTo(r), "data-label", "From → to");
        h.element("td", r.strategy().text(), "data-label", "Strategy");
        h.element("td", r.stepText(), "data-label", "Step");
        h.open("td", "data-label", "Weight", "class", "weight");
        int w = (int) Math.round(r.weight());
        h.element("span", RolloutView.percent(r.weight()) + " on v" + r.newVersion());
        Weights.bar(h, 100 - w, w, RolloutView.percent(100 - r.weight()) + " on " + r.oldVersion().map(v -> "v" + v).orElse("nothing")
                + ", " + RolloutView.percent(r.weight()) + " on v" + r.newVersion());
        h.close();
        h.open("td", "data-label", "Gates", "class", "gates");
        Reading reading = r.readings().get(r.newVersion());
        h.element("p", reading == null ? "No reading yet." : "v" + r.newVersion() + ": " + RolloutView.reading(reading));
        h.element("p", limits(r.gates()), "class", "muted");
        h.close();
        h.element("td", r.lease().map(l -> RolloutView.driver(l, now)).orElse("none"), "data-label", "Driver");
        h.element("td", r.phase().title() + r.paused().map(p -> ", paused: " + p).orElse(""), "data-label", "Phase", "class", "phase");
        h.open("td", "data-label", "Actions").open("div", "class", "actions");
        h.element("a", "Promote…", "class", "button secondary", "href", Html.path("rollouts", r.function(), r.alias(), "promote"));
        h.element("a", "Abort…", "class", "button secondary", "href", Html.path("rollouts", r.function(), r.alias(), "abort"));
        h.close().close();
        h.close();
    }

    private static void header(Html h, String... columns) {
        h.open("thead").open("tr");
        for (String c : columns) {
            h.element("th", c, "scope", "col");
        }
        h.close().close();
    }

    private static void app(Html h, Rollout r) {
        h.open("td", "data-label", "App").element("a", r.function(), "href", Html.path("apps", r.function())).close();
    }

    static String fromTo(Rollout r) {
        return r.oldVersion().map(v -> "v" + v + " → ").orElse("") + "v" + r.newVersion();
    }

    /** The gates' limits in words: "limits: errors ≤ 1%, p99 ≤ 500ms, throttles ≤ 0". */
    private static String limits(Gates g) {
        List<String> parts = new ArrayList<>();
        g.maxErrorRatePercent().ifPresent(p -> parts.add("errors ≤ " + RolloutView.percent(p)));
        g.maxP99().ifPresent(d -> parts.add("p99 ≤ " + d.toMillis() + "ms"));
        g.maxThrottles().ifPresent(t -> parts.add("throttles ≤ " + t));
        if (!g.alarms().isEmpty()) {
            parts.add("alarms " + String.join(", ", g.alarms()));
        }
        return parts.isEmpty() ? "no gates" : "limits: " + String.join(", ", parts);
    }
}
