package io.lambdoku.cli.infra;

import io.lambdoku.cli.Session;
import io.lambdoku.local.server.ServedInvoker;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.local.LocalOptions;
import java.util.List;

/** What the schedules and alarms listings share: which functions, and whether 'local serve' runs to act on them. */
final class InfraListing {

    private InfraListing() {
    }

    /** The functions named by -a or .lambdoku (each checked to exist), else every function of the backend. */
    static List<String> functions(Session session) {
        return session.appsIfNamed().map(apps -> apps.stream().map(Session::functionName)
                        .peek(f -> session.api().getFunction(f, FunctionConfig.LATEST)).toList())
                .orElseGet(() -> session.api().listFunctions().stream().map(FunctionConfig::name).toList());
    }

    /** Whether a 'local serve' is running on this store: only it fires schedules and evaluates alarms. */
    static boolean served(Session session) {
        return ServedInvoker.find(LocalOptions.fromEnvironment(session.launch().env()).storeDir()).isPresent();
    }
}
