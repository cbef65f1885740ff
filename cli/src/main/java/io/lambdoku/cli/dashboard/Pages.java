package io.lambdoku.cli.dashboard;

import java.util.List;

/** Every page of the dashboard; a new page is one line here. */
final class Pages {

    private Pages() {
    }

    static List<Page> all() {
        return List.of(
                new StaticFiles(),
                new Results.ResultPage(),
                new OverviewPage(),
                new PromotePage(),
                new AppPage(),
                new RollbackPage(),
                new ActivityPage(),
                new RolloutsPage(),
                new RolloutActionPage(),
                new FormationPage());
    }
}
