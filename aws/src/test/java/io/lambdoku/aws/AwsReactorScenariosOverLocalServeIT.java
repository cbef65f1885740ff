package io.lambdoku.aws;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.formation.FormationStore;
import io.lambdoku.core.formation.HttpUrlProbe;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.UrlAuth;
import java.nio.charset.StandardCharsets;
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
 * one. URLs are AWS_IAM, as on AWS (a NONE URL needs the public policy statements, which local serve does not take):
 * the reactor's probe signs its GET, and so does this class's, through curl's --aws-sigv4.
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
        return HttpUrlProbe.viaLoopback(aws.urlProbe());
    }

    @Override
    protected UrlAuth privateAuth() {
        return UrlAuth.AWS_IAM;
    }

    @Override
    protected Answer get(String url) throws IOException, InterruptedException {
        URI uri = HttpUrlProbe.reachable(new FunctionUrl("shop", Optional.of("live"), url, "", UrlAuth.AWS_IAM,
                Optional.empty(), "", ""));
        Process p = new ProcessBuilder("curl", "-s", "--max-time", "20", "-w", "\n%{http_code}", "--aws-sigv4",
                "aws:amz:us-east-1:lambda", "--user", "test:test", uri.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        int nl = out.lastIndexOf('\n');
        return new Answer(Integer.parseInt(out.substring(nl + 1).strip()), out.substring(0, Math.max(nl, 0)));
    }
}
