package io.lambdoku.local;

import io.lambdoku.core.app.Apps;
import io.lambdoku.core.app.Push;
import io.lambdoku.core.config.ConfigVars;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.release.ReleaseScenarios;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A process that writes code and config to a store as fast as it can until it is killed. */
public final class CrashingWriter {

    public static void main(String[] args) {
        try (LocalLambda lambda = LocalLambda.open(new LocalOptions(Path.of(args[0]), "us-east-1", Duration.ZERO))) {
            FunctionSettings settings = new FunctionSettings("python3.12", "app.handler", "arn:aws:iam::000000000000:role/test", 128, 3, Map.of(), List.of());
            try {
                new Apps(lambda, Events.NONE).create("victim", settings, ReleaseScenarios.zipOf("app.py", "start"));
            } catch (ResourceConflictException exists) {
                // a previous round created it
            }
            System.out.println("ready");
            System.out.flush();
            for (long i = 0; ; i++) {
                // big enough that the kill often lands while a blob is being written
                String body = "def handler(event, context):\n    pass\n# " + System.nanoTime() + "x".repeat(200_000) + i;
                new Push(lambda, Events.NONE).push("victim", ReleaseScenarios.zipOf("app.py", body));
                new ConfigVars(lambda, Events.NONE).set("victim", Map.of("ROUND", Long.toString(i)));
            }
        }
    }
}
