package io.lambdoku.local.formation;

import static io.lambdoku.core.formation.FormationStoreScenarios.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.formation.FormationChanges;
import io.lambdoku.core.formation.FormationStore;
import io.lambdoku.core.formation.FormationStoreScenarios;
import io.lambdoku.local.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The formation store scenarios on the store's formation table; and a feed sees another process's writes. */
class LocalFormationStoreTest extends FormationStoreScenarios {

    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("lambdoku.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    protected FormationStore store() {
        return new LocalFormationStore(db);
    }

    @Override
    protected Duration feedDelay() {
        return Duration.ofSeconds(2);
    }

    @Test
    void aFeedSeesWritesOfAnotherConnectionToTheSameFile() throws InterruptedException {
        try (Database other = Database.open(dir.resolve("lambdoku.db")); FormationChanges feed = store().changes()) {
            new LocalFormationStore(other).put("shop", version("7"));
            new LocalFormationStore(other).delete("shop");

            assertThat(collect(feed, Set.of("shop"))).containsExactly("shop");
            assertThat(feed.poll(Duration.ofMillis(300))).isEmpty();
        }
    }
}
