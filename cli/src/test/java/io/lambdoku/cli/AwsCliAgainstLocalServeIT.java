package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI, a real client we did not write, against 'lambdoku local serve' started as a user
 * starts it. Skipped only where the AWS CLI is absent; LAMBDOKU_REQUIRE_AWS_CLI=1 (CI) forbids that.
 */
@SuppressWarnings("unchecked")
class AwsCliAgainstLocalServeIT {

    @TempDir
    Path scratch;

    private CliRunner cli;
    private Process server;
    private String endpoint;

    @BeforeEach
    void startServer() throws Exception {
        requireAwsCli();
        cli = new CliRunner(scratch);
        // default settings: Pending / InProgress after every change, as on Lambda
        server = cli.start("local", "serve", "--port", "0");
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(String.valueOf(first));
        if (!m.find()) {
            fail("local serve did not say where it listens: " + first + " / "
                    + new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        endpoint = m.group(1);
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.destroy();
            assertThat(server.waitFor(10, TimeUnit.SECONDS)).as("local serve stops on SIGTERM").isTrue();
        }
    }

    @Test
    void theAwsCliManagesFunctionsVersionsAndAliases() throws Exception {
        byte[] zip = zip("app.py", "def handler(event, context):\n    return event\n");
        Path zipFile = Files.write(scratch.resolve("f.zip"), zip);

        Map<String, Object> created = awsJson("create-function", "--function-name", "hello", "--runtime", "python3.12",
                "--handler", "app.handler", "--role", "arn:aws:iam::000000000000:role/any",
                "--zip-file", "fileb://" + zipFile, "--environment", "Variables={GREETING=hi}");
        assertThat(created).containsEntry("FunctionName", "hello").containsEntry("Version", "$LATEST")
                .containsEntry("CodeSha256", sha256(zip)).containsEntry("Runtime", "python3.12")
                .containsEntry("State", "Pending").containsEntry("StateReasonCode", "Creating")
                .doesNotContainKey("LastUpdateStatus");
        assertThat((Map<String, Object>) created.get("Environment")).isEqualTo(Map.of("Variables", Map.of("GREETING", "hi")));
        awsWait("function-active-v2", "--function-name", "hello");

        Map<String, Object> v1 = awsJson("publish-version", "--function-name", "hello", "--description", "first");
        assertThat(v1).containsEntry("Version", "1").containsEntry("CodeSha256", sha256(zip));
        Map<String, Object> alias = awsJson("create-alias", "--function-name", "hello", "--name", "live",
                "--function-version", "1");
        assertThat(alias).containsEntry("Name", "live").containsEntry("FunctionVersion", "1");
        assertThat((String) alias.get("AliasArn")).endsWith(":function:hello:live");

        Map<String, Object> latest = awsJson("get-function-configuration", "--function-name", "hello");
        assertThat(latest).containsEntry("LastUpdateStatus", "Successful").containsEntry("State", "Active");
        assertThat((String) latest.get("RevisionId")).isNotBlank();

        // a qualified name reads that version, through the alias too
        assertThat(awsJson("get-function-configuration", "--function-name", "hello:live"))
                .containsEntry("Version", "1").containsEntry("FunctionArn", alias.get("AliasArn"));

        awsJson("update-function-code", "--function-name", "hello", "--zip-file", "fileb://" + Files.write(
                scratch.resolve("g.zip"), zip("app.py", "def handler(event, context):\n    return 2\n")));
        awsWait("function-updated-v2", "--function-name", "hello");
        assertThat(awsJson("publish-version", "--function-name", "hello")).containsEntry("Version", "2");

        // a version-qualified delete deletes that version only, never the function
        aws("delete-function", "--function-name", "hello:2");
        List<Object> versions = (List<Object>) awsJson("list-versions-by-function", "--function-name", "hello").get("Versions");
        assertThat(versions).extracting(v -> ((Map<String, Object>) v).get("Version")).containsExactly("$LATEST", "1");

        // lambdoku reads the very same store the server serves
        cli.run("config", "-a", "hello").succeeded().outContains("GREETING='hi'");
    }

    @Test
    void theAwsCliInvokesAFunctionThatRunsForReal() throws Exception {
        Path zipFile = Files.write(scratch.resolve("f.zip"), zip("app.py",
                "import os\ndef handler(event, context):\n    print('hello log')\n    return {'got': event, 'v': os.environ['AWS_LAMBDA_FUNCTION_VERSION']}\n"));
        awsJson("create-function", "--function-name", "runs", "--runtime", "python3.12", "--handler", "app.handler",
                "--role", "arn:aws:iam::000000000000:role/any", "--zip-file", "fileb://" + zipFile);
        awsWait("function-active-v2", "--function-name", "runs");
        Path out = scratch.resolve("out.json");
        Map<String, Object> answer = awsJson("invoke", "--function-name", "runs", "--payload", "{\"a\": 1}",
                "--log-type", "Tail", out.toString());
        assertThat(answer).containsEntry("StatusCode", 200).containsEntry("ExecutedVersion", "$LATEST");
        assertThat(new String(Base64.getDecoder().decode((String) answer.get("LogResult")), StandardCharsets.UTF_8))
                .contains("hello log").contains("REPORT RequestId");
        assertThat(JSON.std.mapFrom(Files.readAllBytes(out))).isEqualTo(Map.of("got", Map.of("a", 1), "v", "$LATEST"));
    }

    @Test
    void aStaleRevisionIdIsRefusedWithPreconditionFailed() throws Exception {
        Path zipFile = Files.write(scratch.resolve("f.zip"), zip("app.py", "x = 1\n"));
        awsJson("create-function", "--function-name", "acc", "--runtime", "python3.12", "--handler", "app.handler",
                "--role", "arn:aws:iam::000000000000:role/any", "--zip-file", "fileb://" + zipFile);
        awsWait("function-active-v2", "--function-name", "acc");
        String read = (String) awsJson("get-function-configuration", "--function-name", "acc").get("RevisionId");
        Map<String, Object> updating = awsJson("update-function-configuration", "--function-name", "acc", "--timeout", "10",
                "--revision-id", read);
        assertThat(updating).containsEntry("LastUpdateStatus", "InProgress");
        awsWait("function-updated-v2", "--function-name", "acc");
        assertThat(awsJson("get-function-configuration", "--function-name", "acc").get("RevisionId"))
                .as("a new RevisionId once the update completes").isNotEqualTo(updating.get("RevisionId"));

        Run stale = aws("update-function-configuration", "--function-name", "acc", "--timeout", "20",
                "--revision-id", read);
        assertThat(stale.exit).isNotZero();
        assertThat(stale.err).contains("PreconditionFailedException");
        assertThat(awsJson("get-function-configuration", "--function-name", "acc")).containsEntry("Timeout", 10);

        Run unsupported = aws("update-function-configuration", "--function-name", "acc", "--tracing-config", "Mode=Active");
        assertThat(unsupported.exit).isNotZero();
        assertThat(unsupported.err).contains("InvalidParameterValueException").contains("cannot change TracingConfig");

        Run missing = aws("get-function-configuration", "--function-name", "nope");
        assertThat(missing.exit).isNotZero();
        assertThat(missing.err).contains("ResourceNotFoundException")
                .contains("Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope");
    }

    @Test
    void everyLambdaWaiterOfTheAwsCliWorks() throws Exception {
        Path zipFile = Files.write(scratch.resolve("f.zip"), zip("app.py", "x = 1\n"));
        Map<String, Object> created = awsJson("create-function", "--function-name", "w", "--runtime", "python3.12",
                "--handler", "app.handler", "--role", "arn:aws:iam::000000000000:role/any", "--zip-file", "fileb://" + zipFile);
        assertThat(created).containsEntry("State", "Pending");
        awsWait("function-exists", "--function-name", "w");
        awsWait("function-active-v2", "--function-name", "w");
        awsWait("function-active", "--function-name", "w");
        awsJson("update-function-configuration", "--function-name", "w", "--description", "waited for");
        awsWait("function-updated-v2", "--function-name", "w");
        awsWait("function-updated", "--function-name", "w");
        assertThat(awsJson("publish-version", "--function-name", "w")).containsEntry("Version", "1")
                .containsEntry("Description", "waited for");
        awsWait("published-version-active", "--function-name", "w", "--qualifier", "1");
    }

    private void awsWait(String waiter, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("wait", waiter));
        all.addAll(List.of(args));
        Run run = aws(all.toArray(String[]::new));
        assertThat(run.exit).as("aws lambda wait %s: %s", waiter, run.err).isZero();
    }

    @Test
    void aBusyPortOrABadOptionIsOneClearSentence() throws Exception {
        String port = endpoint.substring(endpoint.lastIndexOf(':') + 1);
        cli.run("local", "serve", "--port", port).failedWith(1, "Cannot listen on 127.0.0.1:" + port);
        cli.run("local", "serve", "--port", "70000").failedWith(2, "--port must be between 0 and 65535");
        cli.run("local", "serve", "--update-delay-ms", "-1").failedWith(2, "--update-delay-ms must be between 0 and 600000");
    }

    private record Run(int exit, String out, String err) {
    }

    private Map<String, Object> awsJson(String... args) throws Exception {
        Run run = aws(args);
        assertThat(run.exit).as("aws lambda %s: %s", args[0], run.err).isZero();
        return JSON.std.mapFrom(run.out);
    }

    private Run aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "lambda", "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(scratch.toFile());
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", scratch.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", scratch.resolve("no-aws-credentials").toString());
        env.put("AWS_MAX_ATTEMPTS", "1");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static void requireAwsCli() {
        boolean present = List.of(System.getenv("PATH").split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "aws")));
        if (!present) {
            String why = "the AWS CLI (aws) is not installed: the AWS-CLI-against-local-serve test is SKIPPED";
            if ("1".equals(System.getenv("LAMBDOKU_REQUIRE_AWS_CLI"))) {
                fail(why + ", but LAMBDOKU_REQUIRE_AWS_CLI=1 requires it.");
            }
            System.err.println("!!! " + why + " !!!");
            Assumptions.abort(why);
        }
    }

    private static byte[] zip(String name, String content) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
