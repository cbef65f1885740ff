package io.lambdoku.local;

import io.lambdoku.core.lambda.ProvisionedConcurrency;
import io.lambdoku.local.store.Database;
import java.util.List;
import java.util.Optional;

/** Provisioned concurrency configs of the local backend (table provisioned_concurrency). */
final class LocalProvisioned {

    private final Database db;
    private final Arns arns;

    LocalProvisioned(Database db, Arns arns) {
        this.db = db;
        this.arns = arns;
    }

    ProvisionedConcurrency put(String function, String qualifier, int requested) {
        throw new UnsupportedOperationException("provisioned concurrency: not built yet");
    }

    Optional<ProvisionedConcurrency> get(String function, String qualifier) {
        throw new UnsupportedOperationException("provisioned concurrency: not built yet");
    }

    void delete(String function, String qualifier) {
        throw new UnsupportedOperationException("provisioned concurrency: not built yet");
    }

    List<ProvisionedConcurrency> list(String function) {
        throw new UnsupportedOperationException("provisioned concurrency: not built yet");
    }
}
