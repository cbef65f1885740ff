package io.lambdoku.local.server;

import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionRef;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.LambdaLimits;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.core.lambda.PreconditionFailedException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.local.LocalLambda;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Functions, their configuration, code and versions, as the Lambda REST API exposes them. */
final class FunctionRoutes {

    private final LocalLambda lambda;
    private final RequestIds ids;
    private final CodeLocations codeLocations;

    FunctionRoutes(LocalLambda lambda, RequestIds ids, CodeLocations codeLocations) {
        this.lambda = lambda;
        this.ids = ids;
        this.codeLocations = codeLocations;
    }

    /** FunctionVersion=ALL lists every published version too, each function's $LATEST first. */
    void list(WireExchange ex) throws IOException {
        Optional<String> which = ex.query("FunctionVersion");
        if (which.isPresent() && !which.get().equals("ALL")) {
            throw WireError.validation("1 validation error detected: Value '" + which.get() + "' at 'functionVersion'"
                    + " failed to satisfy constraint: Member must satisfy enum value set: [ALL]");
        }
        List<Map<String, Object>> all = new ArrayList<>();
        for (FunctionConfig latest : lambda.listFunctions()) {
            all.add(WireShapes.function(latest));
            if (which.isPresent()) {
                lambda.listVersions(latest.name()).forEach(v -> all.add(WireShapes.function(v)));
            }
        }
        ex.json(200, Page.of("Functions", all, ex));
    }

    void create(WireExchange ex) throws IOException {
        String name = ids.name(ex.string("FunctionName"), "functionName");
        if (ex.string("PackageType").filter(t -> !t.equals("Zip")).isPresent()) {
            throw WireError.invalid("lambdoku local serve runs Zip functions only; PackageType Image is not supported.");
        }
        String description = ex.string("Description").orElse("");
        FunctionSettings settings = new FunctionSettings(
                ex.string("Runtime").orElseThrow(() -> WireError.invalid("Runtime and Handler are mandatory parameters"
                        + " for functions created with deployment packages.")),
                ex.string("Handler").orElseThrow(() -> WireError.invalid("Runtime and Handler are mandatory parameters"
                        + " for functions created with deployment packages.")),
                ex.string("Role").orElseThrow(() -> WireError.validation("1 validation error detected: Value null at"
                        + " 'role' failed to satisfy constraint: Member must not be null")),
                ex.integer("MemorySize").orElse(128), ex.integer("Timeout").orElse(3),
                environment(ex).orElse(Map.of()), layers(ex).orElse(List.of()),
                architecture(ex).orElse(FunctionSettings.X86_64), ex.string("KMSKeyArn"));
        CodeZip code = zip(ex, ex.object("Code").orElseThrow(() -> WireError.validation("1 validation error detected:"
                + " Value null at 'code' failed to satisfy constraint: Member must not be null")));
        FunctionConfig created = lambda.createFunction(new NewFunction(name, settings, description, code,
                strings(ex.object("Tags").orElse(Map.of()), "Tags")), ex.flag("Publish"));
        ex.json(201, WireShapes.function(created));
    }

    void get(WireExchange ex, String given) throws IOException {
        FunctionConfig config = configuration(ex, given);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Configuration", WireShapes.function(config));
        m.put("Code", Map.of("RepositoryType", "S3", "Location", codeLocations.of(config.codeSha256())));
        m.put("Tags", lambda.listTags(config.name()));
        lambda.reservedConcurrency(config.name()).ifPresent(r -> m.put("Concurrency", Map.of("ReservedConcurrentExecutions", r)));
        ex.json(200, m);
    }

    void getConfiguration(WireExchange ex, String given) throws IOException {
        ex.json(200, WireShapes.function(configuration(ex, given)));
    }

    /**
     * With a version qualifier only that version goes, as on Lambda: never the function. $LATEST cannot
     * be deleted alone, an alias is deleted with DeleteAlias, a version that is not there is no error.
     */
    void delete(WireExchange ex, String given) throws IOException {
        FunctionRef ref = ids.qualified(ex, given);
        if (ref.qualifier().isEmpty()) {
            lambda.deleteFunction(ref.name());
        } else if (ref.qualifier().get().equals(FunctionConfig.LATEST)) {
            throw WireError.invalid("$LATEST version cannot be deleted without deleting the function.");
        } else if (!ref.qualifier().get().matches("[0-9]{1,9}")) {
            lambda.getFunction(ref.name(), FunctionConfig.LATEST);
            throw WireError.invalid("Deletion of aliases is not supported.");
        } else {
            lambda.deleteVersion(ref.name(), Integer.parseInt(ref.qualifier().get()));
        }
        ex.empty(204);
    }

    /**
     * Only the members present change, as on Lambda. Without a client RevisionId the merge is guarded
     * by the one it read, and redone if another writer got in between, so a concurrent change survives.
     */
    private static final List<String> UPDATABLE = List.of("Runtime", "Handler", "Role", "MemorySize", "Timeout",
            "Environment", "Layers", "Description", "RevisionId", "KMSKeyArn");

    void updateConfiguration(WireExchange ex, String given) throws IOException {
        String name = ids.function(given).name();
        Optional<String> clientRevision = ex.string("RevisionId");
        // Silently dropping a member the user sent would lose their change; say so instead.
        for (String member : ex.body().keySet()) {
            if (!UPDATABLE.contains(member)) {
                throw WireError.invalid("lambdoku local serve cannot change " + member
                        + " with UpdateFunctionConfiguration; it supports " + String.join(", ", UPDATABLE) + ".");
            }
        }
        for (int attempt = 1; ; attempt++) {
            FunctionConfig current = lambda.getFunction(name, FunctionConfig.LATEST);
            FunctionSettings s = current.settings();
            FunctionSettings merged = new FunctionSettings(ex.string("Runtime").orElse(s.runtime()),
                    ex.string("Handler").orElse(s.handler()), ex.string("Role").orElse(s.role()),
                    ex.integer("MemorySize").orElse(s.memorySize()), ex.integer("Timeout").orElse(s.timeout()),
                    environment(ex).orElse(s.environment()), layers(ex).orElse(s.layers()), s.architecture(),
                    ex.body().containsKey("KMSKeyArn") ? ex.string("KMSKeyArn") : s.kmsKeyArn()); // "" = the default key
            try {
                FunctionConfig updated = lambda.updateFunctionConfiguration(name, merged, ex.string("Description"),
                        Optional.of(clientRevision.orElse(current.revisionId())));
                ex.json(200, WireShapes.function(updated));
                return;
            } catch (PreconditionFailedException raced) {
                if (clientRevision.isPresent() || attempt == 10) {
                    throw raced;
                }
            }
        }
    }

    /** DryRun checks the package and answers as the update would, changing nothing (as on Lambda). */
    void updateCode(WireExchange ex, String given) throws IOException {
        String name = ids.function(given).name();
        CodeZip code = zip(ex, ex.body());
        Optional<String> architecture = architecture(ex);
        if (ex.flag("DryRun")) {
            FunctionConfig current = lambda.getFunction(name, FunctionConfig.LATEST);
            io.lambdoku.core.code.Zips.check(code.bytes(), "The code of " + name);
            FunctionConfig would = new FunctionConfig(current.name(), current.arn(), current.version(),
                    architecture.map(current.settings()::withArchitecture).orElse(current.settings()), current.description(),
                    code.codeSha256(), code.size(), current.revisionId(), current.lastModified(),
                    current.lastUpdateStatus(), current.lastUpdateStatusReason(), current.state());
            ex.json(200, WireShapes.function(would));
            return;
        }
        FunctionConfig updated = lambda.updateFunctionCode(name, code, architecture, ex.string("RevisionId"),
                ex.flag("Publish"));
        ex.json(200, WireShapes.function(updated));
    }

    /** Without a Description the version takes $LATEST's, as on Lambda. */
    void publish(WireExchange ex, String given) throws IOException {
        String name = ids.function(given).name();
        String description = ex.string("Description")
                .orElseGet(() -> lambda.getFunction(name, FunctionConfig.LATEST).description());
        FunctionConfig version = lambda.publishVersion(name, description, ex.string("CodeSha256"), ex.string("RevisionId"));
        ex.json(201, WireShapes.function(version));
    }

    /** $LATEST first, then published versions oldest first: the newest is on the last page, as on Lambda. */
    void listVersions(WireExchange ex, String given) throws IOException {
        String name = ids.function(given).name();
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(WireShapes.function(latestArn(lambda.getFunction(name, FunctionConfig.LATEST))));
        lambda.listVersions(name).forEach(v -> all.add(WireShapes.function(v)));
        ex.json(200, Page.of("Versions", all, ex));
    }

    /** The Code.Location GetFunction hands out: the zip itself, so clients can download a release's code. */
    void download(WireExchange ex, String hex) throws IOException {
        byte[] sha;
        try {
            sha = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw WireError.invalid("'" + hex + "' is not a SHA-256 in hex.");
        }
        byte[] zip = lambda.readCode(Base64.getEncoder().encodeToString(sha))
                .orElseThrow(() -> new io.lambdoku.core.lambda.ResourceNotFoundException("No code " + hex + " here."));
        ex.bytes(200, "application/zip", zip, Map.of());
    }

    /** Asked for by qualifier, even $LATEST answers with its qualified ARN, as on Lambda. */
    private FunctionConfig configuration(WireExchange ex, String given) {
        FunctionRef ref = ids.qualified(ex, given);
        if (ref.qualifier().filter(FunctionConfig.LATEST::equals).isEmpty()) {
            return lambda.getFunction(ref.name(), ref.qualifierOrLatest());
        }
        try {
            return latestArn(lambda.getFunction(ref.name(), FunctionConfig.LATEST));
        } catch (ResourceNotFoundException e) {
            throw ResourceNotFoundException.version(ref.name(), FunctionConfig.LATEST); // AWS names :$LATEST
        }
    }

    private static FunctionConfig latestArn(FunctionConfig latest) {
        return latest.withArn(latest.arn() + ":" + FunctionConfig.LATEST);
    }

    /** Architectures holds exactly one of x86_64 and arm64 on Lambda. */
    private static Optional<String> architecture(WireExchange ex) {
        Object v = ex.body().get("Architectures");
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof List<?> list) || list.size() != 1 || !(list.get(0) instanceof String a)) {
            throw WireError.validation("1 validation error detected: Value '" + v + "' at 'architectures' failed to"
                    + " satisfy constraint: Member must have length less than or equal to 1");
        }
        LambdaLimits.checkArchitecture(a);
        return Optional.of(a);
    }

    private static CodeZip zip(WireExchange ex, Map<String, Object> code) {
        Object zipFile = code.get("ZipFile");
        if (zipFile == null) {
            if (code.containsKey("S3Bucket") || code.containsKey("ImageUri")) {
                throw WireError.invalid("lambdoku local serve keeps no S3 buckets or images; send the zip as ZipFile.");
            }
            throw WireError.invalid("ZipFile is required.");
        }
        try {
            return new CodeZip(Base64.getDecoder().decode(String.valueOf(zipFile)));
        } catch (IllegalArgumentException e) {
            throw WireError.badRequest("ZipFile is not valid base64.");
        }
    }

    private static Optional<Map<String, String>> environment(WireExchange ex) {
        return ex.object("Environment").map(env -> {
            Object vars = env.getOrDefault("Variables", Map.of());
            if (!(vars instanceof Map<?, ?> m)) {
                throw WireError.badRequest("Environment.Variables must be an object.");
            }
            return strings(m, "Environment.Variables");
        });
    }

    @SuppressWarnings("unchecked")
    private static Optional<List<String>> layers(WireExchange ex) {
        Object v = ex.body().get("Layers");
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof List<?> list) || list.stream().anyMatch(x -> !(x instanceof String))) {
            throw WireError.badRequest("Layers must be a list of layer version ARNs.");
        }
        return Optional.of((List<String>) v);
    }

    static Map<String, String> strings(Map<?, ?> m, String member) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (!(v instanceof String s)) {
                throw WireError.badRequest(member + "." + k + " must be a string.");
            }
            out.put(String.valueOf(k), s);
        });
        return out;
    }
}
