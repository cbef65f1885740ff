package io.lambdoku.cli.dashboard;

import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.release.Release;
import io.lambdoku.core.release.ReleaseLog;
import java.util.List;

/** What the app page reads of one app in one go: $LATEST (its config), every release newest first, its aliases. */
record AppView(FunctionConfig latest, List<Release> releases, List<Alias> aliases) {

    AppView {
        releases = List.copyOf(releases);
        aliases = List.copyOf(aliases);
    }

    static AppView read(LambdaApi api, String app) {
        FunctionConfig latest = api.getFunction(app, FunctionConfig.LATEST); // a missing app says so first
        return new AppView(latest, new ReleaseLog(api).list(app, 0), api.listAliases(app));
    }
}
