package io.lambdoku.local;

import static io.lambdoku.core.release.ReleaseScenarios.zipOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.core.lambda.PreconditionFailedException;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.StoredCode;
import io.lambdoku.core.lambda.UpdateInProgressException;
import io.lambdoku.core.lambda.UpdateStatus;
import io.lambdoku.core.lambda.WeightedVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local backend behaves like Lambda (design.md §2), not like a mock. */
class LocalLambdaTest {

    private static final FunctionSettings SETTINGS = new FunctionSettings("python3.12", "app.handler", "role", 128, 3,
            Map.of(), List.of());
    private static final Optional<String> ANY = Optional.empty();

    @TempDir
    Path home;

    private LocalLambda lambda;

    private LocalLambda open(Duration delay) {
        lambda = LocalLambda.open(new LocalOptions(home, "eu-west-1", delay));
        return lambda;
    }

    @AfterEach
    void close() {
        if (lambda != null) {
            lambda.close();
        }
    }

    private FunctionConfig create(String name) {
        return open(Duration.ZERO).createFunction(new NewFunction(name, SETTINGS, "", zipOf("app.py", "x"), Map.of()));
    }

    private FunctionConfig setEnv(String name, String key) {
        FunctionConfig latest = lambda.getFunction(name, FunctionConfig.LATEST);
        return lambda.updateFunctionConfiguration(name, latest.settings().withEnvironment(Map.of(key, "v")), ANY);
    }

    @Test
    void codeShaAndSizeAreComputedAsLambdaDoes() {
        CodeZip zip = zipOf("app.py", "x");
        FunctionConfig f = create("f");

        assertThat(f.codeSha256()).isEqualTo(zip.codeSha256());
        assertThat(f.codeSize()).isEqualTo(zip.bytes().length);
        assertThat(f.arn()).isEqualTo("arn:aws:lambda:eu-west-1:000000000000:function:f");
    }

    @Test
    void versionNumbersAreNeverReusedAfterDeletion() {
        create("f");
        lambda.publishVersion("f", "one", ANY, ANY);
        setEnv("f", "AA");
        assertThat(lambda.publishVersion("f", "two", ANY, ANY).version()).isEqualTo("2");

        lambda.deleteVersion("f", 2);
        setEnv("f", "BB");

        assertThat(lambda.publishVersion("f", "three", ANY, ANY).version()).isEqualTo("3");
        assertThat(lambda.listVersions("f")).extracting(FunctionConfig::version).containsExactly("1", "3");
    }

    @Test
    void publishingUnchangedLatestReturnsTheNewestVersion() {
        create("f");
        FunctionConfig v1 = lambda.publishVersion("f", "first", ANY, ANY);

        FunctionConfig again = lambda.publishVersion("f", "second", ANY, ANY);

        assertThat(again.version()).isEqualTo(v1.version());
        assertThat(again.description()).isEqualTo("first");
    }

    @Test
    void everyMutationChangesTheRevisionIdAndStaleOnesAreRefused() {
        FunctionConfig created = create("f");
        FunctionConfig updated = setEnv("f", "AA");
        assertThat(updated.revisionId()).isNotEqualTo(created.revisionId());

        assertThatThrownBy(() -> lambda.updateFunctionConfiguration("f", SETTINGS, Optional.of(created.revisionId())))
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> lambda.updateFunctionCode("f", zipOf("app.py", "y"), Optional.of(created.revisionId())))
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> lambda.publishVersion("f", "d", ANY, Optional.of(created.revisionId())))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(lambda.getFunction("f", FunctionConfig.LATEST).settings().environment()).containsOnlyKeys("AA");
    }

    @Test
    void publishWithCodeShaGuardRefusesChangedCode() {
        FunctionConfig created = create("f");
        lambda.updateFunctionCode("f", zipOf("app.py", "new"), ANY);

        assertThatThrownBy(() -> lambda.publishVersion("f", "d", Optional.of(created.codeSha256()), ANY))
                .isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void updatesStayInProgressForTheConfiguredDelay() throws Exception {
        open(Duration.ofMillis(300)).createFunction(new NewFunction("f", SETTINGS, "", zipOf("app.py", "x"), Map.of()));
        assertThat(lambda.getFunction("f", FunctionConfig.LATEST).lastUpdateStatus()).isEqualTo(UpdateStatus.IN_PROGRESS);

        assertThatThrownBy(() -> lambda.publishVersion("f", "d", ANY, ANY)).isInstanceOf(UpdateInProgressException.class);
        Thread.sleep(350);

        assertThat(lambda.getFunction("f", FunctionConfig.LATEST).lastUpdateStatus()).isEqualTo(UpdateStatus.SUCCESSFUL);
        assertThat(lambda.publishVersion("f", "d", ANY, ANY).version()).isEqualTo("1");
    }

    @Test
    void invalidEnvironmentIsRefusedAndChangesNothing() {
        FunctionConfig created = create("f");

        assertThatThrownBy(() -> lambda.updateFunctionConfiguration("f", SETTINGS.withEnvironment(Map.of("_HANDLER", "x")), ANY))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration("f", SETTINGS.withMemorySize(64), ANY))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> lambda.publishVersion("f", "d".repeat(257), ANY, ANY))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(lambda.getFunction("f", FunctionConfig.LATEST).revisionId()).isEqualTo(created.revisionId());
    }

    @Test
    void aliasesPointAtPublishedVersionsAndProtectThemFromDeletion() {
        create("f");
        lambda.publishVersion("f", "one", ANY, ANY);
        setEnv("f", "AA");
        lambda.publishVersion("f", "two", ANY, ANY);

        var live = lambda.createAlias("f", new AliasSpec("live", "1", Optional.of(new WeightedVersion("2", 0.1)), ""));
        assertThat(lambda.getFunction("f", "live").version()).isEqualTo("1");

        assertThatThrownBy(() -> lambda.deleteVersion("f", 2)).isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("live");
        assertThatThrownBy(() -> lambda.createAlias("f", new AliasSpec("bad", "9", Optional.empty(), "")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.updateAlias("f", new AliasSpec("live", "2", Optional.empty(), ""),
                Optional.of("stale"))).isInstanceOf(PreconditionFailedException.class);

        lambda.updateAlias("f", new AliasSpec("live", "2", Optional.empty(), ""), Optional.of(live.revisionId()));
        lambda.deleteVersion("f", 1);
        assertThat(lambda.listVersions("f")).extracting(FunctionConfig::version).containsExactly("2");
    }

    @Test
    void tagsLiveOnTheFunction() {
        create("f");
        lambda.tagFunction("f", Map.of("team", "a", "env", "dev"));
        lambda.untagFunction("f", Set.of("env"));

        assertThat(lambda.listTags("f")).containsExactly(Map.entry("team", "a"));
    }

    @Test
    void storedCodeCanBeReusedWithoutUploading() {
        FunctionConfig created = create("f");
        lambda.updateFunctionCode("f", zipOf("app.py", "new"), ANY);

        FunctionConfig back = lambda.updateFunctionCode("f", new StoredCode(created.codeSha256(), "f", 1), ANY);

        assertThat(back.codeSha256()).isEqualTo(created.codeSha256());
        assertThatThrownBy(() -> lambda.updateFunctionCode("f", new StoredCode("nope", "f", 1), ANY))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void corruptZipIsRefused() {
        create("f");

        assertThatThrownBy(() -> lambda.updateFunctionCode("f", new CodeZip("garbage".getBytes()), ANY))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("not a zip");
    }
}
