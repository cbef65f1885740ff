package io.lambdoku.cli.dashboard;

/** Every app, grouped by pipeline, stages as columns. */
final class OverviewPage implements Page {

    @Override
    public void register(Routes routes, Dashboard dashboard) {
        routes.get("/", r -> Layout.page("Overview", "/", h -> h.element("p", "Apps by pipeline.")));
    }
}
