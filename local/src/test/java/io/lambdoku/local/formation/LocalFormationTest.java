package io.lambdoku.local.formation;

import static io.lambdoku.core.release.ReleaseScenarios.zipOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.formation.DesiredChange;
import io.lambdoku.core.formation.Formation;
import io.lambdoku.core.formation.FormationStore;
import io.lambdoku.core.formation.Reconciler;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
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

/** The formation as users see it, on the local backend: managed functions whose row is gone, refused input. */
class LocalFormationTest {

    private static final FunctionSettings SETTINGS = new FunctionSettings("python3.12", "app.handler",
            "arn:aws:iam::000000000000:role/test", 128, 3, Map.of(), List.of());

    @TempDir
    Path home;

    private LocalLambda lambda;
    private Formation formation;

    @BeforeEach
    void open() {
        lambda = LocalLambda.open(new LocalOptions(home, "eu-west-1", Duration.ZERO));
        formation = new Formation(new LocalFormationStore(lambda.database()), lambda);
    }

    @AfterEach
    void close() {
        lambda.close();
    }

    @Test
    void aManagedFunctionWithoutItsRowIsListedAsDeletingAndOthersNotAtAll() {
        lambda.createFunction(new NewFunction("shop", SETTINGS, "", zipOf("app.py", "x"),
                Map.of(FormationStore.MANAGER_TAG, "local")));
        lambda.createFunction(new NewFunction("mine", SETTINGS, "", zipOf("app.py", "x"), Map.of()));
        lambda.createFunction(new NewFunction("theirs", SETTINGS, "", zipOf("app.py", "x"),
                Map.of(FormationStore.MANAGER_TAG, "another-table")));
        formation.set("cart", change(Optional.of("7"), Optional.empty()));

        assertThat(formation.list()).extracting(Formation.App::name, Formation.App::deleting)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cart", false), org.assertj.core.groups.Tuple.tuple("shop", true));
    }

    @Test
    void aSourceIsKeptAbsoluteAndMustBeAFolder() throws Exception {
        Path app = Files.createDirectories(home.resolve("apps/shop"));
        assertThat(formation.set("shop", change(Optional.empty(), Optional.of(app.resolve("../shop").toString())))
                .desired().source()).contains(app.toString());

        assertThatThrownBy(() -> formation.set("cart", change(Optional.empty(), Optional.of(home.resolve("nope").toString()))))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("Source " + home.resolve("nope") + " is not a folder");
        assertThat(formation.store().get("cart")).isEmpty();
    }

    @Test
    void refusedChangesWriteNothing() {
        formation.set("shop", change(Optional.of("7"), Optional.empty()));

        assertThatThrownBy(() -> formation.set("shop", change(Optional.of("git:main"), Optional.empty())))
                .hasMessageContaining("needs a Source folder");
        assertThatThrownBy(() -> formation.set("bad name", change(Optional.of("7"), Optional.empty())))
                .hasMessageStartingWith("Invalid function name 'bad name'");
        assertThatThrownBy(() -> formation.delete("shop", Optional.of("shap"))).hasMessageContaining("--confirm shop");
        assertThat(formation.store().get("shop").orElseThrow().generation()).isEqualTo(1);
        assertThat(formation.store().get("shop").orElseThrow().desired().version()).contains("7");
    }

    private static DesiredChange change(Optional<String> version, Optional<String> source) {
        return new DesiredChange(version, Optional.empty(), source, Optional.empty());
    }
}
