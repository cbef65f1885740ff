package io.lambdoku.local.server;

import static io.lambdoku.core.release.ReleaseScenarios.zipOf;

import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A store in a temp dir served by a LocalServer on a free loopback port, and a client of it: what route tests stand on. */
final class ServedStore implements AutoCloseable {

    final LocalLambda lambda;
    final LocalServer server;
    final SignedHttp http;

    ServedStore(Path home) {
        lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO));
        server = LocalServer.start(lambda, "127.0.0.1", 0);
        http = new SignedHttp("127.0.0.1", server.address().getPort());
    }

    int port() {
        return server.address().getPort();
    }

    /** A Python function whose app.py is {@code app}, handler app.handler, published as version 1. */
    void python(String name, String app) {
        lambda.createFunction(new NewFunction(name, settings(Map.of()), "", zipOf("app.py", app), Map.of()), true);
    }

    static FunctionSettings settings(Map<String, String> env) {
        return new FunctionSettings("python3.12", "app.handler", "arn:aws:iam::000000000000:role/x", 128, 10, env, List.of());
    }

    @Override
    public void close() {
        server.close();
        lambda.close();
    }
}
