package io.lambdoku.cli;

import io.lambdoku.aws.AwsLambda;
import io.lambdoku.aws.AwsOptions;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.server.LocalServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The launcher runs this once per build to make its class-data archive: it writes the commands' spec files
 * and exercises the everyday commands against a throwaway store, so that the archive holds what they load.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    /** The aws backend's classes (the SDK) too, against lambdoku's own AWS-wire server in this process. */
    private static void trainAws(Path home, Path code, PrintStream nowhere) {
        Path serverHome = home.resolve("served");
        try (LocalLambda lambda = LocalLambda.open(LocalOptions.fromEnvironment(Map.of("LAMBDOKU_HOME", serverHome.toString())));
             LocalServer server = LocalServer.start(lambda, "127.0.0.1", 0)) {
            String endpoint = "http://127.0.0.1:" + server.address().getPort();
            Map<String, String> env = Map.of("LAMBDOKU_HOME", home.toString(), "AWS_ACCESS_KEY_ID", "training",
                    "AWS_SECRET_ACCESS_KEY", "training", "AWS_REGION", "us-east-1");
            Main main = new Main(new Launch(env, home, nowhere, nowhere));
            String[] aws = {"--backend", "aws", "--endpoint-url", endpoint};
            // A change takes the function's lock, which the aws backend keeps in the artifact bucket, and this server
            // has no S3: config:set and rollback stop at S3's first answer (404), after its client and first call.
            Object[][] runs = {
                {ExitCodes.OK, new String[] {"create", "train", "--code", code.toString(), "--role", "arn:aws:iam::000000000000:role/training"}},
                {ExitCodes.FAILURE, new String[] {"config:set", "-a", "train", "A1=1", "--artifact-bucket", "training"}},
                {ExitCodes.OK, new String[] {"config", "-a", "train"}},
                {ExitCodes.OK, new String[] {"releases", "-a", "train"}},
                {ExitCodes.FAILURE, new String[] {"rollback", "-a", "train", "--artifact-bucket", "training"}},
                {ExitCodes.FAILURE, new String[] {"config", "-a", "nope"}},
            };
            for (Object[] run : runs) {
                String[] command = (String[]) run[1];
                String[] args = Arrays.copyOf(command, command.length + aws.length);
                System.arraycopy(aws, 0, args, command.length, aws.length);
                expect((Integer) run[0], main.run(args), args);
            }
            // What those two would call once past the lock: a change to $LATEST and its release, made directly.
            try (AwsLambda api = AwsLambda.open(AwsOptions.fromEnvironment(env).withEndpoint(Optional.of(endpoint)))) {
                FunctionConfig latest = api.getFunction("train", FunctionConfig.LATEST);
                FunctionSettings changed = latest.settings().withEnvironment(Map.of("A1", "2"));
                FunctionConfig updated = api.updateFunctionConfiguration("train", changed, Optional.of(latest.revisionId()));
                api.publishVersion("train", "Set A1", Optional.of(updated.codeSha256()), Optional.empty());
            }
        }
    }

    /**
     * A run that ends otherwise than planned trains the archive on the wrong path (a config var name that became
     * invalid once made every {@code config:set} here a usage error, so a real one loaded its classes from the jar).
     */
    private static void expect(int exitCode, int got, String[] run) {
        if (got != exitCode) {
            throw new IllegalStateException("training run " + (run == null ? "" : String.join(" ", run) + " ")
                    + "exited " + got + ", not " + exitCode);
        }
    }

    public static void main(String[] args) throws IOException {
        Path home = Files.createTempDirectory("lambdoku-training");
        Path code = Files.createDirectories(home.resolve("code"));
        Files.writeString(code.resolve("app.py"), "def handler(event, context):\n    return event\n");
        Files.writeString(code.resolve("lambdoku.json"), "{\"name\": \"train-deploy\", \"runtime\": \"python3.12\","
                + " \"handler\": \"app.handler\", \"environment\": {\"A1\": \"1\"}}");
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        Launch launch = new Launch(Map.of("LAMBDOKU_HOME", home.toString()), home, nowhere, nowhere);
        Main main = new Main(launch);
        SpecCache.writeAll(launch); // before the runs, so the archive holds the classes their path loads
        RootHelp.writeCache(launch);
        try {
            String[][] runs = {
                {"create", "train", "--code", code.toString()},
                {"create", "train-prod"},
                {"config:set", "-a", "train", "AA=1", "BB=two words"},
                {"config", "-a", "train"},
                {"config", "-a", "train", "--json"},
                {"config:get", "-a", "train", "AA"},
                {"config:unset", "-a", "train", "BB"},
                {"releases", "-a", "train"},
                {"releases", "-a", "train", "--json"},
                {"releases:info", "-a", "train"},
                {"rollback", "-a", "train"},
                {"pipeline:add", "-a", "train", "train-prod"},
                {"pipeline:promote", "-a", "train"},
                {"pipeline", "-a", "train"},
                {"apps"},
                {"apps:info", "-a", "train"},
                {"push", "-a", "train", code.toString()},
                {"deploy", code.toString(), "--alias", "test"},
                {"deploy", code.toString(), "--dry-run"},
                {"alias:promote", "-a", "train-deploy", "test", "prod"},
                {"aliases", "-a", "train-deploy"},
                {"help"},
            };
            for (String[] run : runs) {
                expect(ExitCodes.OK, main.run(run), run);
            }
            // The error paths: a missing app, a malformed KEY=VALUE.
            expect(ExitCodes.FAILURE, main.run(new String[] {"config:set", "-a", "nope", "AA=1"}), null);
            expect(ExitCodes.FAILURE, main.run(new String[] {"config:set", "-a", "train", "1A"}), null);
            trainAws(home, code, nowhere);
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
