package io.lambdoku.local.server;

import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionRef;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.core.lambda.PreconditionFailedException;
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
    private final CodeLocations codeLocations;

    FunctionRoutes(LocalLambda lambda, CodeLocations codeLocations) {
        this.lambda = lambda;
        this.codeLocations = codeLocations;
    }

    static String name(String given) {
        return FunctionRef.parse(given).name();
    }

    void list(WireExchange ex) throws IOException {
        List<Map<String, Object>> all = lambda.listFunctions().stream().map(WireShapes::function).toList();
        ex.json(200, Page.of("Functions", all, ex));
    }

    void create(WireExchange ex) throws IOException {
        String name = name(ex.string("FunctionName").orElseThrow(() -> WireError.invalid("FunctionName is required.")));
        FunctionSettings settings = new FunctionSettings(
                ex.string("Runtime").orElseThrow(() -> WireError.invalid("Runtime is required for a Zip function.")),
                ex.string("Handler").orElseThrow(() -> WireError.invalid("Handler is required for a Zip function.")),
                ex.string("Role").orElseThrow(() -> WireError.invalid("Role is required.")),
                ex.integer("MemorySize").orElse(128), ex.integer("Timeout").orElse(3),
                environment(ex).orElse(Map.of()), layers(ex).orElse(List.of()));
        CodeZip code = zip(ex, ex.object("Code").orElseThrow(() -> WireError.invalid("Code is required.")));
        FunctionConfig created = lambda.createFunction(new NewFunction(name, settings,
                ex.string("Description").orElse(""), code, strings(ex.object("Tags").orElse(Map.of()), "Tags")));
        if (ex.flag("Publish")) {
            created = lambda.publishVersion(name, ex.string("Description").orElse(""), Optional.empty(), Optional.empty());
        }
        ex.json(201, WireShapes.function(created));
    }

    void get(WireExchange ex, String given) throws IOException {
        FunctionConfig config = configuration(ex, given);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Configuration", WireShapes.function(config));
        m.put("Code", Map.of("RepositoryType", "S3", "Location", codeLocations.of(config.codeSha256())));
        m.put("Tags", lambda.listTags(config.name()));
        ex.json(200, m);
    }

    void getConfiguration(WireExchange ex, String given) throws IOException {
        ex.json(200, WireShapes.function(configuration(ex, given)));
    }

    void delete(WireExchange ex, String given) throws IOException {
        String name = name(given);
        Optional<String> qualifier = ex.query("Qualifier").filter(q -> !FunctionConfig.LATEST.equals(q));
        if (qualifier.isPresent()) {
            if (!qualifier.get().matches("[0-9]{1,9}")) {
                throw WireError.invalid("Qualifier '" + qualifier.get() + "' is not a version number; delete an alias with DeleteAlias.");
            }
            lambda.deleteVersion(name, Integer.parseInt(qualifier.get()));
        } else {
            lambda.deleteFunction(name);
        }
        ex.empty(204);
    }

    /**
     * Only the members present change, as on Lambda. Without a client RevisionId the merge is guarded
     * by the one it read, and redone if another writer got in between, so a concurrent change survives.
     */
    private static final List<String> UPDATABLE = List.of("Runtime", "Handler", "Role", "MemorySize", "Timeout",
            "Environment", "Layers", "RevisionId");

    void updateConfiguration(WireExchange ex, String given) throws IOException {
        String name = name(given);
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
                    environment(ex).orElse(s.environment()), layers(ex).orElse(s.layers()));
            try {
                FunctionConfig updated = lambda.updateFunctionConfiguration(name, merged,
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

    void updateCode(WireExchange ex, String given) throws IOException {
        String name = name(given);
        CodeZip code = zip(ex, ex.body());
        FunctionConfig updated = lambda.updateFunctionCode(name, code, ex.string("RevisionId"));
        if (ex.flag("Publish")) {
            updated = lambda.publishVersion(name, "", Optional.of(updated.codeSha256()), Optional.of(updated.revisionId()));
        }
        ex.json(200, WireShapes.function(updated));
    }

    void publish(WireExchange ex, String given) throws IOException {
        FunctionConfig version = lambda.publishVersion(name(given), ex.string("Description").orElse(""),
                ex.string("CodeSha256"), ex.string("RevisionId"));
        ex.json(201, WireShapes.function(version));
    }

    /** $LATEST first, then published versions oldest first: the newest is on the last page, as on Lambda. */
    void listVersions(WireExchange ex, String given) throws IOException {
        String name = name(given);
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(WireShapes.function(lambda.getFunction(name, FunctionConfig.LATEST)));
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

    private FunctionConfig configuration(WireExchange ex, String given) {
        FunctionRef ref = FunctionRef.parse(given);
        return lambda.getFunction(ref.name(), ex.query("Qualifier").orElse(FunctionConfig.LATEST));
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
