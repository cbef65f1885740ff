package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.server.LocalServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/**
 * The AWS SDK for Java v2's own waiters and paginators, unchanged, against lambdoku's AWS-wire server
 * on local serve's default settings (Pending after CreateFunction, InProgress for 200 ms after each
 * update). One server for the class; every test has its own function.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkJavaAgainstLocalServeIT {

    private static final String ROLE = "arn:aws:iam::" + LocalOptions.ACCOUNT + ":role/any";
    private static final int VERSIONS = 60; // over Lambda's 50 items a page

    @TempDir
    static Path home;

    private LocalLambda local;
    private LocalServer server;
    private LambdaClient lambda;
    private LambdaWaiter waiter;

    @BeforeAll
    void start() {
        local = LocalLambda.open(LocalOptions.fromEnvironment(Map.of("LAMBDOKU_HOME", home.toString()))
                .withUpdateDelay(LocalOptions.SERVE_UPDATE_DELAY));
        server = LocalServer.start(local, "127.0.0.1", 0);
        // throwaway keys, no ~/.aws profile, one attempt per call: errors are seen as the server answered them
        lambda = LambdaClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.defaultProfileFile(ProfileFile.builder().content("")
                        .type(ProfileFile.Type.CONFIGURATION).build()).retryStrategy(r -> r.maxAttempts(1)))
                .build();
        // the SDK's own acceptors, polled every 0.1 s instead of every second
        waiter = LambdaWaiter.builder().client(lambda).overrideConfiguration(WaiterOverrideConfiguration.builder()
                .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(100))).maxAttempts(100)
                .build()).build();
    }

    @AfterAll
    void stop() {
        waiter.close();
        lambda.close();
        server.close();
        local.close();
    }

    @Test
    void everyWaiterSeesCreationUpdateAndPublicationComplete() {
        CreateFunctionResponse created = create("waits", "def handler(event, context):\n    return event\n");
        assertThat(created.state()).isEqualTo(State.PENDING);

        assertSucceeded(waiter.waitUntilFunctionExists(get("waits")));
        assertThat(assertSucceeded(waiter.waitUntilFunctionActiveV2(get("waits"))).configuration().state())
                .isEqualTo(State.ACTIVE);
        assertSucceeded(waiter.waitUntilFunctionActive(getConfiguration("waits", "$LATEST")));

        assertThat(lambda.updateFunctionConfiguration(u -> u.functionName("waits").timeout(7)).lastUpdateStatus())
                .isEqualTo(LastUpdateStatus.IN_PROGRESS);
        assertThat(assertSucceeded(waiter.waitUntilFunctionUpdatedV2(get("waits"))).configuration().lastUpdateStatus())
                .isEqualTo(LastUpdateStatus.SUCCESSFUL);
        lambda.updateFunctionConfiguration(u -> u.functionName("waits").timeout(8));
        assertSucceeded(waiter.waitUntilFunctionUpdated(getConfiguration("waits", "$LATEST")));

        String version = lambda.publishVersion(p -> p.functionName("waits")).version();
        assertThat(assertSucceeded(waiter.waitUntilPublishedVersionActive(getConfiguration("waits", version))).timeout())
                .isEqualTo(8);
    }

    @Test
    void paginatorsFollowNextMarkerOverSixtyVersionsAndFunctions() {
        create("pages", "def handler(event, context):\n    return event\n");
        waiter.waitUntilFunctionActiveV2(get("pages"));
        for (int n = 1; n <= VERSIONS; n++) {
            updateWaitAndPublish("pages", n);
        }
        List<String> expected = IntStream.rangeClosed(0, VERSIONS).mapToObj(n -> n == 0 ? "$LATEST" : String.valueOf(n)).toList();

        var byDefault = lambda.listVersionsByFunctionPaginator(l -> l.functionName("pages"));
        assertThat(byDefault.versions()).extracting(FunctionConfiguration::version).isEqualTo(expected);
        assertThat(byDefault.stream().map(p -> p.versions().size())).containsExactly(50, VERSIONS + 1 - 50);
        var bySeven = lambda.listVersionsByFunctionPaginator(l -> l.functionName("pages").maxItems(7));
        assertThat(bySeven.versions()).extracting(FunctionConfiguration::version).isEqualTo(expected);
        assertThat(bySeven.stream().map(ListVersionsByFunctionResponse::versions)).hasSize(9).allMatch(v -> v.size() <= 7);

        for (int i = 0; i < 59; i++) {
            create("pages-" + i, "x = 1\n");
        }
        var functions = lambda.listFunctionsPaginator();
        assertThat(functions.functions()).extracting(FunctionConfiguration::functionName)
                .filteredOn(name -> name.startsWith("pages")).hasSize(60).doesNotHaveDuplicates();
        assertThat(functions.stream().map(p -> p.functions().size()).toList()).first().isEqualTo(50);

        lambda.createAlias(a -> a.functionName("pages").name("one").functionVersion("1"));
        lambda.createAlias(a -> a.functionName("pages").name("two").functionVersion("2"));
        var aliases = lambda.listAliasesPaginator(l -> l.functionName("pages").maxItems(1));
        assertThat(aliases.aliases()).extracting(AliasConfiguration::name).containsExactlyInAnyOrder("one", "two");
        assertThat(aliases.stream()).hasSize(2);
    }

    @Test
    void aliasesQualifiersAndVersionDeletesAnswerAsLambdaDoes() {
        create("quals", "import os\ndef handler(event, context):\n    return {'version': os.environ['AWS_LAMBDA_FUNCTION_VERSION']}\n");
        waiter.waitUntilFunctionActiveV2(get("quals"));
        for (int n = 1; n <= 3; n++) {
            updateWaitAndPublish("quals", n);
        }
        var live = lambda.createAlias(a -> a.functionName("quals").name("live").functionVersion("1"));
        var moved = lambda.updateAlias(a -> a.functionName("quals").name("live").functionVersion("2")
                .revisionId(live.revisionId()));
        assertThat(moved.revisionId()).isNotEqualTo(live.revisionId());

        assertThat(lambda.getFunction(g -> g.functionName("quals").qualifier("3")).configuration().version()).isEqualTo("3");
        FunctionConfiguration throughAlias = lambda.getFunction(g -> g.functionName(moved.aliasArn())).configuration();
        assertThat(throughAlias.version()).isEqualTo("2");
        assertThat(throughAlias.functionArn()).isEqualTo(moved.aliasArn());
        InvokeResponse ran = lambda.invoke(i -> i.functionName("quals").qualifier("live")
                .payload(SdkBytes.fromUtf8String("{}")));
        assertThat(ran.executedVersion()).isEqualTo("2");
        assertThat(ran.payload().asUtf8String()).isEqualTo("{\"version\": \"2\"}");

        lambda.deleteFunction(d -> d.functionName("quals").qualifier("3"));
        assertThat(lambda.listVersionsByFunctionPaginator(l -> l.functionName("quals")).versions())
                .extracting(FunctionConfiguration::version).containsExactly("$LATEST", "1", "2");
        assertThat(lambda.getFunction(g -> g.functionName("quals")).configuration().version()).isEqualTo("$LATEST");
    }

    @Test
    void staleRevisionIdsAndMissingFunctionsAreTheSdksModeledExceptions() {
        create("guards", "x = 1\n");
        waiter.waitUntilFunctionActiveV2(get("guards"));
        String read = lambda.getFunctionConfiguration(g -> g.functionName("guards")).revisionId();
        lambda.updateFunctionConfiguration(u -> u.functionName("guards").description("moved on").revisionId(read));
        waiter.waitUntilFunctionUpdatedV2(get("guards"));

        assertAwsError(catchThrowableOfType(() -> lambda.updateFunctionConfiguration(u -> u.functionName("guards")
                .timeout(9).revisionId(read)), PreconditionFailedException.class), "PreconditionFailedException", 412);
        assertAwsError(catchThrowableOfType(() -> lambda.publishVersion(p -> p.functionName("guards").revisionId(read)),
                PreconditionFailedException.class), "PreconditionFailedException", 412);
        String version = lambda.publishVersion(p -> p.functionName("guards")).version();
        var alias = lambda.createAlias(a -> a.functionName("guards").name("live").functionVersion(version));
        lambda.updateAlias(a -> a.functionName("guards").name("live").description("moved").revisionId(alias.revisionId()));
        assertAwsError(catchThrowableOfType(() -> lambda.updateAlias(a -> a.functionName("guards").name("live")
                .description("again").revisionId(alias.revisionId())), PreconditionFailedException.class),
                "PreconditionFailedException", 412);

        assertAwsError(catchThrowableOfType(() -> lambda.getFunction(g -> g.functionName("no-such-function")),
                ResourceNotFoundException.class), "ResourceNotFoundException", 404);
        assertAwsError(catchThrowableOfType(() -> lambda.invoke(i -> i.functionName("no-such-function")),
                ResourceNotFoundException.class), "ResourceNotFoundException", 404);
        assertAwsError(catchThrowableOfType(() -> lambda.getFunction(g -> g.functionName("guards").qualifier("99")),
                ResourceNotFoundException.class), "ResourceNotFoundException", 404);
    }

    private CreateFunctionResponse create(String name, String source) {
        return lambda.createFunction(c -> c.functionName(name).runtime(Runtime.PYTHON3_12).handler("app.handler")
                .role(ROLE).code(code -> code.zipFile(SdkBytes.fromByteArray(zip(source)))));
    }

    /** Lambda's read-modify-write: change $LATEST under its RevisionId, wait until done, publish what was read. */
    private void updateWaitAndPublish(String name, int n) {
        String before = lambda.getFunctionConfiguration(g -> g.functionName(name)).revisionId();
        lambda.updateFunctionConfiguration(u -> u.functionName(name).revisionId(before)
                .environment(e -> e.variables(Map.of("ROUND", String.valueOf(n)))));
        String after = assertSucceeded(waiter.waitUntilFunctionUpdatedV2(get(name))).configuration().revisionId();
        assertThat(lambda.publishVersion(p -> p.functionName(name).revisionId(after)).version()).isEqualTo(String.valueOf(n));
    }

    private static GetFunctionRequest get(String name) {
        return GetFunctionRequest.builder().functionName(name).build();
    }

    private static GetFunctionConfigurationRequest getConfiguration(String name, String qualifier) {
        return GetFunctionConfigurationRequest.builder().functionName(name).qualifier(qualifier).build();
    }

    private static <T> T assertSucceeded(WaiterResponse<T> waited) {
        assertThat(waited.matched().exception()).as("the waiter ended on an error").isEmpty();
        return waited.matched().response().orElseThrow();
    }

    private static void assertAwsError(LambdaException e, String code, int status) {
        assertThat(e).as("the call fails with %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
    }

    private static byte[] zip(String source) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("app.py"));
            zip.write(source.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
