package io.lambdoku.cli;

import io.lambdoku.aws.AwsLambda;
import io.lambdoku.aws.AwsOptions;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The launcher runs this once per build to make its class-data archive: it writes the commands' spec files
 * and exercises the everyday commands against a throwaway store, so that the archive holds what they load.
 * The argument says which: {@code all} (the default: JDK 17-24 makes the archive for the class path with the AWS SDK
 * from it) and {@code local} (the local commands alone: every JDK makes their archive from it, which then holds none
 * of what the aws backend's training loads), or for JDK 25+, whose AOT cache loads every class it holds at each start,
 * used or not, one part per run: {@code specs} (the spec files and help alone, in a run that makes no cache), then
 * {@code local}, {@code aws-reads} (the aws backend's everyday reads) and {@code aws} (all its commands), each for a
 * cache of its own.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    /**
     * The aws backend's commands, against lambdoku's own AWS-wire server. For JDK 17-24's archive of the SDK's class path
     * ({@code all}) the server runs in this process, and {@code create} is trained as well. For the aws commands' own caches, which every start loads whole, the server
     * runs in a child process that makes the function and a release itself, so a cache holds no local backend's
     * classes; {@code aws-reads} trains the everyday reads alone, {@code aws} the changes as well.
     */
    private static void trainAws(Path home, Path code, String mode) throws IOException {
        Path serverHome = home.resolve("served");
        try (TrainingServer server = mode.equals("all") ? TrainingServer.inProcess(serverHome)
                : TrainingServer.child(serverHome, List.of("create", "train", "--code", code.toString()),
                        List.of("config:set", "-a", "train", "A1=1"))) {
            String endpoint = server.endpoint();
            Map<String, String> env = Map.of("LAMBDOKU_HOME", home.toString(), "AWS_ACCESS_KEY_ID", "training",
                    "AWS_SECRET_ACCESS_KEY", "training", "AWS_REGION", "us-east-1");
            Trainer trainer = new Trainer(env, home, List.of("--backend", "aws", "--endpoint-url", endpoint));
            if (mode.equals("all")) {
                trainer.run(ExitCodes.OK, "", "create", "train", "--code", code.toString(),
                        "--role", "arn:aws:iam::000000000000:role/training");
            }
            if (!mode.equals("aws-reads")) {
                trainChanges(trainer, env, endpoint);
            }
            trainer.run(ExitCodes.OK, "", "config", "-a", "train");
            trainer.run(ExitCodes.OK, "", "config:get", "-a", "train", "A1");
            trainer.run(ExitCodes.OK, "", "releases", "-a", "train");
            trainer.run(ExitCodes.OK, "", "apps:info", "-a", "train");
            trainer.run(ExitCodes.FAILURE, "nope", "config", "-a", "nope");
        }
    }

    private static void trainChanges(Trainer trainer, Map<String, String> env, String endpoint) {
        // A change takes the function's lock, which the aws backend keeps in the artifact bucket, and this server
        // has no S3: config:set and rollback stop at S3's first answer (404), after its client and first call. A value
        // the function has would be answered by reading, before the lock: A1=2 is a change in both modes.
        trainer.run(ExitCodes.FAILURE, "implement S3", "config:set", "-a", "train", "A1=2", "--artifact-bucket", "training");
        trainer.run(ExitCodes.FAILURE, "implement S3", "rollback", "-a", "train", "--artifact-bucket", "training");
        // What those two would call once past the lock: a change to $LATEST and its release, made directly.
        try (AwsLambda api = AwsLambda.open(AwsOptions.fromEnvironment(env).withEndpoint(Optional.of(endpoint)))) {
            FunctionConfig latest = api.getFunction("train", FunctionConfig.LATEST);
            FunctionSettings changed = latest.settings().withEnvironment(Map.of("A1", "2"));
            FunctionConfig updated = api.updateFunctionConfiguration("train", changed, Optional.of(latest.revisionId()));
            api.publishVersion("train", "Set A1", Optional.of(updated.codeSha256()), Optional.empty());
        }
    }

    /**
     * Runs commands as the CLI would, each checked against its planned end: a run that ends otherwise trains the
     * archive on the wrong path (a config var name that had become invalid once made every {@code config:set} here
     * a usage error, so a real one loaded its classes from the jar), and fails the training with its stderr.
     */
    private record Trainer(Map<String, String> env, Path home, List<String> suffix) {

        void run(int exitCode, String stderrSays, String... command) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(suffix);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
            Main main = new Main(new Launch(env, home, nowhere, new PrintStream(err, true)));
            int got = main.run(args.toArray(String[]::new));
            String said = err.toString(StandardCharsets.UTF_8);
            if (got != exitCode || !said.contains(stderrSays)) {
                String planned = exitCode + (stderrSays.isEmpty() ? "" : " saying '" + stderrSays + "'");
                throw new IllegalStateException("training run '" + String.join(" ", args) + "' exited " + got
                        + ", not " + planned + "; stderr: " + said);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        String mode = args.length > 0 ? args[0] : "all";
        if (!List.of("all", "specs", "local", "aws-reads", "aws").contains(mode)) {
            throw new IllegalArgumentException("training mode is all, specs, local, aws-reads or aws, not " + mode);
        }
        Path home = Files.createTempDirectory("lambdoku-training");
        Path code = Files.createDirectories(home.resolve("code"));
        Files.writeString(code.resolve("app.py"), "def handler(event, context):\n    return event\n");
        Files.writeString(code.resolve("lambdoku.json"), "{\"name\": \"train-deploy\", \"runtime\": \"python3.12\","
                + " \"handler\": \"app.handler\", \"environment\": {\"A1\": \"1\"}}");
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        Launch launch = new Launch(Map.of("LAMBDOKU_HOME", home.toString()), home, nowhere, nowhere);
        StaleJar.found(); // Main.main asks it first on every run
        if (mode.equals("all") || mode.equals("specs")) {
            SpecCache.writeAll(launch); // before the runs, so the archive holds the classes their path loads
            RootHelp.writeCache(launch);
        }
        try {
            if (mode.equals("all") || mode.equals("local")) {
                trainLocal(launch, home, code);
            }
            if (!mode.equals("specs") && !mode.equals("local")) {
                trainAws(home, code, mode);
            }
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void trainLocal(Launch launch, Path home, Path code) {
        Trainer trainer = new Trainer(launch.env(), home, List.of());
        trainer.run(ExitCodes.OK, "", "create", "train", "--code", code.toString());
        trainer.run(ExitCodes.OK, "", "create", "train-prod");
        trainer.run(ExitCodes.OK, "", "config:set", "-a", "train", "AA=1", "BB=two words");
        trainer.run(ExitCodes.OK, "", "config:set", "-a", "train", "AA=1"); // a value it has: answered by reading
        trainer.run(ExitCodes.OK, "", "config", "-a", "train");
        trainer.run(ExitCodes.OK, "", "config", "-a", "train", "--json");
        trainer.run(ExitCodes.OK, "", "config:get", "-a", "train", "AA");
        trainer.run(ExitCodes.OK, "", "config:unset", "-a", "train", "BB");
        trainer.run(ExitCodes.OK, "", "releases", "-a", "train");
        trainer.run(ExitCodes.OK, "", "releases", "-a", "train", "--json");
        trainer.run(ExitCodes.OK, "", "releases:info", "-a", "train");
        trainer.run(ExitCodes.OK, "", "rollback", "-a", "train");
        trainer.run(ExitCodes.OK, "", "pipeline:add", "-a", "train", "train-prod");
        trainer.run(ExitCodes.OK, "", "pipeline:promote", "-a", "train");
        trainer.run(ExitCodes.OK, "", "pipeline", "-a", "train");
        trainer.run(ExitCodes.OK, "", "apps");
        trainer.run(ExitCodes.OK, "", "apps:info", "-a", "train");
        trainer.run(ExitCodes.OK, "", "push", "-a", "train", code.toString());
        trainer.run(ExitCodes.OK, "", "deploy", code.toString(), "--alias", "test");
        trainer.run(ExitCodes.OK, "", "deploy", code.toString(), "--dry-run");
        trainer.run(ExitCodes.OK, "", "alias:promote", "-a", "train-deploy", "test", "prod");
        trainer.run(ExitCodes.OK, "", "aliases", "-a", "train-deploy");
        trainer.run(ExitCodes.OK, "", "help");
        // The error paths: a missing app, a malformed KEY=VALUE.
        trainer.run(ExitCodes.FAILURE, "does not exist", "config:set", "-a", "nope", "AA=1");
        trainer.run(ExitCodes.FAILURE, "is not NAME=value", "config:set", "-a", "train", "1A");
    }
}
