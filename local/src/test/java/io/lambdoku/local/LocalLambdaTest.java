package io.lambdoku.local;

import static io.lambdoku.core.release.ReleaseScenarios.zipOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.FunctionState;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.core.lambda.PreconditionFailedException;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.StoredCode;
import io.lambdoku.core.lambda.UpdateInProgressException;
import io.lambdoku.core.lambda.UpdateStatus;
import io.lambdoku.core.lambda.VersionSummary;
import io.lambdoku.core.lambda.WeightedVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Collections;
import java.util.ArrayList;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local backend behaves like Lambda (design.md §2), not like a mock. */
class LocalLambdaTest {

    private static final FunctionSettings SETTINGS = new FunctionSettings("python3.12", "app.handler", "arn:aws:iam::000000000000:role/test", 128, 3,
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
    void theNewestVersionsAreReadFromTheNewestEndAsListingThemAllWouldGiveThem() {
        create("f");
        lambda.publishVersion("f", "one", ANY, ANY);
        setEnv("f", "AA");
        lambda.publishVersion("f", "two", ANY, ANY);
        setEnv("f", "BB");
        lambda.publishVersion("f", "three", ANY, ANY);
        lambda.deleteVersion("f", 2);

        assertThat(lambda.newestVersions("f", 1)).extracting(FunctionConfig::description).containsExactly("three");
        List<FunctionConfig> all = new ArrayList<>(lambda.listVersions("f"));
        Collections.reverse(all);
        assertThat(lambda.newestVersions("f", 5)).isEqualTo(all).extracting(FunctionConfig::version).containsExactly("3", "1");
        assertThatThrownBy(() -> lambda.newestVersions("nope", 1)).isInstanceOf(ResourceNotFoundException.class);
        // the settings-free listing reads its own query: the same versions, the same gap, the same refusal
        assertThat(lambda.versionSummaries("f", 0)).isEqualTo(all.stream().map(VersionSummary::of).toList());
        assertThat(lambda.versionSummaries("f", 1)).extracting(VersionSummary::description).containsExactly("three");
        assertThatThrownBy(() -> lambda.versionSummaries("nope", 0)).isInstanceOf(ResourceNotFoundException.class);
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
    void aSettledRevisionIsTheSameForEveryReaderAndLooksLikeAnyOther() {
        String stored = LocalLambda.newRevision();
        String settled = LocalLambda.settledRevision(stored);
        assertThat(settled).isEqualTo(LocalLambda.settledRevision(stored)).isNotEqualTo(stored)
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(LocalLambda.settledRevision(LocalLambda.newRevision())).isNotEqualTo(settled);
        assertThat(LocalLambda.settledRevision(settled)).isNotEqualTo(stored);
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

    @Test
    void aFunctionIsPendingThenActiveAndEveryChangeIsInProgressThenSuccessfulWithANewRevision() throws Exception {
        open(Duration.ofMillis(300));
        FunctionConfig created = lambda.createFunction(new NewFunction("f", SETTINGS, "", zipOf("app.py", "x"), Map.of()));
        assertThat(created.state()).isEqualTo(FunctionState.PENDING);
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration("f", SETTINGS.withTimeout(9), ANY))
                .as("no update while Pending").isInstanceOf(UpdateInProgressException.class);
        assertThatThrownBy(() -> lambda.publishVersion("f", "", ANY, ANY)).isInstanceOf(UpdateInProgressException.class);
        Thread.sleep(350);
        FunctionConfig active = lambda.getFunction("f", FunctionConfig.LATEST);
        assertThat(active.state()).isEqualTo(FunctionState.ACTIVE);
        assertThat(active.lastUpdateStatus()).isEqualTo(UpdateStatus.SUCCESSFUL);
        assertThat(active.revisionId()).as("a new RevisionId once Active").isNotEqualTo(created.revisionId());
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration("f", SETTINGS.withTimeout(9),
                Optional.of(created.revisionId()))).isInstanceOf(PreconditionFailedException.class);

        FunctionConfig updating = lambda.updateFunctionConfiguration("f", SETTINGS.withTimeout(9), Optional.of(active.revisionId()));
        assertThat(updating.state()).isEqualTo(FunctionState.ACTIVE);
        assertThat(updating.lastUpdateStatus()).isEqualTo(UpdateStatus.IN_PROGRESS);
        assertThatThrownBy(() -> lambda.publishVersion("f", "", ANY, ANY)).isInstanceOf(UpdateInProgressException.class);
        Thread.sleep(350);
        FunctionConfig done = lambda.getFunction("f", FunctionConfig.LATEST);
        assertThat(done.lastUpdateStatus()).isEqualTo(UpdateStatus.SUCCESSFUL);
        assertThat(done.revisionId()).isNotEqualTo(updating.revisionId());

        FunctionConfig v1 = lambda.publishVersion("f", "one", ANY, Optional.of(done.revisionId()));
        assertThat(v1.version()).isEqualTo("1");
        String afterPublish = lambda.getFunction("f", FunctionConfig.LATEST).revisionId();
        assertThat(afterPublish).as("publishing changes $LATEST's RevisionId").isNotEqualTo(done.revisionId());
        lambda.tagFunction("f", Map.of("team", "a"));
        assertThat(lambda.getFunction("f", FunctionConfig.LATEST).revisionId()).as("so does tagging").isNotEqualTo(afterPublish);
    }

    @Test
    void aVersionQualifiedDeleteRemovesThatVersionOnlyAndAMissingOneIsNoError() {
        create("f");
        lambda.publishVersion("f", "one", ANY, ANY);
        setEnv("f", "AA");
        lambda.publishVersion("f", "two", ANY, ANY);

        lambda.deleteVersion("f", 1);
        lambda.deleteVersion("f", 1);
        lambda.deleteVersion("f", 99);
        assertThat(lambda.listVersions("f")).extracting(FunctionConfig::version).containsExactly("2");
        assertThatThrownBy(() -> lambda.deleteVersion("nope", 1)).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void anAliasOnLatestFollowsItAndReadsThroughTheAliasArn() {
        create("f");
        lambda.createAlias("f", new AliasSpec("edge", FunctionConfig.LATEST, Optional.empty(), ""));
        setEnv("f", "AA");
        FunctionConfig viaAlias = lambda.getFunction("f", "edge");
        assertThat(viaAlias.version()).isEqualTo(FunctionConfig.LATEST);
        assertThat(viaAlias.settings().environment()).containsKey("AA");
        assertThat(viaAlias.arn()).endsWith(":function:f:edge");
        lambda.deleteAlias("f", "edge");
        lambda.deleteAlias("f", "edge");
        assertThatThrownBy(() -> lambda.getFunction("f", "edge")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void architecturesAreStoredAndTagsAreBounded() {
        create("f");
        FunctionConfig arm = lambda.updateFunctionCode("f", zipOf("app.py", "y"), Optional.of("arm64"), ANY, false);
        assertThat(arm.settings().architecture()).isEqualTo("arm64");
        assertThat(lambda.publishVersion("f", "", ANY, ANY).settings().architecture()).isEqualTo("arm64");
        Map<String, String> fifty = new java.util.HashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, "v");
        }
        lambda.tagFunction("f", fifty);
        assertThatThrownBy(() -> lambda.tagFunction("f", Map.of("one-more", "v"))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("at most 50 tags");
        assertThat(lambda.listTags("f")).hasSize(50);
    }
}
