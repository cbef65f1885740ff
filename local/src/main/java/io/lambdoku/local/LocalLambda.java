package io.lambdoku.local;

import io.lambdoku.core.code.Zips;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.CodeSource;
import io.lambdoku.core.lambda.CodeChangedException;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.FunctionUrlSpec;
import io.lambdoku.core.lambda.ProvisionedConcurrency;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.FunctionState;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.LambdaLimits;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.core.lambda.PreconditionFailedException;
import io.lambdoku.core.lambda.RandomIds;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.S3Code;
import io.lambdoku.core.lambda.StoredCode;
import io.lambdoku.core.lambda.UpdateInProgressException;
import io.lambdoku.core.lambda.UpdateStatus;
import io.lambdoku.core.lambda.VersionSummary;
import io.lambdoku.local.kms.LocalKms;
import io.lambdoku.local.store.BlobIntents;
import io.lambdoku.local.store.BlobStore;
import io.lambdoku.local.store.Database;
import io.lambdoku.local.store.NoSpaceException;
import io.lambdoku.local.store.OwnerOnly;
import io.lambdoku.local.store.SettingsJson;
import io.lambdoku.local.store.Sql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The embedded backend: Lambda's semantics over SQLite metadata and content-addressed code blobs,
 * safe for many CLI processes at once. Every check and every mutation of one call happens in one
 * transaction, so a concurrent writer can never slip between a RevisionId check and its write.
 */
public final class LocalLambda implements LambdaApi, AutoCloseable {

    private static final String ROW = "SELECT v.version, v.settings, v.description, v.code_sha, c.size, v.revision_id,"
            + " v.last_modified, f.busy_until, v.function, f.created FROM versions v JOIN functions f ON f.name = v.function"
            + " JOIN code c ON c.sha = v.code_sha ";

    /** Lambda's default account concurrency, and the part of it no function may reserve. */
    public static final int ACCOUNT_CONCURRENCY = 1000;
    public static final int MIN_UNRESERVED = 100;

    private final LocalOptions options;
    private final Database db;
    private final BlobStore blobs;
    private final BlobIntents intents;
    private final Arns arns;
    private final LocalAliases aliases;
    private final LocalFunctionUrls urls;
    private final LocalProvisioned provisioned;

    private LocalLambda(LocalOptions options, Database db, BlobStore blobs) {
        this.options = options;
        this.db = db;
        this.blobs = blobs;
        this.intents = new BlobIntents(db, blobs);
        this.arns = new Arns(options.region());
        this.aliases = new LocalAliases(db, arns, this::requireVersion);
        this.urls = new LocalFunctionUrls(db, arns, options);
        this.provisioned = new LocalProvisioned(db, aliases);
    }

    /** Opens (creating if needed) the store under {@code options.storeDir()} and repairs what a crash left. */
    public static LocalLambda open(LocalOptions options) {
        Path file = options.storeDir().resolve("lambdoku.db");
        try {
            OwnerOnly.prepare(options.home(), options.storeDir(), file);
        } catch (IOException e) {
            NoSpaceException.rethrowIfFull(e, options.storeDir());
            throw new UncheckedIOException("cannot create " + options.storeDir() + ": " + e.getMessage(), e);
        }
        Database db = Database.open(file);
        LocalLambda lambda = new LocalLambda(options, db, new BlobStore(options.storeDir().resolve("blobs")));
        lambda.intents.recover();
        return lambda;
    }

    @Override
    public FunctionConfig createFunction(NewFunction f) {
        return createFunction(f, false);
    }

    /**
     * Creates the function, State Pending for the update delay (its created time equals $LATEST's
     * LastModified until the first update, which is how a row tells Pending from InProgress).
     * {@code publish} also publishes version 1 in the same transaction, as CreateFunction's Publish does.
     */
    public FunctionConfig createFunction(NewFunction f, boolean publish) {
        LambdaLimits.checkFunctionName(f.name());
        LambdaLimits.checkSettings(f.settings());
        checkKmsKey(f.settings());
        LambdaLimits.checkDescription(f.description());
        if (!(f.code() instanceof CodeZip zip)) {
            throw f.code() instanceof S3Code ? NoS3Packages.refusal()
                    : new InvalidParameterException("The local backend creates a function from a zip only.");
        }
        byte[] bytes = zip.bytes();
        Zips.check(bytes, "The code of " + f.name());
        LambdaLimits.checkTags(f.tags(), 0);
        if (functionExists(f.name())) {
            throw alreadyExists(f.name());
        }
        return withCode(zip, bytes, c -> {
            if (exists(c, f.name())) {
                throw alreadyExists(f.name());
            }
            String created = now();
            execute(c, "INSERT INTO functions(name, tags, busy_until, created) VALUES (?, ?, ?, ?)",
                    f.name(), SettingsJson.asString(f.tags()), busyUntil(), created);
            execute(c, "INSERT INTO versions(function, version, settings, description, code_sha, revision_id, last_modified)"
                    + " VALUES (?, 0, ?, ?, ?, ?, ?)", f.name(), SettingsJson.write(f.settings()), f.description(),
                    zip.codeSha256(), newRevision(), created);
            return publish ? insertVersion(c, f.name(), f.description(), created) : row(c, f.name(), 0);
        });
    }

    /**
     * Lambda grants itself the function's KMSKeyArn with kms:CreateGrant when it is set and refuses a key it cannot
     * grant: an alias ARN or a key that does not exist (hashicorp/terraform#20813 quotes the first). Here the key
     * must be one of the local KMS's keys.
     */
    private void checkKmsKey(FunctionSettings settings) {
        settings.kmsKeyArn().ifPresent(arn -> {
            if (arn.contains(":alias/")) {
                throw cannotGrant("KMS key " + arn + " is an alias; Lambda takes a key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID).",
                        "InvalidArnException KMS Message: Key Aliases are not supported for this operation.");
            }
            if (new LocalKms(this).keyArn(arn).isEmpty()) {
                throw cannotGrant("KMS key " + arn + " does not exist in the local KMS; make one with 'lambdoku setup"
                        + " --kms-key' or 'aws kms create-key'.", "NotFoundException KMS Message: Key '" + arn + "' does not exist");
            }
        });
    }

    private static InvalidParameterException cannotGrant(String userMessage, String kmsError) {
        return new InvalidParameterException(userMessage, "Lambda was unable to configure access to your environment"
                + " variables because the KMS key is invalid for CreateGrant. Please check your KMS key settings. KMS Exception: "
                + kmsError);
    }

    /** An alias qualifier answers with the version it points at, under the alias ARN, as Lambda does. */
    @Override
    public FunctionConfig getFunction(String name, String qualifier) {
        return db.read(c -> {
            int version = aliases.resolve(c, name, qualifier);
            FunctionConfig config = row(c, name, version);
            return LocalAliases.isAliasName(qualifier) ? config.withArn(arns.qualified(name, qualifier)) : config;
        });
    }

    @Override
    public List<FunctionConfig> listFunctions() {
        return db.read(c -> rows(c, ROW + "WHERE v.version = 0 ORDER BY v.function"));
    }

    /** Also sets $LATEST's description, which PublishVersion copies when it is given none. */
    @Override
    public FunctionConfig updateFunctionConfiguration(String name, FunctionSettings settings, Optional<String> description,
                                                      Optional<String> revisionId) {
        LambdaLimits.checkSettings(settings);
        checkKmsKey(settings);
        description.ifPresent(LambdaLimits::checkDescription);
        return db.write(c -> {
            FunctionConfig latest = writableLatest(c, name, revisionId);
            execute(c, "UPDATE versions SET settings = ?, description = ?, revision_id = ?, last_modified = ?"
                    + " WHERE function = ? AND version = 0", SettingsJson.write(settings),
                    description.orElse(latest.description()), newRevision(), laterThan(latest.lastModified()), latest.name());
            return markUpdating(c, name);
        });
    }

    @Override
    public FunctionConfig updateFunctionCode(String name, CodeSource code, Optional<String> revisionId) {
        return updateFunctionCode(name, code, Optional.empty(), revisionId, false);
    }

    /**
     * UpdateFunctionCode as the API has it: the architecture travels with the code, and {@code publish}
     * publishes the result in the same transaction (no other writer can slip in between).
     */
    public FunctionConfig updateFunctionCode(String name, CodeSource code, Optional<String> architecture,
                                             Optional<String> revisionId, boolean publish) {
        architecture.ifPresent(LambdaLimits::checkArchitecture);
        if (code instanceof CodeZip zip) {
            byte[] bytes = zip.bytes();
            Zips.check(bytes, "The code of " + name);
            getFunction(name, FunctionConfig.LATEST);
            return withCode(zip, bytes, c -> setCode(c, name, zip.codeSha256(), architecture, revisionId, publish));
        }
        if (code instanceof S3Code) {
            throw NoS3Packages.refusal();
        }
        StoredCode stored = (StoredCode) code;
        return db.write(c -> {
            if (!hasCode(c, stored.codeSha256())) {
                throw new ResourceNotFoundException("No code with CodeSha256 " + stored.codeSha256()
                        + " in the local artifact store.");
            }
            return setCode(c, name, stored.codeSha256(), architecture, revisionId, publish);
        });
    }

    private FunctionConfig setCode(Connection c, String name, String sha, Optional<String> architecture,
                                   Optional<String> revisionId, boolean publish) throws SQLException {
        FunctionConfig latest = writableLatest(c, name, revisionId);
        FunctionSettings settings = architecture.map(latest.settings()::withArchitecture).orElse(latest.settings());
        execute(c, "UPDATE versions SET code_sha = ?, settings = ?, revision_id = ?, last_modified = ?"
                + " WHERE function = ? AND version = 0", sha, SettingsJson.write(settings), newRevision(),
                laterThan(latest.lastModified()), name);
        if (publish) {
            Optional<FunctionConfig> newest = newestVersion(c, name);
            FunctionConfig updated = row(c, name, 0);
            FunctionConfig version = newest.isPresent() && unchangedSince(c, newest.get(), updated) ? newest.get()
                    : insertVersion(c, name, latest.description());
            markUpdating(c, name);
            return version;
        }
        return markUpdating(c, name);
    }

    @Override
    public FunctionConfig publishVersion(String name, String description, Optional<String> codeSha256,
                                         Optional<String> revisionId) {
        LambdaLimits.checkDescription(description);
        return db.write(c -> {
            FunctionConfig latest = writableLatest(c, name, revisionId);
            if (codeSha256.isPresent() && !codeSha256.get().equals(latest.codeSha256())) {
                throw new CodeChangedException("CodeSha256 " + codeSha256.get() + " does not match the code of "
                        + name + " $LATEST (" + latest.codeSha256() + "); its code changed since it was read.",
                        "CodeSHA256 (" + codeSha256.get() + ") is different from current CodeSHA256 in $LATEST ("
                        + latest.codeSha256() + "). Please try again with the CodeSHA256 in $LATEST.");
            }
            Optional<FunctionConfig> newest = newestVersion(c, name);
            if (newest.isPresent() && unchangedSince(c, newest.get(), latest)) {
                return newest.get(); // as Lambda: nothing changed since the newest version
            }
            return insertVersion(c, name, description);
        });
    }

    /**
     * Lambda publishes a new version when $LATEST's code, configuration or description changed since the
     * newest one. A version's own description is its release message, so the description $LATEST had
     * when it was published is kept beside its settings (absent when empty, as in rows from before).
     */
    private boolean unchangedSince(Connection c, FunctionConfig newest, FunctionConfig latest) throws SQLException {
        if (!newest.settings().equals(latest.settings()) || !newest.codeSha256().equals(latest.codeSha256())) {
            return false;
        }
        try (PreparedStatement ps = prepare(c, "SELECT coalesce(json_extract(settings, '$.latestDescription'), '')"
                + " FROM versions WHERE function = ? AND version = ?", newest.name(), newest.versionNumber());
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getString(1).equals(latest.description());
        }
    }

    /** Snapshots $LATEST as the next number; $LATEST gets a new RevisionId, as on Lambda. */
    private FunctionConfig insertVersion(Connection c, String name, String description) throws SQLException {
        return insertVersion(c, name, description, now());
    }

    /** A version published with the function itself carries its creation time, and is Pending with it. */
    private FunctionConfig insertVersion(Connection c, String name, String description, String at) throws SQLException {
        int number = lastVersion(c, name) + 1;
        execute(c, "INSERT INTO versions(function, version, settings, description, code_sha, revision_id, last_modified)"
                + " SELECT function, ?, CASE WHEN description = '' THEN settings"
                + " ELSE json_set(settings, '$.latestDescription', description) END, ?, code_sha, ?, ?"
                + " FROM versions WHERE function = ? AND version = 0", number, description, newRevision(), at, name);
        execute(c, "UPDATE functions SET last_version = ? WHERE name = ?", number, name);
        touchRevision(c, name);
        return row(c, name, number);
    }

    private void touchRevision(Connection c, String name) throws SQLException {
        execute(c, "UPDATE versions SET revision_id = ? WHERE function = ? AND version = 0", newRevision(), name);
    }

    @Override
    public List<FunctionConfig> listVersions(String name) {
        return db.read(c -> {
            requireFunction(c, name);
            return rows(c, ROW + "WHERE v.function = ? AND v.version > 0 ORDER BY v.version", name);
        });
    }

    @Override
    public List<FunctionConfig> newestVersions(String name, int limit) {
        return db.read(c -> {
            requireFunction(c, name);
            return rows(c, ROW + "WHERE v.function = ? AND v.version > 0 ORDER BY v.version DESC LIMIT ?", name, limit);
        });
    }

    @Override
    public List<VersionSummary> versionSummaries(String name, int limit) {
        String sql = "SELECT v.version, v.description, v.last_modified, v.code_sha, c.size FROM versions v JOIN code c"
                + " ON c.sha = v.code_sha WHERE v.function = ? AND v.version > 0 ORDER BY v.version DESC LIMIT ?"; // -1: all
        return db.read(c -> {
            requireFunction(c, name);
            return Sql.query(c, rs -> new VersionSummary(name, rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getLong(5)), sql, name, limit > 0 ? limit : -1);
        });
    }

    @Override
    public void deleteFunction(String name) {
        db.write(c -> {
            requireFunction(c, name);
            execute(c, "DELETE FROM aliases WHERE function = ?", name);
            execute(c, "DELETE FROM function_urls WHERE function = ?", name); // foreign keys are not enforced: no cascade
            // what lives around the function goes with it (LocalInfra's tables); roles stay, as in IAM
            execute(c, "DELETE FROM schedules WHERE function = ?", name);
            execute(c, "DELETE FROM alarm_history WHERE function = ?", name);
            execute(c, "DELETE FROM alarms WHERE function = ?", name);
            execute(c, "DELETE FROM function_concurrency WHERE function = ?", name);
            LocalProvisioned.forgetAll(c, name);
            execute(c, "DELETE FROM versions WHERE function = ?", name);
            execute(c, "DELETE FROM functions WHERE name = ?", name);
            return null;
        });
    }

    /** A version that does not exist (any more) is no error, as on Lambda; its function must exist. */
    @Override
    public void deleteVersion(String name, int version) {
        if (version <= 0) {
            throw new InvalidParameterException("Only published versions can be deleted, not $LATEST.",
                    "$LATEST version cannot be deleted without deleting the function.");
        }
        db.write(c -> {
            requireFunction(c, name);
            if (rows(c, ROW + "WHERE v.function = ? AND v.version = ?", name, version).isEmpty()) {
                return null;
            }
            Optional<String> user = aliases.aliasUsing(c, name, version);
            if (user.isPresent()) {
                throw new ResourceConflictException("Version " + version + " of " + name + " is used by alias "
                        + user.get() + "; point the alias at another version first.",
                        "Unable to delete version because the following aliases reference it: [" + user.get() + "]");
            }
            execute(c, "DELETE FROM versions WHERE function = ? AND version = ?", name, version);
            LocalProvisioned.forget(c, name, String.valueOf(version));
            return null;
        });
    }

    @Override
    public Map<String, String> listTags(String name) {
        return db.read(c -> tags(c, name));
    }

    /** Tags are metadata of the function, yet Lambda gives $LATEST a new RevisionId when they change. */
    @Override
    public void tagFunction(String name, Map<String, String> tags) {
        LambdaLimits.checkTags(tags, 0);
        db.write(c -> {
            Map<String, String> all = new java.util.TreeMap<>(tags(c, name));
            all.putAll(tags);
            LambdaLimits.checkTags(Map.of(), all.size());
            execute(c, "UPDATE functions SET tags = ? WHERE name = ?", SettingsJson.asString(all), name);
            touchRevision(c, name);
            return null;
        });
    }

    @Override
    public void untagFunction(String name, Set<String> keys) {
        db.write(c -> {
            Map<String, String> all = new java.util.TreeMap<>(tags(c, name));
            all.keySet().removeAll(keys);
            execute(c, "UPDATE functions SET tags = ? WHERE name = ?", SettingsJson.asString(all), name);
            touchRevision(c, name);
            return null;
        });
    }

    @Override
    public Alias createAlias(String function, AliasSpec alias) {
        return aliases.create(function, alias);
    }

    @Override
    public Alias updateAlias(String function, AliasSpec alias, Optional<String> revisionId) {
        return aliases.update(function, alias, revisionId);
    }

    @Override
    public Alias getAlias(String function, String alias) {
        return aliases.get(function, alias);
    }

    @Override
    public List<Alias> listAliases(String function) {
        return aliases.list(function);
    }

    @Override
    public void deleteAlias(String function, String alias) {
        aliases.delete(function, alias);
    }

    @Override
    public boolean hasCode(StoredCode code) {
        return db.read(c -> hasCode(c, code.codeSha256()));
    }

    @Override
    public Optional<Integer> reservedConcurrency(String name) {
        return db.read(c -> {
            requireFunction(c, name);
            try (PreparedStatement ps = prepare(c, "SELECT reserved FROM function_concurrency WHERE function = ?", name);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        });
    }

    /**
     * As PutFunctionConcurrency: the account's 1,000 concurrent executions less the 100 Lambda always
     * keeps unreserved are what all functions may reserve together. It does not change the RevisionId.
     */
    @Override
    public void putReservedConcurrency(String name, Optional<Integer> reserved) {
        db.write(c -> {
            requireFunction(c, name);
            if (reserved.isEmpty()) {
                return execute(c, "DELETE FROM function_concurrency WHERE function = ?", name);
            }
            int value = reserved.get();
            if (value < 0) {
                throw new io.lambdoku.core.lambda.ValidationException("Reserved concurrency of " + name + " must be 0 or more, not " + value + ".",
                        "1 validation error detected: Value '" + value + "' at 'reservedConcurrentExecutions' failed to"
                        + " satisfy constraint: Member must have value greater than or equal to 0");
            }
            int others;
            try (PreparedStatement ps = prepare(c, "SELECT coalesce(sum(reserved), 0) FROM function_concurrency WHERE function <> ?",
                    name); ResultSet rs = ps.executeQuery()) {
                others = rs.getInt(1);
            }
            if (others + value > ACCOUNT_CONCURRENCY - MIN_UNRESERVED) {
                throw new InvalidParameterException("Reserving " + value + " for " + name + " would leave the account fewer than "
                        + MIN_UNRESERVED + " unreserved concurrent executions (" + ACCOUNT_CONCURRENCY + " in all, " + others
                        + " reserved by other functions).", "Specified ReservedConcurrentExecutions for function decreases"
                        + " account's UnreservedConcurrentExecution below its minimum value of [" + MIN_UNRESERVED + "].");
            }
            int provisioned = LocalProvisioned.total(c, name);
            if (value < provisioned) {
                throw new InvalidParameterException("Reserving " + value + " for " + name + " is less than the " + provisioned
                        + " environments provisioned on its aliases and versions; lower those first.",
                        "ReservedConcurrentExecutions " + value + " should not be lower than function's total provisioned"
                        + " concurrency [" + provisioned + "].");
            }
            return execute(c, "INSERT INTO function_concurrency(function, reserved) VALUES (?, ?)"
                    + " ON CONFLICT(function) DO UPDATE SET reserved = excluded.reserved", name, value);
        });
    }

    /** The zip's bytes, for tools that need the code itself (rollback on another backend, invoke). */
    public Optional<byte[]> readCode(String codeSha256) {
        return db.read(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT hex FROM code WHERE sha = ?", codeSha256);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? blobs.read(rs.getString(1)) : Optional.empty();
            }
        });
    }

    /** The store, for the runtime's invocation and log records. */
    public Database database() {
        return db;
    }

    public LocalOptions options() {
        return options;
    }

    @Override
    public void close() {
        db.close();
    }

    // --- code blobs -------------------------------------------------------------------------------

    /** Writes the blob, then commits {@code work} together with the code row (see {@link BlobIntents}). */
    private <T> T withCode(CodeZip zip, byte[] bytes, Database.SqlWork<T> work) {
        String hex = zip.sha256Hex();
        long intent = intents.begin(hex);
        boolean committed = false;
        try {
            blobs.put(hex, bytes);
            T result = db.write(c -> {
                execute(c, "INSERT OR IGNORE INTO code(sha, hex, size) VALUES (?, ?, ?)", zip.codeSha256(), hex, zip.size());
                T r = work.run(c);
                BlobIntents.complete(c, intent);
                return r;
            });
            committed = true;
            return result;
        } finally {
            if (!committed) {
                intents.abandon(intent, hex);
            }
        }
    }

    private boolean hasCode(Connection c, String sha) throws SQLException {
        try (PreparedStatement ps = prepare(c, "SELECT hex FROM code WHERE sha = ?", sha); ResultSet rs = ps.executeQuery()) {
            return rs.next() && blobs.exists(rs.getString(1));
        }
    }

    // --- rows ---------------------------------------------------------------------------------------

    /** $LATEST, checked for being writable now: it exists, no update is in progress, the RevisionId is current. */
    private FunctionConfig writableLatest(Connection c, String name, Optional<String> revisionId) throws SQLException {
        FunctionConfig latest = row(c, name, 0);
        if (latest.state() == FunctionState.PENDING) {
            throw new UpdateInProgressException("Function " + name + " is still being created; wait until its State is"
                    + " Active.", "The operation cannot be performed at this time. The function is currently in the"
                    + " following state: Pending");
        }
        if (latest.lastUpdateStatus() == UpdateStatus.IN_PROGRESS) {
            throw new UpdateInProgressException("The operation cannot be performed at this time. "
                    + "An update is in progress for resource: " + latest.arn());
        }
        if (revisionId.isPresent() && !revisionId.get().equals(latest.revisionId())) {
            throw new PreconditionFailedException("The RevisionId provided does not match the latest RevisionId of "
                    + name + "; it changed since it was read.", "The Revision Id provided does not match the latest"
                    + " Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
        }
        return latest;
    }

    private FunctionConfig markUpdating(Connection c, String name) throws SQLException {
        execute(c, "UPDATE functions SET busy_until = ? WHERE name = ?", busyUntil(), name);
        return row(c, name, 0);
    }

    private FunctionConfig row(Connection c, String name, int version) throws SQLException {
        List<FunctionConfig> found = rows(c, ROW + "WHERE v.function = ? AND v.version = ?", name, version);
        if (found.isEmpty()) {
            requireFunction(c, name);
            throw ResourceNotFoundException.version(name, String.valueOf(version));
        }
        return found.get(0);
    }

    private void requireVersion(Connection c, String name, int version) throws SQLException {
        row(c, name, version);
    }

    private Optional<FunctionConfig> newestVersion(Connection c, String name) throws SQLException {
        return rows(c, ROW + "WHERE v.function = ? AND v.version > 0 ORDER BY v.version DESC LIMIT 1", name)
                .stream().findFirst();
    }

    private List<FunctionConfig> rows(Connection c, String sql, Object... args) throws SQLException {
        List<FunctionConfig> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int version = rs.getInt(1);
                String name = rs.getString(9);
                boolean functionBusy = rs.getLong(8) > now;
                boolean busy = version == 0 && functionBusy;
                boolean pending = functionBusy && rs.getString(7).equals(rs.getString(10));
                out.add(new FunctionConfig(name,
                        version == 0 ? arns.function(name) : arns.qualified(name, Integer.toString(version)),
                        version == 0 ? FunctionConfig.LATEST : Integer.toString(version),
                        SettingsJson.read(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getLong(5),
                        version == 0 && !busy ? settledRevision(rs.getString(6)) : rs.getString(6), rs.getString(7),
                        busy ? UpdateStatus.IN_PROGRESS : UpdateStatus.SUCCESSFUL,
                        Optional.empty(), pending ? FunctionState.PENDING : FunctionState.ACTIVE));
            }
        }
        return out;
    }

    private int lastVersion(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = prepare(c, "SELECT last_version FROM functions WHERE name = ?", name);
             ResultSet rs = ps.executeQuery()) {
            return rs.getInt(1);
        }
    }

    private Map<String, String> tags(Connection c, String name) throws SQLException {
        requireFunction(c, name);
        try (PreparedStatement ps = prepare(c, "SELECT tags FROM functions WHERE name = ?", name);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            @SuppressWarnings("unchecked")
            Map<String, String> tags = (Map<String, String>) (Map<?, ?>) SettingsJson.asMap(rs.getString(1));
            return Map.copyOf(tags);
        }
    }

    private boolean functionExists(String name) {
        return db.read(c -> exists(c, name));
    }

    static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = prepare(c, "SELECT 1 FROM functions WHERE name = ?", name); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    static void requireFunction(Connection c, String name) throws SQLException {
        if (!exists(c, name)) {
            throw ResourceNotFoundException.function(name);
        }
    }

    private static ResourceConflictException alreadyExists(String name) {
        return new ResourceConflictException("Function " + name + " already exists.");
    }

    static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        return Sql.prepare(c, sql, args);
    }

    static int execute(Connection c, String sql, Object... args) throws SQLException {
        return Sql.execute(c, sql, args);
    }

    private long busyUntil() {
        return options.updateDelay().isZero() ? 0 : System.currentTimeMillis() + options.updateDelay().toMillis();
    }

    static String now() {
        return IsoMillis.of(System.currentTimeMillis());
    }

    static String newRevision() {
        return RandomIds.uuid();
    }

    /**
     * Lambda gives $LATEST a new RevisionId when an update completes, so a RevisionId read while it was
     * InProgress is stale afterwards. Derived rather than stored: the completion happens when time
     * passes, not in a write, and every reader must agree on it.
     */
    static String settledRevision(String stored) {
        // A fixed scramble of the stored id, not a name-based (MD5) UUID: its security providers' start cost a
        // tenth of every read's time. Stored ids are random, so the result is as unique as one.
        long hi = 0x9E3779B97F4A7C15L;
        long lo = 0xC2B2AE3D27D4EB4FL;
        for (int i = 0; i < stored.length(); i++) {
            hi = mix(hi ^ stored.charAt(i));
            lo = mix(lo + stored.charAt(i));
        }
        return new UUID((hi & ~0xF000L) | 0x4000L, (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    /** MurmurHash3's 64-bit finalizer: every input bit moves about half the output bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB93FE53EC8A2L;
        return z ^ (z >>> 33);
    }

    /** Now, but never equal to {@code previous}: an update's LastModified must differ from the creation time. */
    private static String laterThan(String previous) {
        String now = now();
        return now.equals(previous) ? IsoMillis.of(Instant.parse(previous).toEpochMilli() + 1) : now;
    }

    @Override
    public FunctionUrl createFunctionUrl(String function, Optional<String> qualifier, FunctionUrlSpec spec) {
        return urls.create(function, qualifier, spec);
    }

    @Override
    public FunctionUrl getFunctionUrl(String function, Optional<String> qualifier) {
        return urls.get(function, qualifier);
    }

    @Override
    public FunctionUrl updateFunctionUrl(String function, Optional<String> qualifier, FunctionUrlSpec spec) {
        return urls.update(function, qualifier, spec);
    }

    @Override
    public void deleteFunctionUrl(String function, Optional<String> qualifier) {
        urls.delete(function, qualifier);
    }

    @Override
    public List<FunctionUrl> listFunctionUrls(String function) {
        return urls.list(function);
    }

    /** The function URL whose host starts with {@code urlId}, for {@code local serve}'s URL data plane. */
    public Optional<FunctionUrl> functionUrlById(String urlId) {
        return urls.byId(urlId);
    }

    /** The provisioned concurrency configs, for the process that keeps their environments warm. */
    public LocalProvisioned provisioned() {
        return provisioned;
    }

    @Override
    public ProvisionedConcurrency putProvisionedConcurrency(String function, String qualifier, int requested) {
        return provisioned.put(function, qualifier, requested);
    }

    @Override
    public Optional<ProvisionedConcurrency> provisionedConcurrency(String function, String qualifier) {
        return provisioned.get(function, qualifier);
    }

    @Override
    public void deleteProvisionedConcurrency(String function, String qualifier) {
        provisioned.delete(function, qualifier);
    }

    @Override
    public List<ProvisionedConcurrency> listProvisionedConcurrency(String function) {
        return provisioned.list(function);
    }
}
