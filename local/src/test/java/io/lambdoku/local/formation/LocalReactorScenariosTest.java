package io.lambdoku.local.formation;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.formation.FormationStore;
import io.lambdoku.core.formation.ReactorScenarios;
import io.lambdoku.core.infra.Infra;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.infra.LocalInfra;
import io.lambdoku.local.server.LocalServer;
import io.lambdoku.local.server.ServedInvoker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reactor's scenarios on the local backend and its formation table, with a server of the store running (as
 * 'local serve' does: it records where it listens, so the apps' URLs name it, and it answers them and keeps
 * provisioned environments warm).
 */
class LocalReactorScenariosTest extends ReactorScenarios {

    @TempDir
    Path home;

    private LocalLambda lambda;
    private LocalServer server;
    private FormationStore store;

    @BeforeEach
    void serve() throws IOException {
        LocalOptions options = new LocalOptions(home, "us-east-1", Duration.ZERO);
        lambda = LocalLambda.open(options);
        server = LocalServer.start(lambda, "127.0.0.1", 0);
        Files.write(options.storeDir().resolve(ServedInvoker.FILE),
                JSON.std.asBytes(ServedInvoker.describe(server.endpoint(), options.region(), Optional.empty())));
        store = new LocalFormationStore(lambda.database());
    }

    @AfterEach
    void stop() {
        server.close();
        lambda.close();
    }

    @Override
    protected LambdaApi api() {
        return lambda;
    }

    @Override
    protected FormationStore store() {
        return store;
    }

    @Override
    protected Infra infra() {
        return new LocalInfra(lambda);
    }
}
