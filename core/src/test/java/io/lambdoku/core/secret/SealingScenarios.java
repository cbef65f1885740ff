package io.lambdoku.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.app.Apps;
import io.lambdoku.core.config.ConfigVars;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.pipeline.Pipeline;
import io.lambdoku.core.release.Release;
import io.lambdoku.core.release.ReleaseLog;
import io.lambdoku.core.release.ReleaseOutcome;
import io.lambdoku.core.release.ReleaseScenarios;
import io.lambdoku.core.release.Rollback;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Sealed config vars as users see them, written once against {@link LambdaApi} and a {@link Kms}: a subclass
 * supplies the backend (and may supply its own KMS; by default a test-only one in memory).
 */
public abstract class SealingScenarios {

    protected static final String SECRET = "hunter2-s3cret";

    protected abstract LambdaApi api();

    protected Kms kms() {
        return kms;
    }

    /** False where the target ignores RevisionId (moto 5.2.1), so no guarantee about concurrent writers can be checked. */
    protected boolean enforcesRevisionId() {
        return true;
    }

    /** The execution role functions are created with; moto requires one that exists in its IAM. */
    protected String role() {
        return "arn:aws:iam::000000000000:role/lambdoku-test";
    }

    private final InMemoryKms kms = new InMemoryKms();
    private final Fingerprints fingerprints = new Fingerprints(new byte[32]);
    private String key;

    /** Made on first use: a subclass's backend opens in its own @BeforeEach, which runs after this class's. */
    protected String key() {
        if (key == null) {
            key = kms().createKey("alias/lambdoku-test-" + System.nanoTime(), "sealing scenarios");
        }
        return key;
    }

    protected Sealing sealing() {
        return new Sealing(api(), kms(), fingerprints, Events.NONE);
    }

    private ConfigVars config() {
        return new ConfigVars(api(), Events.NONE);
    }

    private void create(String name) {
        new Apps(api(), Events.NONE).create(name, new FunctionSettings("python3.12", "app.handler",
                role(), 128, 3, Map.of(), List.of()), ReleaseScenarios.handler("ok"));
    }

    private Map<String, String> env(String function, String qualifier) {
        return api().getFunction(function, qualifier).settings().environment();
    }

    private List<Release> releases(String function) {
        return new ReleaseLog(api()).list(function, 0);
    }

    @Test
    void setSecretIsOneReleaseHoldingBase64CiphertextUnderTheLambdaContext() {
        create("acc");

        ReleaseOutcome outcome = sealing().set("acc", Map.of("DB_PASSWORD", SECRET), Optional.of(key()));

        assertThat(outcome.release()).get().extracting(Release::description).isEqualTo("Set DB_PASSWORD (sealed)");
        Map<String, String> env = env("acc", FunctionConfig.LATEST);
        assertThat(env.get("DB_PASSWORD")).doesNotContain(SECRET);
        byte[] blob = Base64.getDecoder().decode(env.get("DB_PASSWORD"));
        assertThat(new String(kms().decrypt(blob, Map.of("LambdaFunctionName", "acc")).plaintext(), StandardCharsets.UTF_8))
                .isEqualTo(SECRET);
        String fp = fingerprints.forApp("acc").of(SECRET);
        assertThat(env).containsEntry(SealedSet.VAR, "DB_PASSWORD:" + fp);
        assertThat(SealedSet.masked(env)).containsExactlyEntriesOf(Map.of("DB_PASSWORD", "<sealed " + fp + ">"));
        assertThat(api().listTags("acc")).containsEntry(AppKey.TAG, key());
    }

    @Test
    void theSameValueAgainMakesNoReleaseAndRevealDecryptsIt() {
        create("acc");
        sealing().set("acc", Map.of("DB_PASSWORD", SECRET), Optional.of(key()));

        ReleaseOutcome again = sealing().set("acc", Map.of("DB_PASSWORD", SECRET), Optional.empty());

        assertThat(again.changed()).isFalse();
        assertThat(releases("acc")).hasSize(2);
        assertThat(sealing().reveal("acc", FunctionConfig.LATEST)).containsExactlyEntriesOf(Map.of("DB_PASSWORD", SECRET));
    }

    @Test
    void sealUnsealAndRekeyAreEachOneRelease() {
        create("acc");
        config().set("acc", Map.of("DB_PASSWORD", SECRET, "MODE", "fast"));
        sealing().keys().remember("acc", key());

        assertThat(sealing().seal("acc", List.of("DB_PASSWORD"), Optional.empty()).release().get().description())
                .isEqualTo("Seal DB_PASSWORD");
        assertThat(SealedSet.of(env("acc", FunctionConfig.LATEST)).contains("DB_PASSWORD")).isTrue();
        String sealedOnce = env("acc", FunctionConfig.LATEST).get("DB_PASSWORD");

        assertThat(sealing().rekey("acc", Optional.empty()).release().get().description()).isEqualTo("Rekey DB_PASSWORD");
        assertThat(env("acc", FunctionConfig.LATEST).get("DB_PASSWORD")).isNotEqualTo(sealedOnce);

        assertThat(sealing().unseal("acc", List.of("DB_PASSWORD")).release().get().description())
                .isEqualTo("Unseal DB_PASSWORD");
        assertThat(env("acc", FunctionConfig.LATEST)).containsEntry("DB_PASSWORD", SECRET).doesNotContainKey(SealedSet.VAR);
        assertThat(releases("acc")).extracting(Release::description)
                .hasSize(5).startsWith("Unseal DB_PASSWORD", "Rekey DB_PASSWORD", "Seal DB_PASSWORD");
    }

    @Test
    void rekeyUnderANewKeyMovesTheAppAndOldReleasesStayDecryptable() {
        create("acc");
        Release sealed = sealing().set("acc", Map.of("DB_PASSWORD", SECRET), Optional.of(key())).release().orElseThrow();
        String next = kms().createKey("alias/lambdoku-next-" + System.nanoTime(), "next");

        sealing().rekey("acc", Optional.of(next));

        assertThat(api().listTags("acc")).containsEntry(AppKey.TAG, next);
        byte[] blob = Base64.getDecoder().decode(env("acc", FunctionConfig.LATEST).get("DB_PASSWORD"));
        assertThat(kms().decrypt(blob, EncryptionContexts.of("acc")).keyArn()).isEqualTo(next);
        assertThat(sealing().reveal("acc", Integer.toString(sealed.version()))).containsEntry("DB_PASSWORD", SECRET);
    }

    @Test
    void plainConfigSetCannotOverwriteASealedVarNorTheSealedList() {
        create("acc");
        sealing().set("acc", Map.of("DB_PASSWORD", SECRET), Optional.of(key()));

        assertThatThrownBy(() -> config().set("acc", Map.of("DB_PASSWORD", "plain")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("is sealed");
        assertThatThrownBy(() -> config().set("acc", Map.of(SealedSet.VAR, "X1:00000000")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("list of sealed vars");
        assertThat(releases("acc")).hasSize(2);
    }

    @Test
    void unsettingASealedVarDropsItFromTheSealedList() {
        create("acc");
        sealing().set("acc", Map.of("DB_PASSWORD", SECRET, "API_TOKEN", "tok"), Optional.of(key()));

        config().unset("acc", java.util.Set.of("DB_PASSWORD"));

        assertThat(SealedSet.of(env("acc", FunctionConfig.LATEST)).fingerprints()).containsOnlyKeys("API_TOKEN");
        config().unset("acc", java.util.Set.of("API_TOKEN"));
        assertThat(env("acc", FunctionConfig.LATEST)).isEmpty();
    }

    @Test
    void rollbackRestoresTheSealedSetOfTheTargetRelease() {
        create("acc");
        config().set("acc", Map.of("DB_PASSWORD", SECRET));
        Release plain = releases("acc").get(0);
        sealing().keys().remember("acc", key());
        sealing().seal("acc", List.of("DB_PASSWORD"), Optional.empty());
        Release sealed = releases("acc").get(0);

        new Rollback(api(), Events.NONE).to("acc", Optional.of(plain.version()));
        assertThat(env("acc", FunctionConfig.LATEST)).containsEntry("DB_PASSWORD", SECRET).doesNotContainKey(SealedSet.VAR);

        new Rollback(api(), Events.NONE).to("acc", Optional.of(sealed.version()));
        assertThat(SealedSet.of(env("acc", FunctionConfig.LATEST)).contains("DB_PASSWORD")).isTrue();
        assertThat(sealing().reveal("acc", FunctionConfig.LATEST)).containsEntry("DB_PASSWORD", SECRET);
    }

    @Test
    void promoteLeavesTheDownstreamsSecretsAlone() {
        create("dev");
        create("prod");
        sealing().set("dev", Map.of("DB_PASSWORD", "dev-password"), Optional.of(key()));
        sealing().set("prod", Map.of("DB_PASSWORD", SECRET), Optional.of(key()));
        Map<String, String> before = env("prod", FunctionConfig.LATEST);
        Pipeline pipeline = new Pipeline(api(), Events.NONE);
        pipeline.add("dev", "prod");

        pipeline.promote("dev", Optional.empty());

        assertThat(env("prod", FunctionConfig.LATEST)).isEqualTo(before);
        assertThat(sealing().reveal("prod", FunctionConfig.LATEST)).containsEntry("DB_PASSWORD", SECRET);
    }

    @Test
    void concurrentSealsAndSetsOfDifferentKeysAllLandInTheSealedList() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(enforcesRevisionId(), "the target ignores RevisionId");
        create("acc");
        sealing().keys().remember("acc", key());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<ReleaseOutcome>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String name = "KEY_" + i;
                done.add(pool.submit(() -> i(name) % 2 == 0
                        ? sealing().set("acc", Map.of(name, "secret-" + name), Optional.empty())
                        : config().set("acc", Map.of(name, "plain-" + name))));
            }
            for (java.util.concurrent.Future<ReleaseOutcome> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, String> env = env("acc", FunctionConfig.LATEST);
        assertThat(SealedSet.userVars(env)).hasSize(6);
        assertThat(SealedSet.of(env).fingerprints()).containsOnlyKeys("KEY_0", "KEY_2", "KEY_4");
        assertThat(sealing().reveal("acc", FunctionConfig.LATEST)).containsEntry("KEY_2", "secret-KEY_2");
    }

    private static int i(String name) {
        return Integer.parseInt(name.substring("KEY_".length()));
    }

    @Test
    void aValueWhoseCiphertextBreaksTheFourKbLimitIsRefusedNamingTheSizes() {
        create("acc");

        assertThatThrownBy(() -> sealing().set("acc", Map.of("BIG", "x".repeat(3500)), Optional.of(key())))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("BIG takes")
                .hasMessageContaining("3500 bytes").hasMessageContaining("4096").hasMessageNotContaining("xxxx");
        assertThat(releases("acc")).hasSize(1);
    }

    @Test
    void sealingWithoutAKeyOrUnderAnotherOneIsRefused() {
        create("acc");

        assertThatThrownBy(() -> sealing().set("acc", Map.of("DB_PASSWORD", SECRET), Optional.empty()))
                .isInstanceOf(KmsException.class).hasMessageContaining("--kms-key");
        sealing().keys().remember("acc", key());
        String other = kms().createKey("alias/other-" + System.nanoTime(), "other");
        assertThatThrownBy(() -> sealing().set("acc", Map.of("DB_PASSWORD", SECRET), Optional.of(other)))
                .isInstanceOf(KmsException.class).hasMessageContaining("config:rekey").hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> sealing().seal("acc", List.of("NOPE"), Optional.empty()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("NOPE is not set");
        assertThat(releases("acc")).hasSize(1);
    }
}
