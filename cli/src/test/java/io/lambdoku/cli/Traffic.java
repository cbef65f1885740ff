package io.lambdoku.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Real traffic on {@code function:alias} while a test runs: 'local serve' started through the launcher, and a
 * thread invoking through it with the AWS SDK as fast as the functions answer, counting which version ran (as
 * Lambda's X-Amz-Executed-Version says) and how many answered with a function error.
 */
final class Traffic implements AutoCloseable {

    private final LocalServe serve;
    private final LambdaClient lambda;
    private final Thread loop;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, AtomicInteger> executed = new ConcurrentHashMap<>();
    private final AtomicInteger errors = new AtomicInteger();

    private Traffic(LocalServe serve, String function, String alias) {
        this.serve = serve;
        // throwaway keys, no ~/.aws profile, one attempt per call: every invocation is seen as served
        this.lambda = LambdaClient.builder().endpointOverride(java.net.URI.create(serve.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.defaultProfileFile(ProfileFile.builder().content("")
                        .type(ProfileFile.Type.CONFIGURATION).build()).retryStrategy(r -> r.maxAttempts(1)))
                .build();
        this.loop = new Thread(() -> invokeUntilClosed(function, alias), "traffic-" + function + "-" + alias);
        loop.setDaemon(true);
        loop.start();
    }

    static Traffic on(CliRunner cli, String function, String alias) throws Exception {
        return new Traffic(LocalServe.start(cli), function, alias);
    }

    private void invokeUntilClosed(String function, String alias) {
        while (running.get()) {
            try {
                InvokeResponse r = lambda.invoke(b -> b.functionName(function).qualifier(alias));
                executed.computeIfAbsent(r.executedVersion(), v -> new AtomicInteger()).incrementAndGet();
                if (r.functionError() != null) {
                    errors.incrementAndGet();
                }
            } catch (RuntimeException e) {
                // the alias mid-change or the server stopping: traffic goes on, as a client's would
                pause();
            }
        }
    }

    /** How many invocations ran {@code version}. */
    int ran(String version) {
        AtomicInteger n = executed.get(version);
        return n == null ? 0 : n.get();
    }

    int total() {
        return executed.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Waits until {@code n} invocations were served, so gates have traffic to read from the start. */
    Traffic warmed(int n) throws InterruptedException {
        for (int i = 0; i < 600 && total() < n; i++) {
            Thread.sleep(100);
        }
        return this;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws Exception {
        running.set(false);
        loop.join(30_000);
        lambda.close();
        serve.close();
    }
}
