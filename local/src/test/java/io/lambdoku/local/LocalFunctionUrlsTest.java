package io.lambdoku.local;

import static io.lambdoku.core.release.ReleaseScenarios.zipOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.FunctionUrlSpec;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.UrlAuth;
import io.lambdoku.core.lambda.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Function URLs of the local backend, as Lambda keeps them: one per $LATEST or alias, gone with their target. */
class LocalFunctionUrlsTest {

    private static final FunctionUrlSpec NONE = new FunctionUrlSpec(UrlAuth.NONE, Optional.empty());

    @TempDir
    Path home;

    private LocalLambda lambda;

    @BeforeEach
    void open() {
        lambda = LocalLambda.open(new LocalOptions(home, "eu-west-1", Duration.ZERO));
        lambda.createFunction(new NewFunction("f", new FunctionSettings("python3.12", "app.handler",
                "arn:aws:iam::000000000000:role/x", 128, 3, Map.of(), List.of()), "",
                zipOf("app.py", "def handler(e, c):\n    return e\n"), Map.of()), true);
        lambda.createAlias("f", new AliasSpec("live", "1", Optional.empty(), ""));
    }

    @AfterEach
    void close() {
        lambda.close();
    }

    @Test
    void aUrlNamesItsIdRegionAndTheDefaultPortWhenNoServerRuns() {
        FunctionUrl url = lambda.createFunctionUrl("f", Optional.empty(), NONE);
        assertThat(url.url()).matches("http://[a-z0-9]{32}\\.lambda-url\\.eu-west-1\\.localhost:9001/");
        assertThat(lambda.createFunctionUrl("f", Optional.of("live"), NONE).url()).isNotEqualTo(url.url());
        assertThat(lambda.getFunctionUrl("f", Optional.empty())).isEqualTo(url);
    }

    @Test
    void aUrlNamesThePortOfTheRunningServer() throws Exception {
        Files.writeString(home.resolve("local/serve.json"), "{\"endpoint\":\"http://127.0.0.1:4567\",\"pid\":"
                + ProcessHandle.current().pid() + "}");
        assertThat(lambda.createFunctionUrl("f", Optional.empty(), NONE).url()).endsWith(".localhost:4567/");
    }

    @Test
    void oneUrlPerTargetNeverOnAVersion() {
        lambda.createFunctionUrl("f", Optional.empty(), NONE);
        assertThatThrownBy(() -> lambda.createFunctionUrl("f", Optional.empty(), NONE)).isInstanceOf(ResourceConflictException.class);
        assertThatThrownBy(() -> lambda.createFunctionUrl("f", Optional.of("1"), NONE)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> lambda.createFunctionUrl("f", Optional.of("nope"), NONE))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.createFunctionUrl("ghost", Optional.empty(), NONE))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void updateKeepsTheUrlAndDeleteRemovesIt() {
        FunctionUrl url = lambda.createFunctionUrl("f", Optional.empty(), NONE);
        FunctionUrl updated = lambda.updateFunctionUrl("f", Optional.empty(), new FunctionUrlSpec(UrlAuth.AWS_IAM, Optional.empty()));
        assertThat(updated.url()).isEqualTo(url.url());
        assertThat(updated.auth()).isEqualTo(UrlAuth.AWS_IAM);
        lambda.deleteFunctionUrl("f", Optional.empty());
        assertThatThrownBy(() -> lambda.getFunctionUrl("f", Optional.empty())).isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Function f has no function URL.");
        assertThatThrownBy(() -> lambda.deleteFunctionUrl("f", Optional.empty())).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void deletingTheAliasOrTheFunctionDeletesItsUrls() {
        lambda.createFunctionUrl("f", Optional.empty(), NONE);
        FunctionUrl live = lambda.createFunctionUrl("f", Optional.of("live"), NONE);
        assertThat(lambda.listFunctionUrls("f")).hasSize(2);
        lambda.deleteAlias("f", "live");
        assertThat(lambda.listFunctionUrls("f")).extracting(FunctionUrl::qualifier).containsExactly(Optional.empty());
        assertThat(lambda.functionUrlById(UrlHosts.urlId(live.url()))).isEmpty();

        lambda.deleteFunction("f");
        lambda.createFunction(new NewFunction("f", new FunctionSettings("python3.12", "app.handler",
                "arn:aws:iam::000000000000:role/x", 128, 3, Map.of(), List.of()), "",
                zipOf("app.py", "def handler(e, c):\n    return e\n"), Map.of()));
        assertThat(lambda.listFunctionUrls("f")).isEmpty();
    }
}
