package io.lambdoku.cli.dashboard;

/** Releases, promotions, rollbacks, rollouts and lock takeovers, newest first. */
final class ActivityPage implements Page {

    @Override
    public void register(Routes routes, Dashboard dashboard) {
        routes.get("/activity", r -> Layout.page("Activity", "/activity", h -> h.element("p", "Newest first.")));
    }
}
