package io.lambdoku.aws;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A moto_server process on a free loopback port, set up as ../shared/lambda-semantics.md says: no
 * Docker for Lambda (configured before any function exists), a role in its IAM after every reset,
 * requests signed for us-east-1 with the keys test/test. Skips the calling test loudly when moto is
 * not installed, unless LAMBDOKU_REQUIRE_MOTO=1 (CI) turns that into a failure.
 */
public final class MotoServer implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ROLE = "arn:aws:iam::123456789012:role/lambdoku-test";
    public static final String BUCKET = "lambdoku-artifacts-test";

    private final Process process;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static MotoServer startOrSkip() {
        Optional<Path> binary = onPath("moto_server");
        if (binary.isEmpty()) {
            String why = "moto_server is not installed: the moto conformance target is SKIPPED";
            if ("1".equals(System.getenv("LAMBDOKU_REQUIRE_MOTO"))) {
                fail(why + ", but LAMBDOKU_REQUIRE_MOTO=1 requires it.");
            }
            System.err.println("!!! " + why + " (install moto[server] to run it) !!!");
            Assumptions.abort(why);
        }
        try {
            int port = freePort();
            Path log = Files.createTempFile("moto", ".log");
            Process p = new ProcessBuilder(binary.get().toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            MotoServer moto = new MotoServer(p, URI.create("http://127.0.0.1:" + port));
            moto.awaitReady(log);
            moto.reset();
            return moto;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto_server: " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Options for the aws backend against this server, with the artifact bucket. */
    public AwsOptions options() {
        return new AwsOptions(Optional.of(REGION), Optional.empty(), Optional.of(endpoint), Optional.of(BUCKET),
                Optional.of(new AwsOptions.StaticKeys("test", "test", Optional.empty())));
    }

    /** The environment a lambdoku process needs to talk to this server. */
    public Map<String, String> environment() {
        return Map.of("LAMBDOKU_BACKEND", "aws", "AWS_ENDPOINT_URL", endpoint.toString(), "AWS_REGION", REGION,
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "LAMBDOKU_ARTIFACT_BUCKET", BUCKET);
    }

    /** Wipes every service, then sets up Lambda without Docker, the role and the artifact bucket again. */
    public void reset() {
        post("/moto-api/reset", "");
        post("/moto-api/config", "{\"lambda\":{\"use_docker\":false}}");
        String role = "Action=CreateRole&Version=2010-05-08&RoleName=lambdoku-test&AssumeRolePolicyDocument="
                + URLEncoder.encode("{\"Version\":\"2012-10-17\",\"Statement\":[]}", StandardCharsets.UTF_8);
        signed("iam", role);
        try (AwsClients clients = new AwsClients(options())) {
            clients.s3().createBucket(b -> b.bucket(BUCKET));
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Path log) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("moto_server did not answer within 30 s: " + Files.readString(log));
    }

    private void post(String path, String body) {
        send(HttpRequest.newBuilder(endpoint.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A SigV4-signed query-protocol call: moto picks the service from the signature's scope. */
    private void signed(String service, String form) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .contentStreamProvider(() -> new ByteArrayInputStream(body)).build();
        SignedRequest signedRequest = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("test", "test"))
                .request(request)
                .payload(RequestBody.fromBytes(body).contentStreamProvider())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION));
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve("/")).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signedRequest.request().headers().forEach((k, vs) -> {
            if (!k.equalsIgnoreCase("Host") && !k.equalsIgnoreCase("Content-Length")) {
                vs.forEach(v -> b.header(k, v));
            }
        });
        send(b.build());
    }

    private void send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException("moto answered " + r.statusCode() + " to " + request.uri() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto_server did not answer " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
