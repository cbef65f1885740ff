package io.lambdoku.local;

import static io.lambdoku.local.LocalLambda.execute;
import static io.lambdoku.local.LocalLambda.requireFunction;

import io.lambdoku.core.lambda.Cors;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.FunctionUrlSpec;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.UrlAuth;
import io.lambdoku.core.lambda.ValidationException;
import io.lambdoku.local.store.Database;
import io.lambdoku.local.store.SettingsJson;
import io.lambdoku.local.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Function URLs of the local backend (table function_urls; qualifier '' is $LATEST), served by {@code local serve}.
 * The URL string is not stored: it names the server running now (see {@link ServedPort}).
 */
final class LocalFunctionUrls {

    /** Lambda's pattern for a URL's Qualifier: an alias name, never a version number (nor $LATEST, given explicitly). */
    private static final String QUALIFIER_PATTERN = "((?!^\\d+$)^[0-9a-zA-Z-_]+$)";
    private static final String SELECT = "SELECT function, qualifier, url_id, auth, cors, created, modified FROM function_urls ";

    private final Database db;
    private final Arns arns;
    private final LocalOptions options;

    LocalFunctionUrls(Database db, Arns arns, LocalOptions options) {
        this.db = db;
        this.arns = arns;
        this.options = options;
    }

    FunctionUrl create(String function, Optional<String> qualifier, FunctionUrlSpec spec) {
        checkQualifier(qualifier);
        return db.write(c -> {
            requireTarget(c, function, qualifier);
            Optional<FunctionUrl> existing = find(c, function, qualifier);
            if (existing.isPresent()) {
                throw new ResourceConflictException(existing.get().target() + " has a function URL already: "
                        + existing.get().url(), "Failed to create function url config for [functionArn = "
                        + existing.get().functionArn() + "]. Error message:  FunctionUrlConfig exists for this Lambda function");
            }
            String now = Time.FORMAT.format(Instant.now());
            execute(c, "INSERT INTO function_urls(function, qualifier, url_id, auth, cors, created, modified)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", function, qualifier.orElse(""), UrlHosts.newUrlId(), spec.auth().name(),
                    cors(spec), now, now);
            return find(c, function, qualifier).orElseThrow();
        });
    }

    FunctionUrl get(String function, Optional<String> qualifier) {
        checkQualifier(qualifier);
        return db.read(c -> require(c, function, qualifier));
    }

    /** Replaces AuthType and Cors (the wire route merges what a request leaves out); the url-id stays. */
    FunctionUrl update(String function, Optional<String> qualifier, FunctionUrlSpec spec) {
        checkQualifier(qualifier);
        return db.write(c -> {
            require(c, function, qualifier);
            execute(c, "UPDATE function_urls SET auth = ?, cors = ?, modified = ? WHERE function = ? AND qualifier = ?",
                    spec.auth().name(), cors(spec), Time.FORMAT.format(Instant.now()), function, qualifier.orElse(""));
            return find(c, function, qualifier).orElseThrow();
        });
    }

    /** Unlike DeleteAlias, deleting a URL that is not there is an error on Lambda. */
    void delete(String function, Optional<String> qualifier) {
        checkQualifier(qualifier);
        db.write(c -> {
            require(c, function, qualifier);
            return execute(c, "DELETE FROM function_urls WHERE function = ? AND qualifier = ?", function, qualifier.orElse(""));
        });
    }

    List<FunctionUrl> list(String function) {
        return db.read(c -> {
            requireFunction(c, function);
            return Sql.query(c, this::row, SELECT + "WHERE function = ? ORDER BY qualifier", function);
        });
    }

    /** The URL a request's host names, for the data plane. */
    Optional<FunctionUrl> byId(String urlId) {
        return db.read(c -> Sql.query(c, this::row, SELECT + "WHERE url_id = ?", urlId).stream().findFirst());
    }

    private static void checkQualifier(Optional<String> qualifier) {
        qualifier.filter(q -> !q.matches("[0-9a-zA-Z_-]+") || q.matches("[0-9]+")).ifPresent(q -> {
            throw ValidationException.pattern("Function URLs are for $LATEST (no qualifier) or an alias, not '" + q
                    + "'" + (q.matches("[0-9]+") ? ", a version" : "") + ".", q, "qualifier", QUALIFIER_PATTERN);
        });
    }

    private static void requireTarget(Connection c, String function, Optional<String> qualifier) throws SQLException {
        requireFunction(c, function);
        if (qualifier.isPresent() && Sql.query(c, rs -> 1, "SELECT 1 FROM aliases WHERE function = ? AND name = ?",
                function, qualifier.get()).isEmpty()) {
            throw ResourceNotFoundException.alias(function, qualifier.get());
        }
    }

    /** A missing function or alias is named as such, before a missing URL (UpdateFunctionUrlConfig words them apart). */
    private FunctionUrl require(Connection c, String function, Optional<String> qualifier) throws SQLException {
        requireTarget(c, function, qualifier);
        return find(c, function, qualifier).orElseThrow(() -> ResourceNotFoundException.functionUrl(function, qualifier));
    }

    private Optional<FunctionUrl> find(Connection c, String function, Optional<String> qualifier) throws SQLException {
        return Sql.query(c, this::row, SELECT + "WHERE function = ? AND qualifier = ?", function, qualifier.orElse(""))
                .stream().findFirst();
    }

    private FunctionUrl row(ResultSet rs) throws SQLException {
        String function = rs.getString(1);
        Optional<String> qualifier = Optional.of(rs.getString(2)).filter(q -> !q.isEmpty());
        String url = UrlHosts.url(rs.getString(3), options.region(), ServedPort.endpoint(options.storeDir()));
        Optional<Cors> cors = Optional.ofNullable(rs.getString(5)).map(j -> CorsJson.fromMap(SettingsJson.asMap(j)));
        return new FunctionUrl(function, qualifier, url, qualifier.map(q -> arns.qualified(function, q))
                .orElse(arns.function(function)), UrlAuth.valueOf(rs.getString(4)), cors, rs.getString(6), rs.getString(7));
    }

    private static String cors(FunctionUrlSpec spec) {
        return spec.cors().map(c -> SettingsJson.asString(CorsJson.toMap(c))).orElse(null);
    }

    /** Lambda's CreationTime: ISO-8601 with microseconds, e.g. 2026-11-23T18:30:00.123456Z. A holder, as the
     *  JDK's formatters take ~6 ms to start and every local command builds this class, most never a URL. */
    private static final class Time {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                .withZone(ZoneOffset.UTC);
    }
}
