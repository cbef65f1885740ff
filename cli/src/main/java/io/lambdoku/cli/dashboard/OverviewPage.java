package io.lambdoku.cli.dashboard;

import io.lambdoku.core.invoke.FunctionTelemetry;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.pipeline.Pipeline;
import io.lambdoku.core.pipeline.PipelineGraph;
import io.lambdoku.core.release.Release;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every app, grouped by pipeline with its stages as columns (dev → stage → prod); each cell the app's newest release,
 * aliases and health, and a marker with a Promote button where an app runs other code than its upstream.
 */
final class OverviewPage implements Page {

    static final String TOPIC = "apps";

    private LambdaApi api;
    private FunctionTelemetry telemetry;
    private Dashboard dashboard;

    @Override
    public void register(Routes routes, Dashboard dashboard) {
        this.dashboard = dashboard;
        this.api = dashboard.session().api();
        this.telemetry = dashboard.session().telemetry();
        routes.get("/", r -> Layout.page("Overview", "/", h -> render(h)));
        // a release, an update or a new app changes $LATEST's RevisionId or the list itself: one call for all apps
        routes.live(TOPIC, () -> String.join(",", api.listFunctions().stream()
                .map(f -> f.name() + "@" + ReleaseCache.stamp(f)).sorted().toList()));
    }

    private void render(Html h) {
        h.open("div", "id", "overview", "data-live", dashboard.liveRegion(TOPIC));
        Fetch fetch = dashboard.fetch();
        Fetch.Fetched<List<FunctionConfig>> apps = fetch.get("Apps", () -> api.listFunctions().stream()
                .sorted(Comparator.comparing(FunctionConfig::name)).toList());
        Layout.fetched(h, apps, list -> render(h, list));
        h.close();
    }

    private void render(Html h, List<FunctionConfig> apps) {
        List<String> names = apps.stream().map(FunctionConfig::name).toList();
        if (names.isEmpty()) {
            h.element("p", "No apps yet: create one with 'lambdoku create NAME'.");
            return;
        }
        Pipeline pipeline = new Pipeline(api, io.lambdoku.core.event.Events.NONE);
        Instant now = dashboard.clock().instant();
        Map<String, Fetch.Fetched<List<String>>> links = dashboard.fetch().each("Pipeline", names, pipeline::downstreams);
        Map<String, Fetch.Fetched<AppCell>> byConfig = new LinkedHashMap<>();
        dashboard.fetch().each("Release", apps, f -> AppCell.read(api, telemetry, dashboard.releases(), f, now))
                .forEach((f, cell) -> byConfig.put(f.name(), cell));
        Map<String, Fetch.Fetched<AppCell>> cells = byConfig;
        Map<String, List<String>> downstreams = new LinkedHashMap<>();
        links.forEach((n, f) -> downstreams.put(n, f.value().orElse(List.of())));
        Map<String, List<String>> upstreams = new LinkedHashMap<>();
        downstreams.forEach((up, downs) -> downs.forEach(d -> upstreams.computeIfAbsent(d, k -> new ArrayList<>()).add(up)));
        links.values().stream().flatMap(f -> f.problem().stream()).findFirst()
                .ifPresent(p -> h.element("p", p + " Pipelines may be missing.", "class", "problem", "role", "status"));
        Cells view = new Cells(h, cells, upstreams, now);
        for (PipelineGraph.Chain chain : PipelineGraph.chains(downstreams)) {
            h.element("h2", "Pipeline " + chain.name());
            h.open("div", "class", "scroll").open("table", "class", "stacked").open("thead").open("tr");
            for (int i = 0; i < chain.stages().size(); i++) {
                h.element("th", stageName(i, chain.stages().size()), "scope", "col");
            }
            h.close().close().open("tbody").open("tr");
            for (int i = 0; i < chain.stages().size(); i++) {
                h.open("td", "class", "cell", "data-label", stageName(i, chain.stages().size()));
                chain.stages().get(i).forEach(view::cell);
                h.close();
            }
            h.close().close().close().close();
        }
        List<String> alone = PipelineGraph.alone(downstreams);
        if (!alone.isEmpty()) {
            h.element("h2", "Apps in no pipeline");
            h.open("ul", "class", "alone");
            alone.forEach(n -> {
                h.open("li", "class", "cell");
                view.cell(n);
                h.close();
            });
            h.close();
        }
    }

    /** Stages have no names of their own; the common three read as people say them. */
    static String stageName(int index, int count) {
        if (count == 3) {
            return List.of("Development", "Staging", "Production").get(index);
        }
        if (count == 2) {
            return List.of("Staging", "Production").get(index);
        }
        return "Stage " + (index + 1);
    }

    /** Renders cells: an app's release, aliases, health and drift from its upstreams. */
    private record Cells(Html h, Map<String, Fetch.Fetched<AppCell>> cells, Map<String, List<String>> upstreams, Instant now) {

        void cell(String name) {
            h.open("div", "class", "app", "data-app", name);
            h.open("h3").element("a", name, "href", Html.path("apps", name)).close();
            Fetch.Fetched<AppCell> fetched = cells.getOrDefault(name, Fetch.Fetched.problem("Release not read."));
            Layout.fetched(h, fetched, this::details);
            h.close();
        }

        private void details(AppCell cell) {
            if (cell.release().isEmpty()) {
                h.element("p", "No release yet.", "class", "muted");
            } else {
                Release r = cell.release().get();
                h.open("p", "class", "release").element("strong", r.label()).text(" ").text(r.description()).close();
                h.open("p").text("code ").element("code", Release.sha8(r.codeSha256()), "class", "sha", "title", r.codeSha256())
                        .text(" · ").element("time", Times.age(r.created(), now), "datetime", r.created()).close();
            }
            cell.aliases().stream().sorted(Comparator.comparing(Alias::name)).forEach(this::alias);
            if (cell.healthProblem().isPresent()) {
                h.element("p", cell.healthProblem().get(), "class", "health problem");
            } else {
                h.element("p", cell.invocations() + " invocations" + (cell.invocations() == 0 ? "" : ", " + cell.errorRate())
                        + " in " + AppCell.HEALTH.toMinutes() + " min", "class", cell.errors() > 0 ? "health problem" : "health muted");
            }
            for (String up : upstreams.getOrDefault(cell.name(), List.of())) {
                Optional<AppCell> upstream = Optional.ofNullable(cells.get(up)).flatMap(Fetch.Fetched::value);
                if (upstream.isPresent() && cell.differsFrom(upstream.get())) {
                    Release theirs = upstream.get().release().get();
                    h.open("p", "class", "drift").text("⚠ Runs other code than " + up + " " + theirs.label() + ".").close();
                    h.element("a", "Promote " + up + " " + theirs.label() + "…", "class", "button",
                            "href", Html.path("pipelines", up, "promote"));
                }
            }
        }

        private void alias(Alias a) {
            int second = a.additionalVersion().map(w -> (int) Math.round(w.weight() * 100)).orElse(0);
            String split = a.additionalVersion().map(w -> "v" + a.functionVersion() + " " + (100 - second) + "% · v"
                    + w.version() + " " + second + "%").orElse("v" + a.functionVersion());
            h.open("p", "class", "alias").element("span", a.name() + " → " + split);
            Weights.bar(h, 100 - second, second, a.name() + ": " + split);
            h.close();
        }
    }
}
