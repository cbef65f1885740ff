package io.lambdoku.local.rollout;

import static io.lambdoku.core.rollout.RolloutStoreScenarios.pending;
import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.rollout.Phase;
import io.lambdoku.core.rollout.RolloutStore;
import io.lambdoku.core.rollout.RolloutStoreScenarios;
import io.lambdoku.core.rollout.StoredRollout;
import io.lambdoku.local.store.Database;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollout store scenarios against the store's rollouts table, each racer with a Database of its own on
 * the same file, as separate processes open it; and what only a file can show: records outlive the process,
 * and a store made before the table gets it when opened.
 */
class LocalRolloutStoreTest extends RolloutStoreScenarios {

    @TempDir
    Path dir;

    private Database db;
    private final List<Database> others = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("lambdoku.db"));
    }

    @AfterEach
    void close() {
        others.forEach(Database::close);
        db.close();
    }

    @Override
    protected RolloutStore store() {
        return new LocalRolloutStore(db);
    }

    @Override
    protected RolloutStore anotherProcess() {
        Database other = Database.open(dir.resolve("lambdoku.db"));
        others.add(other);
        return new LocalRolloutStore(other);
    }

    @Test
    void recordsSurviveClosingAndReopeningTheStore() {
        StoredRollout first = store().create(pending("r1", "shop", "live", 0), Optional.empty()).orElseThrow();
        StoredRollout done = store().replace(first, first.rollout().finishedAt(Phase.SUCCEEDED, Instant.parse("2026-03-01T10:01:00Z")))
                .orElseThrow();
        db.close();

        db = Database.open(dir.resolve("lambdoku.db"));
        assertThat(store().current("shop", "live")).contains(done);
        assertThat(store().replace(first, first.rollout().withPhase(Phase.SHIFTING))).isEmpty();
        assertThat(store().create(pending("r2", "shop", "live", 90), Optional.of(done))).isPresent();
        assertThat(store().history("shop", 10)).extracting(r -> r.id()).containsExactly("r2", "r1");
    }

    @Test
    void aStoreFromBeforeRolloutsGetsTheTableWhenOpened() throws Exception {
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DROP TABLE rollouts");
                s.executeUpdate("PRAGMA user_version = 5");
            }
            return null;
        });
        db.close();

        db = Database.open(dir.resolve("lambdoku.db"));
        assertThat(store().create(pending("r1", "shop", "live", 0), Optional.empty())).isPresent();
        assertThat(store().current("shop", "live").orElseThrow().rollout().id()).isEqualTo("r1");
    }
}
