package io.lambdoku.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lambdoku.core.alias.Aliases;
import io.lambdoku.core.app.Apps;
import io.lambdoku.core.app.Push;
import io.lambdoku.core.app.SettingsChange;
import io.lambdoku.core.config.ConfigVars;
import io.lambdoku.core.deploy.DeployPlan;
import io.lambdoku.core.deploy.Deployer;
import io.lambdoku.core.deploy.Manifest;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.PreconditionFailedException;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.VersionSummary;
import io.lambdoku.core.lambda.WeightedVersion;
import io.lambdoku.core.pipeline.Pipeline;
import io.lambdoku.core.pipeline.PipelineImport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The release workflow as users see it, written once against {@link LambdaApi} and run against
 * every backend by a subclass that supplies {@link #api()}.
 */
public abstract class ReleaseScenarios {

    protected abstract LambdaApi api();

    /** The execution role functions are created with; moto requires one that exists in its IAM. */
    protected String role() {
        return "arn:aws:iam::000000000000:role/lambdoku-test";
    }

    /**
     * False where the target ignores RevisionId (moto 5.2.1: null on functions, static on aliases), so
     * no guarantee about concurrent writers can be checked there.
     */
    protected boolean enforcesRevisionId() {
        return true;
    }

    /** False where the target accepts any alias routing (moto 5.2.1 does not validate RoutingConfig). */
    protected boolean validatesAliases() {
        return true;
    }

    /**
     * A KMS key ARN the target accepts as a function's at-rest key (KMSKeyArn); empty where the target does not keep
     * KMSKeyArn, which skips the scenarios about it.
     */
    protected Optional<String> atRestKey() {
        return Optional.empty();
    }

    protected FunctionSettings python() {
        return new FunctionSettings("python3.12", "app.handler", role(), 128, 3, Map.of(), List.of());
    }

    protected Release create(String name, String source) {
        return new Apps(api(), Events.NONE).create(name, python(), zipOf("app.py", source));
    }

    protected ConfigVars config() {
        return new ConfigVars(api(), Events.NONE);
    }

    protected ReleaseLog log() {
        return new ReleaseLog(api());
    }

    /** A package whose app.py defines the handler functions are created with, returning {@code answer}. */
    public static CodeZip handler(String answer) {
        return zipOf("app.py", "def handler(event, context):\n    return '" + answer + "'\n");
    }

    public static CodeZip zipOf(String file, String content) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            ZipEntry entry = new ZipEntry(file);
            entry.setTime(315_619_200_000L);
            zip.putNextEntry(entry);
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CodeZip(buffer.toByteArray());
    }

    @Test
    void createMakesReleaseOneNamedCreate() {
        Release v1 = create("hello", "v1");

        assertThat(v1.version()).isEqualTo(1);
        assertThat(log().list("hello", 0)).extracting(Release::description).containsExactly("Create");
    }

    @Test
    void configSetIsOneReleaseNamingTheKeys() {
        create("acc", "code");

        ReleaseOutcome outcome = config().set("acc", Map.of("DB_URL", "postgres://u:p@h/db?a=b", "MODE", "it's \"quoted\" ünï"));

        assertThat(outcome.release()).get().extracting(Release::version).isEqualTo(2);
        assertThat(outcome.release().get().description()).startsWith("Set ").contains("DB_URL").contains("MODE");
        assertThat(config().list("acc")).containsEntry("DB_URL", "postgres://u:p@h/db?a=b")
                .containsEntry("MODE", "it's \"quoted\" ünï");
    }

    @Test
    void settingAValueItAlreadyHasMakesNoRelease() {
        create("acc", "code");
        config().set("acc", Map.of("MODE", "fast"));

        ReleaseOutcome again = config().set("acc", Map.of("MODE", "fast"));

        assertThat(again.changed()).isFalse();
        assertThat(again.message()).contains("MODE");
        assertThat(log().list("acc", 0)).hasSize(2);
    }

    @Test
    void aValueAlreadyThereIsAnsweredByReadingAlone() {
        create("acc", "code");
        config().set("acc", Map.of("MODE", "fast", "SIZE", "2"));

        assertThat(config().alreadySet("acc", Map.of("MODE", "fast"))).get().satisfies(answer -> {
            assertThat(answer.changed()).isFalse();
            assertThat(answer.message()).isEqualTo(config().set("acc", Map.of("MODE", "fast")).message());
        });
        assertThat(config().alreadySet("acc", Map.of("MODE", "fast", "SIZE", "3"))).isEmpty();
        assertThat(config().alreadySet("acc", Map.of("OTHER", "x"))).isEmpty();
        assertThat(log().list("acc", 0)).hasSize(2);
    }

    @Test
    void unreleasedChangesOnLatestAreNeverAnsweredByReading() {
        create("acc", "code");
        FunctionSettings settings = api().getFunction("acc", FunctionConfig.LATEST).settings();
        writeWithoutPublishing("acc", Optional.of(settings.withEnvironment(Map.of("MODE", "fast"))), Optional.empty(),
                Optional.of("Set MODE"));

        assertThat(config().alreadySet("acc", Map.of("MODE", "fast"))).isEmpty();
        ReleaseOutcome set = config().set("acc", Map.of("MODE", "fast"));
        assertThat(set.recovered()).get().extracting(r -> r.release().description()).isEqualTo("Set MODE");
        assertThat(config().alreadySet("acc", Map.of("MODE", "fast"))).isPresent();
    }

    @Test
    void unsetRemovesKeysAndSaysWhenNothingWasSet() {
        create("acc", "code");
        config().set("acc", Map.of("A1", "1", "B1", "2"));

        assertThat(config().unset("acc", Set.of("A1")).release().get().description()).isEqualTo("Unset A1");
        assertThat(config().list("acc")).containsOnlyKeys("B1");
        assertThat(config().unset("acc", Set.of("A1")).changed()).isFalse();
    }

    @Test
    void releasesAreNewestFirstAndLimited() {
        create("acc", "code");
        for (int i = 0; i < 5; i++) {
            config().set("acc", Map.of("K" + i, "v"));
        }

        assertThat(log().list("acc", 0)).extracting(Release::version).containsExactly(6, 5, 4, 3, 2, 1);
        assertThat(log().list("acc", 2)).extracting(Release::description).containsExactly("Set K4", "Set K3");
    }

    @Test
    void summariesListWhatReleasesList() {
        create("sum", "code");
        config().set("sum", Map.of("K1", "v"));
        new Push(api(), Events.NONE).push("sum", handler("two"));
        config().set("sum", Map.of("K2", "v"));

        List<VersionSummary> all = log().summaries("sum", 0);

        assertThat(all).extracting(VersionSummary::label).containsExactly("v4", "v3", "v2", "v1");
        assertThat(all).containsExactlyElementsOf(log().list("sum", 0).stream().map(Release::summary).toList());
        assertThat(all.get(1).codeSha256()).isNotEqualTo(all.get(2).codeSha256());
        assertThat(log().summaries("sum", 2)).containsExactlyElementsOf(all.subList(0, 2));
    }

    @Test
    void releasesBeyondOnePageOfFiftyAreAllListedNewestFirst() {
        create("many", "code");
        for (int i = 1; i <= 55; i++) {
            config().set("many", Map.of("NUM", String.valueOf(i)));
        }

        List<Release> all = log().list("many", 0);

        assertThat(all).hasSize(56);
        assertThat(all.get(0).version()).isEqualTo(56);
        assertThat(all.get(0).settings().environment()).containsEntry("NUM", "55");
        assertThat(all.get(55).description()).isEqualTo("Create");
        assertThat(log().newest("many").version()).isEqualTo(56);
        assertThat(log().info("many", Optional.empty()).diff().changed())
                .containsEntry("NUM", new ConfigDiff.ValueChange("54", "55"));
    }

    @Test
    void aliasesPointAtReleasesAndShiftTrafficByWeight() {
        create("web", "one");
        new Push(api(), Events.NONE).push("web", handler("two"));

        Alias live = api().createAlias("web", new AliasSpec("live", "1", Optional.empty(), "production"));
        assertThat(live.functionVersion()).isEqualTo("1");
        Alias canary = api().updateAlias("web", new AliasSpec("live", "1",
                Optional.of(new WeightedVersion("2", 0.1)), "production"), Optional.of(live.revisionId()));
        assertThat(canary.additionalVersion()).contains(new WeightedVersion("2", 0.1));
        assertThat(api().getAlias("web", "live").additionalVersion()).contains(new WeightedVersion("2", 0.1));

        Alias done = api().updateAlias("web", new AliasSpec("live", "2", Optional.empty(), "production"),
                Optional.of(canary.revisionId()));
        assertThat(done.functionVersion()).isEqualTo("2");
        assertThat(done.additionalVersion()).isEmpty();
        assertThat(api().listAliases("web")).extracting(Alias::name).containsExactly("live");
        assertThatThrownBy(() -> api().getAlias("web", "nope")).isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Function web has no alias nope.");

        api().deleteAlias("web", "live");
        assertThat(api().listAliases("web")).isEmpty();
    }

    @Test
    void aliasSetAndPromoteCreateMoveAndKeepTheDescription() {
        create("web", "one");
        new Push(api(), Events.NONE).push("web", handler("two"));
        Aliases aliases = new Aliases(api(), Events.NONE);

        aliases.set("web", "test", "2", Optional.empty(), Optional.of("tested here"));
        aliases.set("web", "live", "1", Optional.of(new WeightedVersion("2", 0.25)), Optional.of("production"));
        Alias promoted = aliases.promote("web", "test", "live");

        assertThat(promoted.functionVersion()).isEqualTo("2");
        assertThat(promoted.additionalVersion()).isEmpty();
        assertThat(api().getAlias("web", "live").description()).isEqualTo("production");
        assertThat(aliases.set("web", "test", "1", Optional.empty(), Optional.empty()).description()).isEqualTo("tested here");
        assertThatThrownBy(() -> aliases.promote("web", "nope", "live")).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("no alias nope");
        if (validatesAliases()) {
            assertThatThrownBy(() -> aliases.set("web", "live", "99", Optional.empty(), Optional.empty()))
                    .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("99");
        }
    }

    @Test
    void concurrentAliasSetsOnOneAliasAllSucceed() throws Exception {
        create("web", "one");
        for (int i = 2; i <= 4; i++) {
            new Push(api(), Events.NONE).push("web", handler("v" + i));
        }
        Aliases aliases = new Aliases(api(), Events.NONE);
        aliases.set("web", "live", "1", Optional.empty(), Optional.empty());
        aliases.set("web", "test", "3", Optional.empty(), Optional.empty());
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Alias>> running = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String version = String.valueOf(1 + i % 4);
            Callable<Alias> move = i % 2 == 0
                    ? () -> aliases.set("web", "live", version, Optional.empty(), Optional.empty())
                    : () -> aliases.promote("web", "test", "live");
            running.add(pool.submit(move));
        }
        for (Future<Alias> f : running) {
            f.get();
        }
        pool.shutdown();

        assertThat(api().getAlias("web", "live").functionVersion()).isIn("1", "2", "3", "4");
    }

    @Test
    void aliasRoutingIsValidatedAndAliasedVersionsAreKept() {
        assumeTrue(validatesAliases(), "moto 5.2.1 does not validate RoutingConfig nor protect aliased versions");
        create("web", "one");
        new Push(api(), Events.NONE).push("web", handler("two"));
        api().createAlias("web", new AliasSpec("live", "1", Optional.of(new WeightedVersion("2", 0.5)), ""));

        assertThatThrownBy(() -> api().createAlias("web", new AliasSpec("bad", "1",
                Optional.of(new WeightedVersion("2", 1.5)), ""))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> api().createAlias("web", new AliasSpec("bad", FunctionConfig.LATEST,
                Optional.of(new WeightedVersion("2", 0.5)), ""))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> api().deleteVersion("web", 2)).isInstanceOf(ResourceConflictException.class);
        assertThat(log().list("web", 0)).hasSize(2);
    }

    @Test
    void aStaleCodeShaOnPublishIsALostRaceOnEveryBackend() {
        assumeTrue(enforcesRevisionId(), "moto 5.2.1 ignores PublishVersion's CodeSha256 guard");
        create("sha", "one");
        String read = api().getFunction("sha", FunctionConfig.LATEST).codeSha256();
        FunctionConfig pushed = api().updateFunctionCode("sha", zipOf("app.py", "two"), Optional.empty());
        new UpdateWaiter(api(), Events.NONE).settled(pushed);

        // AWS answers 400 InvalidParameterValueException; every adapter must make it the race AtomicRelease retries
        assertThatThrownBy(() -> api().publishVersion("sha", "stale", Optional.of(read), Optional.empty()))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(log().list("sha", 0)).hasSize(1);
    }

    @Test
    void aVersionQualifiedDeleteLeavesTheFunctionAndItsOtherReleases() {
        create("keep", "one");
        config().set("keep", Map.of("AA", "1"));
        api().deleteVersion("keep", 1);
        assertThat(api().getFunction("keep", FunctionConfig.LATEST).settings().environment()).containsEntry("AA", "1");
        assertThat(log().list("keep", 0)).extracting(Release::label).containsExactly("v2");
    }

    @Test
    void aStaleRevisionIdIsRefused() {
        assumeTrue(enforcesRevisionId(), "moto 5.2.1 does not enforce RevisionId");
        create("acc", "code");
        FunctionConfig read = api().getFunction("acc", FunctionConfig.LATEST);
        config().set("acc", Map.of("WINNER", "1"));

        assertThatThrownBy(() -> api().updateFunctionConfiguration("acc",
                read.settings().withEnvironment(Map.of("LOSER", "1")), Optional.of(read.revisionId())))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(config().list("acc")).containsOnlyKeys("WINNER");
    }

    @Test
    void releaseInfoDiffsAgainstTheReleaseBefore() {
        create("acc", "code");
        config().set("acc", Map.of("KEEP", "1", "CHANGE", "old", "DROP", "x"));
        config().set("acc", Map.of("CHANGE", "new", "ADD", "y"));
        config().unset("acc", Set.of("DROP"));

        ReleaseDetails v3 = log().info("acc", Optional.of(3));
        assertThat(v3.previous()).get().extracting(Release::version).isEqualTo(2);
        assertThat(v3.diff().added()).containsExactly(Map.entry("ADD", "y"));
        assertThat(v3.diff().changed()).containsEntry("CHANGE", new ConfigDiff.ValueChange("old", "new"));
        assertThat(log().info("acc", Optional.empty()).diff().removed()).containsExactly("DROP");
    }

    @Test
    void unknownReleaseNamesTheNewest() {
        create("acc", "code");

        assertThatThrownBy(() -> log().info("acc", Optional.of(999)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("No release v999 for function acc; newest is v1. See 'lambdoku releases'.");
    }

    @Test
    void rollbackRestoresCodeAndTheWholeConfiguration() {
        create("acc", "print('v1')");
        config().set("acc", Map.of("MODE", "one"));
        Release good = log().newest("acc");
        new Push(api(), Events.NONE).push("acc", handler("v2"));
        config().set("acc", Map.of("MODE", "two", "EXTRA", "x"));
        new Apps(api(), Events.NONE).update("acc", new SettingsChange(Optional.of(512), Optional.of(30),
                Optional.of("main.handler"), Optional.empty()));

        ReleaseOutcome outcome = new Rollback(api(), Events.NONE).to("acc", Optional.of(good.version()));

        assertThat(outcome.release().get().description()).isEqualTo("Rollback to v" + good.version());
        FunctionConfig latest = api().getFunction("acc", FunctionConfig.LATEST);
        assertThat(latest.settings()).isEqualTo(good.settings());
        assertThat(latest.settings().memorySize()).isEqualTo(128);
        assertThat(latest.settings().timeout()).isEqualTo(3);
        assertThat(latest.settings().handler()).isEqualTo("app.handler");
        assertThat(latest.settings().environment()).containsExactly(Map.entry("MODE", "one"));
        assertThat(latest.codeSha256()).isEqualTo(good.codeSha256());
    }

    @Test
    void theRollbackPlanNamesWhatWouldChangeAndChangesNothing() {
        create("acc", "print('v1')");
        config().set("acc", Map.of("MODE", "one", "GONE", "secret-one"));
        Release good = log().newest("acc");
        new Push(api(), Events.NONE).push("acc", handler("v2"));
        config().set("acc", Map.of("MODE", "two", "EXTRA", "x"));
        config().unset("acc", Set.of("GONE"));
        Release newest = log().newest("acc");

        RollbackPlan plan = new Rollback(api(), Events.NONE).plan("acc", Optional.of(good.version()));

        assertThat(plan.changesAnything()).isTrue();
        assertThat(plan.codeAvailable()).isTrue();
        assertThat(plan.lines()).containsExactly(
                "New release \"Rollback to " + good.label() + "\" of acc.",
                "Code changes back to " + Release.sha8(good.codeSha256()) + " (the code of " + good.label() + ").",
                "Config GONE is set again.",
                "Config MODE gets its value of " + good.label() + ".",
                "Config EXTRA is removed.");
        assertThat(String.join("\n", plan.lines())).doesNotContain("secret-one");
        assertThat(log().newest("acc")).isEqualTo(newest);

        new Rollback(api(), Events.NONE).to("acc", Optional.of(good.version()));
        RollbackPlan again = new Rollback(api(), Events.NONE).plan("acc", Optional.of(good.version()));
        assertThat(again.changesAnything()).isFalse();
        assertThat(again.lines()).containsExactly("No change: acc already runs the code and config of " + good.label() + ".");
    }

    /** lambdoku.json "kmsKeyArn": a deploy sets it (the plan names it), a rollback to a release before it restores the default. */
    @Test
    void theAtRestKeyIsDeployedAsASettingAndARollbackRestoresTheDefault() {
        String key = atRestKey().orElse(null);
        assumeTrue(key != null, "this target does not keep KMSKeyArn");
        create("acc", "print('v1')");
        config().set("acc", Map.of("MODE", "one"));
        Release before = log().newest("acc");
        Deployer deployer = new Deployer(api(), Events.NONE, role());
        Manifest manifest = atRestManifest("acc", key);

        DeployPlan plan = deployer.plan(manifest, handler("v2"), Optional.empty());
        assertThat(plan.describe()).anySatisfy(l -> assertThat(l).contains("kmsKeyArn (default key) -> " + key));
        deployer.deploy(plan, "Deploy with a key");

        assertThat(api().getFunction("acc", FunctionConfig.LATEST).settings().kmsKeyArn()).contains(key);
        assertThat(log().newest("acc").settings().kmsKeyArn()).contains(key);
        assertThat(deployer.plan(manifest, handler("v2"), Optional.empty()).changed()).isFalse();

        new Rollback(api(), Events.NONE).to("acc", Optional.of(before.version()));

        assertThat(api().getFunction("acc", FunctionConfig.LATEST).settings().kmsKeyArn()).isEmpty();
        assertThat(log().newest("acc").settings()).isEqualTo(before.settings());
        assertThat(deployer.plan(manifest, handler("v2"), Optional.empty()).describe())
                .anySatisfy(l -> assertThat(l).contains("kmsKeyArn (default key) -> " + key));
    }

    /** Promote copies code, not configuration: the downstream keeps its own at-rest key. */
    @Test
    void promoteLeavesTheDownstreamsAtRestKeyAlone() {
        String key = atRestKey().orElse(null);
        assumeTrue(key != null, "this target does not keep KMSKeyArn");
        create("dev", "dev code");
        create("prod", "prod code");
        config().set("dev", Map.of("DB", "dev-db"));
        config().set("prod", Map.of("DB", "prod-db"));
        Deployer deployer = new Deployer(api(), Events.NONE, role());
        deployer.deploy(deployer.plan(atRestManifest("prod", key), handler("prod"), Optional.empty()), "Deploy prod");
        Pipeline pipeline = new Pipeline(api(), Events.NONE);
        pipeline.add("dev", "prod");

        pipeline.promote("dev", Optional.empty());

        assertThat(api().getFunction("prod", FunctionConfig.LATEST).settings().kmsKeyArn()).contains(key);
        assertThat(log().newest("prod").settings().kmsKeyArn()).contains(key);
        assertThat(api().getFunction("dev", FunctionConfig.LATEST).settings().kmsKeyArn()).isEmpty();
    }

    private Manifest atRestManifest(String name, String key) {
        return new Manifest(java.nio.file.Path.of("."), name, "python3.12", "app.handler", 128, 3, Optional.of(role()),
                FunctionSettings.X86_64, "", Map.of(), List.of(), List.of(), List.of(), Optional.empty(), List.of())
                .withKmsKeyArn(Optional.of(key));
    }

    @Test
    void rollbackWithoutNumberGoesToTheReleaseBeforeTheCurrent() {
        create("acc", "code");
        config().set("acc", Map.of("MODE", "one"));
        config().set("acc", Map.of("MODE", "two"));

        ReleaseOutcome outcome = new Rollback(api(), Events.NONE).to("acc", Optional.empty());

        assertThat(outcome.release().get().description()).isEqualTo("Rollback to v2");
        assertThat(config().list("acc")).containsEntry("MODE", "one");
    }

    @Test
    void pushOfTheSameCodeMakesNoRelease() {
        create("acc", "one");
        Push push = new Push(api(), Events.NONE);
        CodeZip two = handler("two");

        assertThat(push.push("acc", two).release().get().description()).isEqualTo("Push " + two.sha256Hex().substring(0, 8));
        assertThat(push.push("acc", two).changed()).isFalse();
        assertThat(api().getFunction("acc", FunctionConfig.LATEST).codeSha256()).isEqualTo(two.codeSha256());
    }

    @Test
    void pushOfAnEmptyZipOrOneWithoutTheHandlerIsRefusedAndMakesNoRelease() {
        create("acc", "def handler(event, context):\n    return 1\n");
        Push push = new Push(api(), Events.NONE);
        FunctionConfig before = api().getFunction("acc", FunctionConfig.LATEST);

        assertThatThrownBy(() -> push.push("acc", io.lambdoku.core.code.Zips.empty()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("package is empty");
        assertThatThrownBy(() -> push.push("acc", zipOf("main.py", "def handler(e, c): pass\n")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("app.handler needs app.py");
        assertThatThrownBy(() -> push.push("acc", zipOf("app.py", "def other(e, c): pass\n")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("defines no function handler");

        assertThat(log().list("acc", 0)).hasSize(1);
        assertThat(api().getFunction("acc", FunctionConfig.LATEST).codeSha256()).isEqualTo(before.codeSha256());
    }

    /**
     * What a command killed with kill -9 after its writes leaves: $LATEST written as AtomicRelease
     * writes it (the release message in the Description first), never published.
     */
    private void writeWithoutPublishing(String function, Optional<FunctionSettings> settings, Optional<CodeZip> code,
                                        Optional<String> message) {
        UpdateWaiter waiter = new UpdateWaiter(api(), Events.NONE);
        FunctionConfig latest = waiter.settled(api().getFunction(function, FunctionConfig.LATEST));
        latest = waiter.settled(api().updateFunctionConfiguration(function, settings.orElse(latest.settings()), message,
                Optional.of(latest.revisionId())));
        if (code.isPresent()) {
            waiter.settled(api().updateFunctionCode(function, code.get(), Optional.of(latest.revisionId())));
        }
    }

    @Test
    void aDeployKilledBetweenWriteAndPublishIsReleasedByTheNextDeployUnderItsOwnMessage() {
        create("acc", "def handler(event, context):\n    return 1\n");
        CodeZip two = handler("two");
        String message = "Deploy " + two.sha256Hex().substring(0, 8) + " fix login";
        writeWithoutPublishing("acc", Optional.empty(), Optional.of(two), Optional.of(message));
        Manifest manifest = new Manifest(java.nio.file.Path.of("."), "acc", "python3.12", "app.handler", 128, 3,
                Optional.of(role()), FunctionSettings.X86_64, "", Map.of(), List.of(), List.of(), List.of(),
                Optional.empty(), List.of());
        Deployer deployer = new Deployer(api(), Events.NONE, role());

        DeployPlan plan = deployer.plan(manifest, two, Optional.empty());
        assertThat(plan.codeChanged()).isFalse();
        assertThat(plan.pending()).contains("code " + two.sha256Hex().substring(0, 8));
        assertThat(plan.changed()).isTrue();
        Deployer.Result result = deployer.deploy(plan, message);

        assertThat(result.release()).isEmpty();
        assertThat(result.recovered()).get().satisfies(r -> {
            assertThat(r.release().version()).isEqualTo(2);
            assertThat(r.release().description()).isEqualTo(message);
            assertThat(r.sentence()).isEqualTo("$LATEST had unreleased changes (code " + two.sha256Hex().substring(0, 8)
                    + "); released them as v2 '" + message + "'.");
        });
        assertThat(result.version()).isEqualTo(2);
        assertThat(log().newest("acc").codeSha256()).isEqualTo(two.codeSha256());
        assertThat(deployer.plan(manifest, two, Optional.empty()).changed()).isFalse();
    }

    @Test
    void anyNextChangeReleasesWhatAnInterruptedOneLeftThenItsOwn() {
        create("acc", "code");
        FunctionSettings settings = api().getFunction("acc", FunctionConfig.LATEST).settings()
                .withEnvironment(Map.of("DB_URL", "postgres://new"));
        writeWithoutPublishing("acc", Optional.of(settings), Optional.empty(), Optional.of("Set DB_URL"));

        ReleaseOutcome outcome = config().set("acc", Map.of("MODE", "fast"));

        assertThat(outcome.recovered()).get().satisfies(r -> {
            assertThat(r.found()).isEqualTo("config DB_URL");
            assertThat(r.release().description()).isEqualTo("Set DB_URL");
            assertThat(r.release().settings().environment()).containsOnlyKeys("DB_URL");
        });
        assertThat(outcome.release().get().description()).isEqualTo("Set MODE");
        assertThat(log().list("acc", 0)).extracting(Release::description).containsExactly("Set MODE", "Set DB_URL", "Create");
        assertThat(config().set("acc", Map.of("MODE", "fast")).recovered()).isEmpty();
    }

    @Test
    void unreleasedChangesMadeOutsideLambdokuAreReleasedNamedByWhatWasFound() {
        create("acc", "code");
        config().set("acc", Map.of("KEEP", "1"));
        FunctionSettings bigger = api().getFunction("acc", FunctionConfig.LATEST).settings().withMemorySize(256);
        writeWithoutPublishing("acc", Optional.of(bigger), Optional.empty(), Optional.empty());

        ReleaseOutcome outcome = config().set("acc", Map.of("KEEP", "1"));

        assertThat(outcome.changed()).isFalse();
        assertThat(outcome.recovered()).get().extracting(r -> r.release().description())
                .isEqualTo("Recover memory 128 -> 256");
        assertThat(log().newest("acc").settings().memorySize()).isEqualTo(256);
    }

    @Test
    void promoteCopiesCodeOnlyAndLeavesDownstreamConfigUntouched() {
        create("dev", "dev code");
        create("prod", "old prod code");
        config().set("dev", Map.of("DB", "dev-db"));
        config().set("prod", Map.of("DB", "prod-db"));
        new Apps(api(), Events.NONE).update("prod", new SettingsChange(Optional.of(1024), Optional.empty(),
                Optional.empty(), Optional.empty()));
        Pipeline pipeline = new Pipeline(api(), Events.NONE);
        pipeline.add("dev", "prod");
        FunctionSettings prodBefore = api().getFunction("prod", FunctionConfig.LATEST).settings();

        List<Pipeline.Promotion> results = pipeline.promote("dev", Optional.empty());

        Release devNewest = log().newest("dev");
        assertThat(results).singleElement().satisfies(p -> assertThat(p.outcome().get().release().get().description())
                .isEqualTo("Promote v" + devNewest.version() + " from dev"));
        FunctionConfig prod = api().getFunction("prod", FunctionConfig.LATEST);
        assertThat(prod.codeSha256()).isEqualTo(devNewest.codeSha256());
        assertThat(prod.settings()).isEqualTo(prodBefore);
        assertThat(config().list("dev")).doesNotContainKey(Pipeline.TAG);
    }

    @Test
    void thePromotionPlanSaysWhichDownstreamsWouldChangeAndChangesNothing() {
        create("dev", "new code");
        create("stage", "stage code");
        create("prod", "new code");
        Pipeline pipeline = new Pipeline(api(), Events.NONE);
        pipeline.add("dev", "stage");
        pipeline.add("dev", "prod");
        Release stageBefore = log().newest("stage");

        io.lambdoku.core.pipeline.PromotionPlan plan = pipeline.plan("dev", Optional.empty());

        assertThat(plan.release()).isEqualTo(log().newest("dev"));
        assertThat(plan.steps()).extracting(s -> s.downstream() + " " + s.changes()).containsExactly("stage true", "prod false");
        assertThat(plan.steps().get(0).current()).contains(stageBefore);
        assertThat(plan.lines().get(0)).startsWith("stage: new release with the code of dev v1 (")
                .endsWith("its v1 runs code " + Release.sha8(stageBefore.codeSha256()) + "; its config stays.");
        assertThat(plan.lines().get(1)).isEqualTo("prod: no change, it already runs the code of dev v1.");
        assertThat(log().newest("stage")).isEqualTo(stageBefore);
        assertThat(api().getFunction("stage", FunctionConfig.LATEST).codeSha256()).isEqualTo(stageBefore.codeSha256());
    }

    @Test
    void aChainPromotesStageByStage() {
        create("dev", "new code");
        create("stage", "stage code");
        create("prod", "prod code");
        Pipeline pipeline = new Pipeline(api(), Events.NONE);
        pipeline.add("dev", "stage");
        pipeline.add("stage", "prod");

        pipeline.promote("dev", Optional.empty());
        pipeline.promote("stage", Optional.empty());

        String devCode = api().getFunction("dev", FunctionConfig.LATEST).codeSha256();
        assertThat(api().getFunction("prod", FunctionConfig.LATEST).codeSha256()).isEqualTo(devCode);
        assertThat(log().newest("prod").description()).isEqualTo("Promote v2 from stage");
        assertThat(pipeline.promote("dev", Optional.empty()).get(0).outcome().get().changed()).isFalse();
    }

    @Test
    void promoteToSeveralDownstreamsInParallel() {
        create("dev", "new code");
        List<String> targets = List.of("qa", "stage", "perf");
        Pipeline pipeline = new Pipeline(api(), Events.NONE);
        for (String t : targets) {
            create(t, t + " code");
            pipeline.add("dev", t);
        }

        List<Pipeline.Promotion> results = pipeline.promote("dev", Optional.of(1));

        assertThat(results).extracting(Pipeline.Promotion::downstream).containsExactlyElementsOf(targets);
        assertThat(results).allSatisfy(p -> assertThat(p.outcome().get().changed()).isTrue());
        assertThat(pipeline.downstreams("dev")).containsExactlyElementsOf(targets);
        pipeline.remove("dev", "perf");
        assertThat(pipeline.downstreams("dev")).containsExactly("qa", "stage");
    }

    @Test
    void pipelineImportMovesDownstreamLambdasIntoTheTagInOneRelease() {
        create("dev", "dev code");
        create("stage", "stage code");
        create("prod", "prod code");
        new Pipeline(api(), Events.NONE).add("dev", "stage");
        config().set("dev", Map.of(PipelineImport.VARIABLE,
                "prod, arn:aws:lambda:us-east-1:123456789012:function:stage,", "KEEP", "1"));
        int releasesBefore = log().list("dev", 0).size();

        PipelineImport.Imported imported = new PipelineImport(api(), Events.NONE).run("dev");

        assertThat(imported.outcome().release().get().description()).isEqualTo("Import pipeline from DOWNSTREAM_LAMBDAS");
        assertThat(log().list("dev", 0)).hasSize(releasesBefore + 1);
        assertThat(imported.downstreams()).containsExactly("stage", "prod");
        assertThat(api().listTags("dev")).containsEntry(Pipeline.TAG, "stage,prod");
        assertThat(config().list("dev")).containsOnlyKeys("KEEP");
    }

    @Test
    void pipelineImportOfAMissingVarOrABadEntryChangesNothing() {
        create("dev", "dev code");
        PipelineImport pipelineImport = new PipelineImport(api(), Events.NONE);
        assertThatThrownBy(() -> pipelineImport.run("dev"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("no DOWNSTREAM_LAMBDAS");

        for (String bad : List.of("nope", "not a name", "dev", "arn:aws:s3:::bucket")) {
            config().set("dev", Map.of(PipelineImport.VARIABLE, bad));
            FunctionConfig before = api().getFunction("dev", FunctionConfig.LATEST);

            assertThatThrownBy(() -> pipelineImport.run("dev")).as(bad).isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("DOWNSTREAM_LAMBDAS of dev lists");

            assertThat(api().getFunction("dev", FunctionConfig.LATEST).revisionId()).isEqualTo(before.revisionId());
            assertThat(api().listTags("dev")).doesNotContainKey(Pipeline.TAG);
        }
    }

    @Test
    void badInputChangesNothing() {
        create("acc", "code");
        config().set("acc", Map.of("OK_KEY", "1"));
        FunctionConfig before = api().getFunction("acc", FunctionConfig.LATEST);

        assertThatThrownBy(() -> config().set("acc", Map.of("1BAD", "x"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> config().set("acc", Map.of("AWS_REGION", "x")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> config().set("acc", Map.of("BIG", "x".repeat(4100))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("4 KB");
        assertThatThrownBy(() -> config().set("nope", Map.of("A1", "x"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> new Apps(api(), Events.NONE).destroy("acc", Optional.empty()))
                .hasMessageContaining("--confirm acc");
        assertThatThrownBy(() -> new Rollback(api(), Events.NONE).to("acc", Optional.of(77)))
                .isInstanceOf(ResourceNotFoundException.class);

        FunctionConfig after = api().getFunction("acc", FunctionConfig.LATEST);
        assertThat(after.revisionId()).isEqualTo(before.revisionId());
        assertThat(log().list("acc", 0)).hasSize(2);
    }

    @Test
    void concurrentConfigSetsOfDistinctKeysAllSurvive() throws Exception {
        assumeTrue(enforcesRevisionId(), "moto 5.2.1 does not enforce RevisionId, so concurrent writers overwrite each other");
        create("acc", "code");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<ReleaseOutcome>> running = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String key = "KEY_" + i;
            Callable<ReleaseOutcome> set = () -> config().set("acc", Map.of(key, "v"));
            running.add(pool.submit(set));
        }
        for (Future<ReleaseOutcome> f : running) {
            f.get();
        }
        pool.shutdown();

        assertThat(config().list("acc")).hasSize(10);
        for (Release r : log().list("acc", 0)) {
            if (r.description().startsWith("Set ")) {
                String key = r.description().substring(4);
                assertThat(r.settings().environment()).as("release %s", r.label()).containsKey(key);
            }
        }
    }
}
