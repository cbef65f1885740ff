package io.lambdoku.local;

import static io.lambdoku.local.LocalLambda.prepare;
import static io.lambdoku.local.LocalLambda.requireFunction;
import static io.lambdoku.local.LocalLambda.execute;

import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.LambdaLimits;
import io.lambdoku.core.lambda.PreconditionFailedException;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.WeightedVersion;
import io.lambdoku.local.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Aliases of the local backend: a published version plus at most one weighted extra version. */
final class LocalAliases {

    private static final String SELECT = "SELECT name, version, extra_version, extra_weight, description, revision_id"
            + " FROM aliases WHERE function = ? ";

    interface VersionCheck {
        void require(Connection c, String function, int version) throws SQLException;
    }

    private final Database db;
    private final Arns arns;
    private final VersionCheck versions;

    LocalAliases(Database db, Arns arns, VersionCheck versions) {
        this.db = db;
        this.arns = arns;
        this.versions = versions;
    }

    Alias create(String function, AliasSpec spec) {
        LambdaLimits.checkAlias(spec);
        return db.write(c -> {
            requireTargets(c, function, spec);
            if (find(c, function, spec.name()).isPresent()) {
                throw new ResourceConflictException("Alias " + spec.name() + " of " + function + " already exists.");
            }
            execute(c, "INSERT INTO aliases(function, name, version, extra_version, extra_weight, description, revision_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", function, spec.name(), number(spec.functionVersion()),
                    extraVersion(spec), extraWeight(spec), spec.description(), LocalLambda.newRevision());
            return find(c, function, spec.name()).orElseThrow();
        });
    }

    Alias update(String function, AliasSpec spec, Optional<String> revisionId) {
        LambdaLimits.checkAlias(spec);
        return db.write(c -> {
            Alias current = require(c, function, spec.name());
            if (revisionId.isPresent() && !revisionId.get().equals(current.revisionId())) {
                throw new PreconditionFailedException("The RevisionId provided does not match the latest RevisionId of alias "
                        + spec.name() + " of " + function + "; it changed since it was read.", "The Revision Id provided does not"
                        + " match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
            }
            requireTargets(c, function, spec);
            execute(c, "UPDATE aliases SET version = ?, extra_version = ?, extra_weight = ?, description = ?, revision_id = ?"
                    + " WHERE function = ? AND name = ?", number(spec.functionVersion()), extraVersion(spec),
                    extraWeight(spec), spec.description(), LocalLambda.newRevision(), function, spec.name());
            return find(c, function, spec.name()).orElseThrow();
        });
    }

    Alias get(String function, String name) {
        return db.read(c -> require(c, function, name));
    }

    List<Alias> list(String function) {
        return db.read(c -> {
            requireFunction(c, function);
            return query(c, SELECT + "ORDER BY name", function);
        });
    }

    /** Deleting an alias that is not there is no error, as on Lambda; the function must exist. */
    void delete(String function, String name) {
        LambdaLimits.checkAliasName(name);
        db.write(c -> {
            requireFunction(c, function);
            execute(c, "DELETE FROM aliases WHERE function = ? AND name = ?", function, name);
            execute(c, "DELETE FROM function_urls WHERE function = ? AND qualifier = ?", function, name); // its URL goes with it
            LocalProvisioned.forget(c, function, name);
            return null;
        });
    }

    /** The version a qualifier names: $LATEST is 0, digits a version, anything else an alias. */
    int resolve(Connection c, String function, String qualifier) throws SQLException {
        if (FunctionConfig.LATEST.equals(qualifier)) {
            return 0;
        }
        if (qualifier.matches("[0-9]{1,9}")) {
            return Integer.parseInt(qualifier);
        }
        requireFunction(c, function);
        // looked up as a qualifier, a missing alias is a missing function version to Lambda
        return number(find(c, function, qualifier)
                .orElseThrow(() -> ResourceNotFoundException.qualifier(function, qualifier)).functionVersion());
    }

    /** True when a qualifier names an alias rather than $LATEST or a version. */
    static boolean isAliasName(String qualifier) {
        return !FunctionConfig.LATEST.equals(qualifier) && !qualifier.matches("[0-9]+");
    }

    /** An alias's version as stored: $LATEST is 0, as in the versions table. */
    private static int number(String version) {
        return FunctionConfig.LATEST.equals(version) ? 0 : Integer.parseInt(version);
    }

    Optional<String> aliasUsing(Connection c, String function, int version) throws SQLException {
        return query(c, SELECT + "AND (version = ? OR extra_version = ?) ORDER BY name", function, version, version)
                .stream().map(Alias::name).findFirst();
    }

    private void requireTargets(Connection c, String function, AliasSpec spec) throws SQLException {
        if (!LocalLambda.exists(c, function)) {
            throw ResourceNotFoundException.version(function, spec.functionVersion());
        }
        versions.require(c, function, number(spec.functionVersion()));
        if (spec.additionalVersion().isPresent()) {
            versions.require(c, function, Integer.parseInt(spec.additionalVersion().get().version()));
        }
    }

    private Alias require(Connection c, String function, String name) throws SQLException {
        requireFunction(c, function);
        return find(c, function, name).orElseThrow(() -> ResourceNotFoundException.alias(function, name));
    }

    Optional<Alias> find(Connection c, String function, String name) throws SQLException {
        return query(c, SELECT + "AND name = ?", function, name).stream().findFirst();
    }

    List<Alias> all(Connection c, String function) throws SQLException {
        return query(c, SELECT + "ORDER BY name", function);
    }

    private List<Alias> query(Connection c, String sql, Object... args) throws SQLException {
        List<Alias> out = new ArrayList<>();
        String function = (String) args[0];
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getInt(3);
                Optional<WeightedVersion> extra = rs.wasNull() ? Optional.empty()
                        : Optional.of(new WeightedVersion(Integer.toString(rs.getInt(3)), rs.getDouble(4)));
                out.add(new Alias(arns.qualified(function, rs.getString(1)), rs.getString(1),
                        rs.getInt(2) == 0 ? FunctionConfig.LATEST : Integer.toString(rs.getInt(2)), extra, rs.getString(5),
                        rs.getString(6)));
            }
        }
        return out;
    }

    private static Integer extraVersion(AliasSpec spec) {
        return spec.additionalVersion().map(w -> Integer.parseInt(w.version())).orElse(null);
    }

    private static Double extraWeight(AliasSpec spec) {
        return spec.additionalVersion().map(WeightedVersion::weight).orElse(null);
    }
}
