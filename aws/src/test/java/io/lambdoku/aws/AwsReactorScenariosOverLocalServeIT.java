package io.lambdoku.aws;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.formation.FormationStore;
import io.lambdoku.core.formation.InMemoryFormationStore;
import io.lambdoku.core.formation.ReactorScenarios;
import io.lambdoku.core.formation.UrlProbe;
import io.lambdoku.core.infra.Infra;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.server.LocalServer;
import io.lambdoku.local.server.ServeOptions;
import io.lambdoku.local.server.ServedInvoker;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reactor's scenarios through the aws adapter, against lambdoku's own server: the one AWS-wire endpoint that
 * serves function URLs and provisioned concurrency (moto routes neither), so the adapter's URL, concurrency and
 * tag calls are the reactor's whole path here. The table is the reactor's concern, not the adapter's: an in-memory
 * one. URLs are NONE, as the scenarios GET them unsigned.
 */
class AwsReactorScenariosOverLocalServeIT extends ReactorScenarios {

    @TempDir
    Path home;

    private LocalLambda local;
    private LocalServer server;
    private AwsLambda aws;
    private final FormationStore store = new InMemoryFormationStore("over-local-serve");

    @BeforeEach
    void start() throws IOException {
        LocalOptions options = new LocalOptions(home, "us-east-1", Duration.ofMillis(40));
        local = LocalLambda.open(options);
        server = LocalServer.start(local, ServeOptions.loopback(0));
        URI endpoint = URI.create("http://127.0.0.1:" + server.address().getPort());
        // as 'local serve' does: the URLs it gives out name this server
        Files.write(options.storeDir().resolve(ServedInvoker.FILE),
                JSON.std.asBytes(ServedInvoker.describe(endpoint, options.region(), Optional.empty())));
        aws = AwsLambda.open(new AwsOptions(Optional.of("us-east-1"), Optional.empty(), Optional.of(endpoint),
                Optional.empty(), Optional.of(new AwsOptions.StaticKeys("test", "test", Optional.empty()))));
    }

    @AfterEach
    void stop() {
        aws.close();
        server.close();
        local.close();
    }

    @Override
    protected LambdaApi api() {
        return aws;
    }

    @Override
    protected FormationStore store() {
        return store;
    }

    @Override
    protected Infra infra() {
        return new AwsInfra(aws.clients());
    }

    @Override
    protected UrlProbe probe() {
        return aws.urlProbe();
    }
}
