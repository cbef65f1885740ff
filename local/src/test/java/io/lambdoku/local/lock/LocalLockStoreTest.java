package io.lambdoku.local.lock;

import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.lock.LockStore;
import io.lambdoku.core.lock.LockStoreScenarios;
import io.lambdoku.local.activity.LocalActivity;
import io.lambdoku.local.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The lock scenarios against the store's locks and activity tables, in a fresh database per test. */
class LocalLockStoreTest extends LockStoreScenarios {

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
    protected LockStore store() {
        return new LocalLockStore(db);
    }

    @Override
    protected Activity activity() {
        return new LocalActivity(db);
    }
}
