package io.lambdoku.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: the store holds every function's config vars, so only its owner may read it. */
class OwnerOnlyTest {

    @TempDir
    Path tmp;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewStoreIsTheOwnersOnlyWithItsWalAndShm() throws Exception {
        Path home = tmp.resolve("fresh/home");
        try (LocalLambda lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO))) {
            lambda.listFunctions(); // the WAL and SHM exist while a connection is open
            Path db = home.resolve("local/lambdoku.db");
            assertThat(mode(home)).isEqualTo("rwx------");
            assertThat(mode(home.resolve("local"))).isEqualTo("rwx------");
            assertThat(mode(db)).isEqualTo("rw-------");
            assertThat(mode(db.resolveSibling("lambdoku.db-wal"))).isEqualTo("rw-------");
            assertThat(mode(db.resolveSibling("lambdoku.db-shm"))).isEqualTo("rw-------");
            assertThat(mode(tmp.resolve("fresh"))).as("folders above LAMBDOKU_HOME are the user's").isEqualTo("rwxr-xr-x");
        }
    }

    @Test
    void anOldWorldReadableStoreIsTightenedWhenOpened() throws Exception {
        Path home = tmp.resolve("old");
        try (LocalLambda lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO))) {
            lambda.listFunctions();
        }
        Path local = home.resolve("local");
        Path db = local.resolve("lambdoku.db");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(local, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));

        try (LocalLambda lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO))) {
            lambda.listFunctions();
            assertThat(mode(local)).isEqualTo("rwx------");
            assertThat(mode(db)).isEqualTo("rw-------");
            assertThat(mode(db.resolveSibling("lambdoku.db-wal"))).isEqualTo("rw-------");
            assertThat(mode(home)).as("an existing LAMBDOKU_HOME may be shared; local/ closes the store").isEqualTo("rwxr-xr-x");
        }
    }

    @Test
    void aStoreWhoseFolderIsClosedButDatabaseOpenIsTightenedToo() throws Exception {
        Path home = tmp.resolve("half");
        try (LocalLambda lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO))) {
            lambda.listFunctions();
        }
        Path db = home.resolve("local/lambdoku.db");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-rw-rw-"));
        try (LocalLambda lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO))) {
            assertThat(mode(db)).isEqualTo("rw-------");
        }
    }
}
