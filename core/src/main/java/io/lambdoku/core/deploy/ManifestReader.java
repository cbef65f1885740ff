package io.lambdoku.core.deploy;

import io.lambdoku.core.infra.FunctionInfra;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaLimits;
import io.lambdoku.core.secret.Sealing;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads lambdoku.json so that every error names the file, the line and the key: an unknown key, a wrong
 * type, a bad value. Nothing is planned or deployed from a manifest that fails here. What lives around
 * the function (role, schedules, alarms, concurrency, aliases) is read by {@link InfraReader}.
 */
public final class ManifestReader {

    static final List<String> KEYS = List.of("name", "runtime", "handler", "memory", "timeout", "role",
            "architecture", "description", "environment", "layers", "include", "exclude", "build", "substitute",
            "schedules", "alarms", "reservedConcurrency", "aliases", "url", "secrets", "kmsKeyArn");
    private static final Set<String> ARCHITECTURES = Set.of("x86_64", "arm64");
    private static final String RUNTIME = "(python3\\.\\d+|nodejs\\d+\\.x|java\\d+|provided(\\.al2(023)?)?|ruby3\\.\\d+|dotnet\\d+)";

    private ManifestReader() {
    }

    public static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(Manifest.FILE));
    }

    public static Manifest read(Path dir) {
        LocatedJson json;
        try {
            json = LocatedJson.read(dir.resolve(Manifest.FILE));
        } catch (NoSuchFileException e) {
            throw new InvalidParameterException("No " + Manifest.FILE + " in " + dir + "; write one (see examples/hello-python).");
        }
        JsonFields f = JsonFields.of(json, "", json.root(), "{\"runtime\": \"python3.12\"}").allow(KEYS);
        return manifest(dir, f);
    }

    private static Manifest manifest(Path dir, JsonFields f) {
        String name = f.string("name").orElse(dir.toAbsolutePath().normalize().getFileName().toString());
        f.check("name", () -> LambdaLimits.checkFunctionName(name));
        String runtime = required(f, "runtime");
        if (!runtime.matches(RUNTIME)) {
            throw f.error("runtime", "runtime '" + runtime + "' is not a Lambda runtime like python3.12, nodejs20.x, java21, provided.al2023");
        }
        String handler = required(f, "handler");
        long memory = f.whole("memory").orElse(128L);
        if (memory < LambdaLimits.MIN_MEMORY || memory > LambdaLimits.MAX_MEMORY) {
            throw f.error("memory", "memory " + memory + " is out of range; Lambda takes 128 to 10240 MB");
        }
        long timeout = f.whole("timeout").orElse(3L);
        if (timeout < 1 || timeout > LambdaLimits.MAX_TIMEOUT) {
            throw f.error("timeout", "timeout " + timeout + " is out of range; Lambda takes 1 to 900 seconds");
        }
        String architecture = f.string("architecture").orElse("x86_64");
        if (!ARCHITECTURES.contains(architecture)) {
            throw f.error("architecture", "architecture '" + architecture + "' is not x86_64 or arm64");
        }
        String description = f.string("description").orElse("");
        f.check("description", () -> LambdaLimits.checkDescription(description));
        Map<String, String> env = environment(f);
        f.check("environment", () -> {
            env.keySet().forEach(LambdaLimits::checkEnvName);
            env.keySet().forEach(Sealing::checkName); // LAMBDOKU_SEALED there would pass plaintext off as sealed
            LambdaLimits.checkEnvironment(env);
        });
        List<String> secrets = f.strings("secrets");
        f.check("secrets", () -> secrets.forEach(Sealing::checkName));
        Optional<String> kmsKeyArn = f.string("kmsKeyArn").filter(k -> !k.isEmpty());
        f.check("kmsKeyArn", () -> kmsKeyArn.ifPresent(LambdaLimits::checkKmsKeyArn));
        Optional<String> build = f.string("build").filter(s -> !s.isBlank());
        FunctionInfra infra = new InfraReader(f, name).read();
        Optional<String> role = f.raw("role").filter(String.class::isInstance).map(String.class::cast);
        return new Manifest(dir, name, runtime, handler, (int) memory, (int) timeout, role, architecture, description, env,
                f.strings("layers"), f.strings("include"), f.strings("exclude"), build, f.strings("substitute"), infra, secrets,
                kmsKeyArn);
    }

    private static Map<String, String> environment(JsonFields f) {
        if (!f.has("environment")) {
            return Map.of();
        }
        JsonFields env = JsonFields.of(f.json(), "environment", f.raw("environment").orElse(null),
                "{\"STAGE\": \"dev\"}");
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : envKeys(f)) {
            Object value = env.raw(key).orElse(null);
            if (!(value instanceof String s)) {
                throw env.error(key, "environment value of '" + key + "' must be a string (quote numbers and booleans)");
            }
            out.put(key, s);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> envKeys(JsonFields f) {
        return ((Map<String, Object>) f.raw("environment").orElseThrow()).keySet();
    }

    private static String required(JsonFields f, String key) {
        String value = f.string(key).orElse("");
        if (value.isBlank()) {
            throw new InvalidParameterException(f.json().file() + ": '" + key + "' is required.");
        }
        return value;
    }
}
