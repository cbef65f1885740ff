package io.lambdoku.local;

import static io.lambdoku.local.LocalLambda.execute;
import static io.lambdoku.local.LocalLambda.requireFunction;

import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.ProvisionedConcurrency;
import io.lambdoku.core.lambda.ProvisionedConcurrency.Status;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.ValidationException;
import io.lambdoku.local.store.Database;
import io.lambdoku.local.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Provisioned concurrency configs of the local backend (table provisioned_concurrency), checked as Lambda checks
 * them. The environments themselves live in a long-running process ({@code ProvisionedKeeper} in 'local serve'),
 * which reports here how many it has initialised; a report whose process is gone no longer counts.
 */
public final class LocalProvisioned {

    /** Lambda's words when nothing keeps a config's environments; ours, as Lambda always has a fleet. */
    public static final String NO_KEEPER = "No 'lambdoku local serve' runs on this store to keep these environments warm;"
            + " start one and they will be initialised.";

    /** The config, and the version its alias points at now (NULL for a version's config). */
    private static final String COLUMNS = "p.function, p.qualifier, p.requested, p.allocated, p.available, p.version,"
            + " p.status, p.reason, p.owner, p.modified, a.version FROM provisioned_concurrency p"
            + " LEFT JOIN aliases a ON a.function = p.function AND a.name = p.qualifier ";

    /** What a keeper reads: one config, as put, and who keeps it now. */
    public record Desire(String function, String qualifier, int requested, String modified, Optional<String> owner) {
    }

    /** What a keeper writes back about a config's environments. */
    public record Report(String version, int allocated, int available, Status status, Optional<String> reason) {
    }

    private final Database db;
    private final LocalAliases aliases;

    LocalProvisioned(Database db, LocalAliases aliases) {
        this.db = db;
        this.aliases = aliases;
    }

    ProvisionedConcurrency put(String function, String qualifier, int requested) {
        if (requested < 1) {
            throw ValidationException.constraint("Provisioned concurrency of " + function + ":" + qualifier
                    + " must be 1 or more, not " + requested + "; delete the config to have none.", String.valueOf(requested),
                    "provisionedConcurrentExecutions", "Member must have value greater than or equal to 1");
        }
        if (qualifier.equals(FunctionConfig.LATEST)) {
            throw new InvalidParameterException("Provisioned concurrency needs an alias or a published version of " + function
                    + ", not $LATEST.", "Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
        }
        return db.write(c -> {
            int version = requireQualifier(c, function, qualifier);
            if (version == 0) {
                throw new InvalidParameterException("Alias " + qualifier + " of " + function + " points at $LATEST; provisioned"
                        + " concurrency needs a published version.",
                        "Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
            }
            requireWithinReserved(c, function, qualifier, requested);
            requireNoOverlap(c, function, qualifier, version);
            String now = LocalLambda.now();
            // a dead keeper is forgotten: the answer is Lambda's plain IN_PROGRESS until a live one claims it
            Optional<String> keeper = keeper(c, function, qualifier).filter(ProcessOwner::alive);
            execute(c, "INSERT INTO provisioned_concurrency(function, qualifier, requested, status, modified)"
                    + " VALUES (?, ?, ?, 'IN_PROGRESS', ?) ON CONFLICT(function, qualifier) DO UPDATE SET"
                    + " requested = excluded.requested, status = 'IN_PROGRESS', reason = NULL, owner = ?,"
                    + " modified = excluded.modified", function, qualifier, requested, now, keeper.orElse(null));
            return find(c, function, qualifier).orElseThrow();
        });
    }

    Optional<ProvisionedConcurrency> get(String function, String qualifier) {
        requireNotLatest(function, qualifier);
        return db.read(c -> {
            requireQualifier(c, function, qualifier);
            return find(c, function, qualifier);
        });
    }

    /** Deleting a config that is not there is no error, as on Lambda; the alias or version must exist. */
    void delete(String function, String qualifier) {
        requireNotLatest(function, qualifier);
        db.write(c -> {
            requireQualifier(c, function, qualifier);
            return execute(c, "DELETE FROM provisioned_concurrency WHERE function = ? AND qualifier = ?", function, qualifier);
        });
    }

    List<ProvisionedConcurrency> list(String function) {
        return db.read(c -> {
            requireFunction(c, function);
            return Sql.query(c, this::config, "SELECT " + COLUMNS + "WHERE p.function = ? ORDER BY p.qualifier", function);
        });
    }

    /** Every config of every function, for the process that keeps their environments. */
    public List<Desire> desired() {
        return db.read(c -> Sql.query(c, rs -> new Desire(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(10),
                Optional.ofNullable(rs.getString(9))), "SELECT " + COLUMNS + "ORDER BY p.function, p.qualifier"));
    }

    /**
     * Records what {@code owner} keeps for a config, unless it was put again or deleted since {@code desire} was read
     * (the next read sees the new desire) or another live process keeps it; true when written.
     */
    public boolean report(Desire desire, String owner, Report r) {
        return db.write(c -> {
            Optional<ProvisionedConcurrency> now = find(c, desire.function(), desire.qualifier());
            if (now.isEmpty() || !now.get().lastModified().equals(desire.modified())
                    || now.get().requested() != desire.requested()) {
                return false;
            }
            Optional<String> keeper = keeper(c, desire.function(), desire.qualifier());
            if (keeper.isPresent() && !keeper.get().equals(owner) && ProcessOwner.alive(keeper.get())) {
                return false;
            }
            return execute(c, "UPDATE provisioned_concurrency SET version = ?, allocated = ?, available = ?, status = ?,"
                    + " reason = ?, owner = ? WHERE function = ? AND qualifier = ?", r.version(), r.allocated(), r.available(),
                    r.status().name(), r.reason().orElse(null), owner, desire.function(), desire.qualifier()) == 1;
        });
    }

    /**
     * {@code owner} stops keeping its configs' environments (it is closing): nothing is allocated until another process
     * does. The owner left is no process's name, so the configs read as kept by none, with the reason.
     */
    public void abandon(String owner) {
        db.write(c -> execute(c, "UPDATE provisioned_concurrency SET owner = '', allocated = 0, available = 0,"
                + " status = CASE status WHEN 'FAILED' THEN status ELSE 'IN_PROGRESS' END WHERE owner = ?", owner));
    }

    /** Called where a version or an alias is deleted: its config goes with it, as on Lambda. */
    static void forget(Connection c, String function, String qualifier) throws SQLException {
        execute(c, "DELETE FROM provisioned_concurrency WHERE function = ? AND qualifier = ?", function, qualifier);
    }

    static void forgetAll(Connection c, String function) throws SQLException {
        execute(c, "DELETE FROM provisioned_concurrency WHERE function = ?", function);
    }

    /** What all the function's configs ask for together. */
    static int total(Connection c, String function) throws SQLException {
        return Sql.query(c, rs -> rs.getInt(1), "SELECT coalesce(sum(requested), 0) FROM provisioned_concurrency"
                + " WHERE function = ?", function).get(0);
    }

    private static Optional<String> keeper(Connection c, String function, String qualifier) throws SQLException {
        return Sql.query(c, rs -> Optional.ofNullable(rs.getString(1)),
                "SELECT owner FROM provisioned_concurrency WHERE function = ? AND qualifier = ?", function, qualifier)
                .stream().findFirst().flatMap(o -> o);
    }

    private Optional<ProvisionedConcurrency> find(Connection c, String function, String qualifier) throws SQLException {
        return Sql.query(c, this::config, "SELECT " + COLUMNS + "WHERE p.function = ? AND p.qualifier = ?", function, qualifier)
                .stream().findFirst();
    }

    /**
     * A config as its keeper last reported it. Not yet claimed by a keeper: IN_PROGRESS, as Lambda answers a Put. Its
     * keeper gone: nothing is initialised any more, READY reads as IN_PROGRESS with the reason. A failure stays a
     * failure: it is what the last attempt found. Environments of a version the alias no longer points at do not
     * count: it is IN_PROGRESS until the keeper has the new version's.
     */
    private ProvisionedConcurrency config(ResultSet rs) throws SQLException {
        Status status = Status.valueOf(rs.getString(7));
        Optional<String> reason = Optional.ofNullable(rs.getString(8));
        int allocated = rs.getInt(4);
        int available = rs.getInt(5);
        String target = rs.getObject(11) == null ? rs.getString(2) : String.valueOf(rs.getInt(11));
        boolean claimed = rs.getString(9) != null;
        boolean kept = claimed && ProcessOwner.alive(rs.getString(9));
        boolean moved = rs.getString(6) != null && !rs.getString(6).equals(target);
        if (claimed && !kept && status != Status.FAILED) {
            status = Status.IN_PROGRESS;
            reason = Optional.of(NO_KEEPER);
            allocated = 0;
            available = 0;
        } else if (kept && moved) {
            status = Status.IN_PROGRESS;
            reason = Optional.empty();
            allocated = 0;
            available = 0;
        }
        return new ProvisionedConcurrency(rs.getString(1), rs.getString(2), rs.getInt(3),
                allocated, available, status, reason, rs.getString(10));
    }

    private static void requireNotLatest(String function, String qualifier) {
        if (qualifier.equals(FunctionConfig.LATEST)) {
            throw new InvalidParameterException("Provisioned concurrency lives on an alias or a published version of " + function
                    + ", never on $LATEST.", "The function resource provided must be an alias or a published version.");
        }
    }

    /**
     * The version the qualifier names now; a missing alias or version is Lambda's ResourceNotFoundException, naming
     * the qualified ARN even when the function is what is missing, as AWS answers these operations.
     */
    private int requireQualifier(Connection c, String function, String qualifier) throws SQLException {
        if (!LocalLambda.exists(c, function)) {
            throw LocalAliases.isAliasName(qualifier) ? ResourceNotFoundException.alias(function, qualifier)
                    : ResourceNotFoundException.version(function, qualifier);
        }
        if (LocalAliases.isAliasName(qualifier)) {
            String version = aliases.find(c, function, qualifier)
                    .orElseThrow(() -> ResourceNotFoundException.alias(function, qualifier)).functionVersion();
            return version.equals(FunctionConfig.LATEST) ? 0 : Integer.parseInt(version);
        }
        int version = Integer.parseInt(qualifier);
        boolean exists = !Sql.query(c, rs -> 1, "SELECT 1 FROM versions WHERE function = ? AND version = ?", function, version)
                .isEmpty();
        if (version <= 0 || !exists) {
            throw ResourceNotFoundException.version(function, qualifier);
        }
        return version;
    }

    /** Provisioned environments count against reserved concurrency, so all of them together must fit in it. */
    private void requireWithinReserved(Connection c, String function, String qualifier, int requested)
            throws SQLException {
        Optional<Integer> reserved = Sql.query(c, rs -> rs.getInt(1), "SELECT reserved FROM function_concurrency"
                + " WHERE function = ?", function).stream().findFirst();
        int others = total(c, function) - find(c, function, qualifier).map(ProvisionedConcurrency::requested).orElse(0);
        if (reserved.isEmpty()) {
            requireUnreservedLeft(c, function, qualifier, requested);
        }
        if (reserved.isPresent() && reserved.get() < others + requested) {
            throw new InvalidParameterException("Provisioning " + requested + " for " + function + ":" + qualifier
                    + (others > 0 ? " (and " + others + " already provisioned on its other qualifiers)" : "")
                    + " exceeds its reserved concurrency of " + reserved.get() + "; raise the reserved concurrency first.",
                    "Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function");
        }
    }

    /**
     * Without reserved concurrency, provisioned environments come out of the account's unreserved pool, of which Lambda
     * always keeps {@link LocalLambda#MIN_UNRESERVED} free.
     */
    private static void requireUnreservedLeft(Connection c, String function, String qualifier, int requested)
            throws SQLException {
        int used = Sql.query(c, rs -> rs.getInt(1), "SELECT coalesce(sum(reserved), 0) FROM function_concurrency").get(0)
                + Sql.query(c, rs -> rs.getInt(1), "SELECT coalesce(sum(requested), 0) FROM provisioned_concurrency p"
                + " WHERE NOT EXISTS (SELECT 1 FROM function_concurrency r WHERE r.function = p.function)"
                + " AND NOT (p.function = ? AND p.qualifier = ?)", function, qualifier).get(0);
        int left = LocalLambda.ACCOUNT_CONCURRENCY - LocalLambda.MIN_UNRESERVED - used;
        if (requested > left) {
            throw new InvalidParameterException("Provisioning " + requested + " for " + function + ":" + qualifier
                    + " would leave the account fewer than " + LocalLambda.MIN_UNRESERVED + " unreserved concurrent executions ("
                    + LocalLambda.ACCOUNT_CONCURRENCY + " in all, " + used + " reserved or provisioned already).",
                    "Specified ConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its"
                    + " minimum value of [" + LocalLambda.MIN_UNRESERVED + "].");
        }
    }

    /** An alias and the version it points at cannot both be provisioned: Lambda would count those environments twice. */
    private void requireNoOverlap(Connection c, String function, String qualifier, int version) throws SQLException {
        if (LocalAliases.isAliasName(qualifier)) {
            if (find(c, function, String.valueOf(version)).isPresent()) {
                throw new ResourceConflictException("Version " + version + " of " + function + ", which alias " + qualifier
                        + " points at, has provisioned concurrency of its own; delete that first.",
                        "Alias can't be used for Provisioned Concurrency configuration on an already Provisioned version");
            }
            return;
        }
        for (Alias a : aliases.all(c, function)) {
            if (a.functionVersion().equals(qualifier) && find(c, function, a.name()).isPresent()) {
                throw new ResourceConflictException("Alias " + a.name() + " of " + function + " points at version " + qualifier
                        + " and has provisioned concurrency; provision the alias, or delete its config first.",
                        "Version is pointed by a Provisioned Concurrency alias");
            }
        }
    }
}
