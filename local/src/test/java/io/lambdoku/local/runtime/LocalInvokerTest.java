package io.lambdoku.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.invoke.InvocationType;
import io.lambdoku.core.invoke.InvokeRequest;
import io.lambdoku.core.invoke.InvokeResult;
import io.lambdoku.core.invoke.LogEvent;
import io.lambdoku.core.invoke.MinuteMetrics;
import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.WeightedVersion;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Functions run for real, each environment an OS process of its runtime, through the Runtime API. */
@SuppressWarnings("unchecked")
class LocalInvokerTest {

    @TempDir
    Path tmp;

    LocalLambda lambda;
    private LocalInvoker invoker;

    @BeforeEach
    void open() {
        lambda = LocalLambda.open(new LocalOptions(tmp.resolve("home"), "eu-west-1", Duration.ZERO));
        invoker = newInvoker(lambda);
    }

    @AfterEach
    void close() {
        invoker.close();
        lambda.close();
    }

    /** Overridden to run the same specification without the sandbox. */
    LocalInvoker newInvoker(LocalLambda lambda) {
        return new LocalInvoker(lambda);
    }

    private void create(String name, String runtime, String handler, int timeout, Map<String, String> env, String... files)
            throws Exception {
        new FunctionFixture(tmp, lambda).create(name, runtime, handler, timeout, env, files);
    }

    private InvokeResult invoke(String name, String qualifier, String payload) {
        return FunctionFixture.invoke(invoker, name, qualifier, payload);
    }

    private static Map<String, Object> json(InvokeResult r) throws Exception {
        return FunctionFixture.json(r);
    }

    private static final String PY_ENV = """
            import os
            def handler(event, context):
                print("saw", event)
                return {k: os.environ.get(k) for k in event["keys"]} | {"remaining": context.get_remaining_time_in_millis() > 0}
            """;

    @Test
    void pythonSeesItsConfigAndLambdasVariablesAndANewReleasesEnvOnTheNextInvoke() throws Exception {
        create("py", "python3.12", "app.handler", 3, Map.of("GREETING", "hi"), "app.py", PY_ENV);
        String keys = "{\"keys\": [\"GREETING\", \"AWS_LAMBDA_FUNCTION_NAME\", \"AWS_LAMBDA_FUNCTION_VERSION\","
                + " \"AWS_LAMBDA_FUNCTION_MEMORY_SIZE\", \"AWS_REGION\", \"_HANDLER\", \"AWS_LAMBDA_LOG_GROUP_NAME\"]}";
        InvokeResult first = invoke("py", null, keys);
        assertThat(first.functionError()).isEmpty();
        assertThat(json(first)).containsEntry("GREETING", "hi").containsEntry("AWS_LAMBDA_FUNCTION_NAME", "py")
                .containsEntry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST").containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
                .containsEntry("AWS_REGION", "eu-west-1").containsEntry("_HANDLER", "app.handler")
                .containsEntry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/py").containsEntry("remaining", true);
        String log = new String(Base64.getDecoder().decode(first.logTail().orElseThrow()), StandardCharsets.UTF_8);
        assertThat(log).contains("START RequestId: ").contains("saw {'keys'").contains("END RequestId: ")
                .containsPattern("REPORT RequestId: \\S+\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms\tMemory Size: 128 MB"
                        + "\tMax Memory Used: \\d+ MB\tInit Duration: [0-9.]+ ms");

        FunctionConfig latest = lambda.getFunction("py", FunctionConfig.LATEST);
        lambda.updateFunctionConfiguration("py", latest.settings().withEnvironment(Map.of("GREETING", "bye")),
                Optional.of(latest.revisionId()));
        assertThat(json(invoke("py", null, keys))).containsEntry("GREETING", "bye");
    }

    @Test
    void nodeAndAProvidedShellBootstrapRun() throws Exception {
        create("node", "nodejs20.x", "index.handler", 3, Map.of(), "index.mjs",
                "export const handler = async (e) => ({ got: e.n * 2, v: process.env.AWS_LAMBDA_FUNCTION_VERSION });");
        assertThat(json(invoke("node", null, "{\"n\": 21}"))).containsEntry("got", 42).containsEntry("v", "$LATEST");

        create("sh", "provided.al2023", "unused", 3, Map.of(), "bootstrap", """
                #!/bin/sh
                API="http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime"
                while true; do
                  HEADERS=$(mktemp)
                  EVENT=$(curl -sS -D "$HEADERS" "$API/invocation/next")
                  ID=$(grep -i '^lambda-runtime-aws-request-id:' "$HEADERS" | cut -d' ' -f2 | tr -d '\\r')
                  echo "shell got $EVENT"
                  curl -sS -X POST "$API/invocation/$ID/response" -d "{\\"echo\\": $EVENT}" >/dev/null
                done
                """);
        InvokeResult r = invoke("sh", null, "{\"a\": 1}");
        assertThat(json(r)).isEqualTo(Map.of("echo", Map.of("a", 1)));
        assertThat(new String(Base64.getDecoder().decode(r.logTail().orElseThrow()), StandardCharsets.UTF_8)).contains("shell got");
    }

    @Test
    void timeoutsCrashesInitErrorsAndHugeResponsesFailAsOnLambdaAndTheNextInvokeWorks() throws Exception {
        create("slow", "python3.12", "app.handler", 1, Map.of(), "app.py", """
                import time
                def handler(event, context):
                    if event.get("sleep"):
                        time.sleep(5)
                    return "ok"
                """);
        InvokeResult timedOut = invoke("slow", null, "{\"sleep\": true}");
        assertThat(timedOut.functionError()).contains("Unhandled");
        assertThat(new String(timedOut.payload(), StandardCharsets.UTF_8)).contains("Task timed out after 1.00 seconds");
        assertThat(new String(invoke("slow", null, "{}").payload(), StandardCharsets.UTF_8)).isEqualTo("\"ok\"");

        create("crash", "python3.12", "app.handler", 3, Map.of(), "app.py", """
                import os
                def handler(event, context):
                    if event.get("die"):
                        os._exit(3)
                    return "alive"
                """);
        InvokeResult crashed = invoke("crash", null, "{\"die\": true}");
        assertThat(json(crashed)).containsEntry("errorType", "Runtime.ExitError");
        assertThat((String) json(crashed).get("errorMessage")).contains("Runtime exited with error: exit status 3");
        assertThat(new String(invoke("crash", null, "{}").payload(), StandardCharsets.UTF_8)).isEqualTo("\"alive\"");

        create("broken", "python3.12", "app.handler", 3, Map.of(), "app.py", "raise ValueError('bad config at import')\n");
        InvokeResult init = invoke("broken", null, "{}");
        assertThat(init.functionError()).contains("Unhandled");
        assertThat((String) json(init).get("errorMessage")).contains("bad config at import");

        create("raises", "python3.12", "app.handler", 3, Map.of(), "app.py", "def handler(e, c):\n    raise KeyError('nope')\n");
        InvokeResult raised = invoke("raises", null, "{}");
        assertThat(json(raised)).containsEntry("errorType", "KeyError");

        create("huge", "python3.12", "app.handler", 3, Map.of(), "app.py", "def handler(e, c):\n    return 'x' * (7 * 1024 * 1024)\n");
        assertThat(json(invoke("huge", null, "{}"))).containsEntry("errorType", "Function.ResponseSizeTooLarge");

        assertThatThrownBy(() -> invoke("raises", null, "not json")).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Could not parse request body into json");
    }

    @Test
    void aNinetyTenAliasRoutesByWeightAndLogsAndMetricsMatchTheInvocations() throws Exception {
        create("canary", "python3.12", "app.handler", 3, Map.of(), "app.py",
                "import os\ndef handler(e, c):\n    print('ran', os.environ['AWS_LAMBDA_FUNCTION_VERSION'])\n"
                        + "    return os.environ['AWS_LAMBDA_FUNCTION_VERSION']\n");
        String sha = lambda.getFunction("canary", FunctionConfig.LATEST).codeSha256();
        lambda.publishVersion("canary", "v1", Optional.of(sha), Optional.empty());
        FunctionConfig latest = lambda.getFunction("canary", FunctionConfig.LATEST);
        lambda.updateFunctionConfiguration("canary", latest.settings().withMemorySize(256), Optional.of(latest.revisionId()));
        lambda.publishVersion("canary", "v2", Optional.empty(), Optional.empty());
        lambda.createAlias("canary", new AliasSpec("live", "1", Optional.of(new WeightedVersion("2", 0.1)), ""));

        int n = 2000;
        int second = 0;
        for (int i = 0; i < n; i++) {
            InvokeResult r = invoker.invoke(new InvokeRequest("canary", "live", "{}".getBytes(StandardCharsets.UTF_8),
                    InvocationType.REQUEST_RESPONSE, false));
            assertThat(new String(r.payload(), StandardCharsets.UTF_8)).isEqualTo("\"" + r.executedVersion() + "\"");
            second += r.executedVersion().equals("2") ? 1 : 0;
        }
        // binomial(2000, 0.1): mean 200, sd 13.4; 140..260 is 4.5 sd, a false alarm once in 150,000 runs
        assertThat(second).isBetween(140, 260);

        invoker.flush();
        InvocationQueries queries = new InvocationQueries(lambda);
        List<MinuteMetrics> metrics = queries.metrics("canary", 0, Optional.of("live"));
        assertThat(metrics.stream().mapToInt(MinuteMetrics::invocations).sum()).isEqualTo(n);
        assertThat(metrics.stream().filter(m -> m.version().equals("2")).mapToInt(MinuteMetrics::invocations)
                .sum()).isEqualTo(second);
        assertThat(metrics).allSatisfy(m -> assertThat(m.errors()).isZero());
        List<LogEvent> logs = queries.logs("canary", 0, Optional.of("ran 2"), 100_000);
        assertThat(logs).hasSize(second);
        assertThat(queries.logs("canary", 0, Optional.of("START RequestId"), 100_000)).hasSize(n);
    }

    @Test
    void eventInvocationsAnswer202AndRunInTheBackgroundAndDryRunChecksOnly() throws Exception {
        create("ev", "python3.12", "app.handler", 3, Map.of(), "app.py", "def handler(e, c):\n    print('event ran')\n");
        InvokeResult queued = invoker.invoke(new InvokeRequest("ev", null, "{}".getBytes(StandardCharsets.UTF_8),
                InvocationType.EVENT, false));
        assertThat(queued.statusCode()).isEqualTo(202);
        InvokeResult dry = invoker.invoke(new InvokeRequest("ev", null, "{}".getBytes(StandardCharsets.UTF_8),
                InvocationType.DRY_RUN, false));
        assertThat(dry.statusCode()).isEqualTo(204);
        invoker.close(); // waits for the queued invocation
        assertThat(new InvocationQueries(lambda).logs("ev", 0, Optional.of("event ran"), 10)).hasSize(1);
    }

    @Test
    void concurrentFirstInvocationsOfAFreshVersionAllSucceed() throws Exception {
        create("fresh", "python3.12", "app.handler", 10, Map.of(), "app.py",
                "import time\ndef handler(e, c):\n    time.sleep(0.3)\n    return e['n']\n");
        int n = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<InvokeResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String payload = "{\"n\": " + i + "}";
                results.add(pool.submit(() -> {
                    go.await();
                    return invoke("fresh", null, payload);
                }));
            }
            go.countDown();
            for (int i = 0; i < n; i++) {
                InvokeResult r = results.get(i).get();
                assertThat(r.functionError()).isEmpty();
                assertThat(new String(r.payload(), StandardCharsets.UTF_8)).isEqualTo(String.valueOf(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void strayConnectionsToTheRuntimeApiGetNothingAndTheNextInvocationWorks() throws Exception {
        create("api", "python3.12", "app.handler", 3, Map.of(), "app.py",
                "import os\ndef handler(e, c):\n    return os.environ['AWS_LAMBDA_RUNTIME_API']\n");
        String api = (String) com.fasterxml.jackson.jr.ob.JSON.std.anyFrom(invoke("api", null, "{}").payload());
        assertThat(api).matches("127\\.0\\.0\\.1:[0-9]+/[A-Za-z0-9_-]{32}");
        int port = Integer.parseInt(api.substring(api.indexOf(':') + 1, api.indexOf('/')));
        try (java.net.Socket half = new java.net.Socket("127.0.0.1", port);
             java.net.Socket guess = new java.net.Socket("127.0.0.1", port)) {
            // half a request, held open: it must not stall the server
            half.getOutputStream().write("GET /2018-06-01/runtime/invo".getBytes(StandardCharsets.US_ASCII));
            half.getOutputStream().flush();
            // the path Lambda documents, without the environment's secret: refused, the invocation stays
            guess.setSoTimeout(5000);
            guess.getOutputStream().write(("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            guess.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(guess.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.1 404");
            for (int i = 0; i < 3; i++) {
                InvokeResult next = invoke("api", null, "{}");
                assertThat(next.functionError()).isEmpty();
                assertThat(new String(next.payload(), StandardCharsets.UTF_8)).isEqualTo("\"" + api + "\"");
            }
        }
    }
}
