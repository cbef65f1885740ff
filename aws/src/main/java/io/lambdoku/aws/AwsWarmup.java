package io.lambdoku.aws;

import io.lambdoku.core.lambda.FunctionConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.ServiceMetadata;

/**
 * Does, on a background thread while the command line is still being parsed, the part of the aws
 * backend's first call that does not depend on the command: one GetFunctionConfiguration through the
 * same AwsClients and AwsLambda code as a real call, answered in memory. What the real call then finds
 * done is the class initialisation and first-run work (the SDK's service-metadata table, its client
 * configuration, endpoint rules, JSON protocol and request pipeline; the JCA providers behind SigV4's
 * HMAC-SHA256 and SHA-256; the JDK's HttpURLConnection; for an https endpoint, the trust store):
 * ~140 ms of CPU, after which the first call costs ~12 ms, near the second call's ~5 ms.
 *
 * <p>No side effects: no network (the request's HttpURLConnection is made and configured but never
 * connected, the answer is canned), no file written, no output, never a throw. The environment names the
 * region and endpoint (the same endpoint rules and http-or-https client get warmed as the command will
 * use); credentials are dummies, so no credentials chain (profile files, credential_process, instance
 * metadata) is consulted, and neither is the region chain.
 *
 * <p>Class initialisation and threads: the call path runs on the caller's thread in the real call's own
 * order; a helper thread takes the two largest parts the SDK reaches from plain static entry points and
 * that initialise nothing of the call path (ServiceMetadata, the JCA providers). A thread that reaches a
 * class the other is initialising waits for it; neither part's static initialisers reach into the other.
 */
public final class AwsWarmup {

    private static final String FUNCTION = "lambdoku-warmup";
    private static final byte[] ANSWER = ("{\"FunctionName\":\"" + FUNCTION + "\","
            + "\"FunctionArn\":\"arn:aws:lambda:us-east-1:000000000000:function:" + FUNCTION + "\","
            + "\"Runtime\":\"python3.12\",\"Role\":\"arn:aws:iam::000000000000:role/warmup\",\"Handler\":\"app.handler\","
            + "\"CodeSize\":1,\"Description\":\"\",\"Timeout\":3,\"MemorySize\":128,"
            + "\"LastModified\":\"2026-01-01T00:00:00.000+0000\",\"CodeSha256\":\"AAAA\",\"Version\":\"$LATEST\","
            + "\"Environment\":{\"Variables\":{\"A\":\"1\"}},\"TracingConfig\":{\"Mode\":\"PassThrough\"},"
            + "\"RevisionId\":\"00000000-0000-0000-0000-000000000000\",\"Layers\":[],\"State\":\"Active\","
            + "\"LastUpdateStatus\":\"Successful\",\"PackageType\":\"Zip\",\"Architectures\":[\"x86_64\"],"
            + "\"EphemeralStorage\":{\"Size\":512},\"SnapStart\":{\"ApplyOn\":\"None\",\"OptimizationStatus\":\"Off\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private AwsWarmup() {
    }

    /** Never throws; returns once the work is done (the helper joined), so a caller may wait for it. */
    public static void run() {
        try {
            run(System.getenv());
        } catch (Throwable ignored) {
            // A warm-up that fails only means the real call pays for what it skipped.
        }
    }

    /** Whether the warm call went through to its (canned) answer: a warm-up that quietly did nothing is a test failure. */
    static boolean run(Map<String, String> env) {
        Thread helper = null;
        try {
            helper = new Thread(AwsWarmup::staticState, "lambdoku-aws-warmup");
            helper.setDaemon(true);
            helper.start();
        } catch (Throwable e) {
            staticState(); // no second thread: this one does it all
        }
        boolean answered = call(env);
        if (helper != null) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return answered;
    }

    /**
     * The SDK's table of every service's endpoints (~300 classes initialised, ~40 ms, for the signing
     * region the client builder derives from it even when the region is given) and the JCA providers
     * SigV4 asks for (HmacSHA256 is found only after SunEC and SunJSSE are loaded, ~20 ms).
     */
    private static void staticState() {
        try {
            ServiceMetadata.of("lambda");
            Mac.getInstance("HmacSHA256");
            MessageDigest.getInstance("SHA-256");
        } catch (Throwable ignored) {
            // A warm-up that fails only means the real call pays for what it skipped.
        }
    }

    private static boolean call(Map<String, String> environment) {
        try {
            AwsOptions env = AwsOptions.fromEnvironment(environment);
            AwsOptions options = new AwsOptions(Optional.of(env.region().orElse("us-east-1")), Optional.empty(),
                    env.endpoint(), Optional.empty(),
                    Optional.of(new AwsOptions.StaticKeys("AKIDWARMUP", "warmup", Optional.empty())), env.serviceEndpoints());
            try (AwsLambda lambda = new AwsLambda(new AwsClients(options, new Canned()))) {
                return lambda.getFunction(FUNCTION, FunctionConfig.LATEST).name().equals(FUNCTION);
            }
        } catch (Throwable ignored) {
            return false; // the real call pays for what this skipped
        }
    }

    /**
     * Prepares each request as the real client would (the JDK's HttpURLConnection made and configured,
     * never connected) and answers it from memory.
     */
    private static final class Canned implements SdkHttpClient {

        private final SdkHttpClient real = AwsClients.newHttpClient();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            real.prepareRequest(request);
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200).statusText("OK")
                                    .headers(Map.of("Content-Type", List.of("application/json"),
                                            "Content-Length", List.of(String.valueOf(ANSWER.length)),
                                            "x-amzn-RequestId", List.of("00000000-0000-0000-0000-000000000000")))
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(ANSWER)))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public String clientName() {
            return real.clientName();
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
