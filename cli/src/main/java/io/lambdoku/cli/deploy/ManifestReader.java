package io.lambdoku.cli.deploy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.lambdoku.core.deploy.Manifest;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads lambdoku.json with a streaming parser, so every error names the file, the line and the key:
 * an unknown key, a wrong type, a bad value. Nothing is deployed from a manifest that fails here.
 */
public final class ManifestReader {

    static final List<String> KEYS = List.of("name", "runtime", "handler", "memory", "timeout", "role",
            "architecture", "description", "environment", "layers", "include", "exclude", "build", "substitute");
    private static final Set<String> ARCHITECTURES = Set.of("x86_64", "arm64");

    private final Path file;
    private final Map<String, Integer> lines = new HashMap<>();

    private ManifestReader(Path file) {
        this.file = file;
    }

    public static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(Manifest.FILE));
    }

    public static Manifest read(Path dir) {
        return new ManifestReader(dir.resolve(Manifest.FILE)).parse(dir);
    }

    private Manifest parse(Path dir) {
        Map<String, Object> values = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(Files.newInputStream(file))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(p.currentLocation().getLineNr(), "must hold one JSON object, like {\"runtime\": \"python3.12\"}");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int line = p.currentLocation().getLineNr();
                p.nextToken();
                if (key.equals("$schema")) {
                    p.skipChildren();
                    continue;
                }
                if (!KEYS.contains(key)) {
                    throw error(line, "unknown key '" + key + "'; known keys: " + String.join(", ", KEYS));
                }
                lines.put(key, line);
                values.put(key, value(p, key, line));
            }
            if (p.nextToken() != null) {
                throw error(p.currentLocation().getLineNr(), "has text after its closing brace");
            }
        } catch (NoSuchFileException e) {
            throw new InvalidParameterException("No " + Manifest.FILE + " in " + dir + "; write one (see examples/hello-python).");
        } catch (JsonProcessingException e) {
            throw error(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidParameterException("Cannot read " + file + ": " + e.getMessage() + ".");
        }
        return manifest(dir, values);
    }

    private Object value(JsonParser p, String key, int line) throws IOException {
        switch (key) {
            case "memory", "timeout":
                if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                    throw error(line, "'" + key + "' must be a whole number");
                }
                return p.getLongValue();
            case "environment":
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw error(line, "'environment' must be an object of strings, like {\"STAGE\": \"dev\"}");
                }
                Map<String, String> env = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int at = p.currentLocation().getLineNr();
                    if (p.nextToken() != JsonToken.VALUE_STRING) {
                        throw error(at, "environment value of '" + name + "' must be a string (quote numbers and booleans)");
                    }
                    env.put(name, p.getText());
                }
                return env;
            case "layers", "include", "exclude", "substitute":
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw error(line, "'" + key + "' must be an array of strings");
                }
                List<String> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() != JsonToken.VALUE_STRING) {
                        throw error(p.currentLocation().getLineNr(), "'" + key + "' must hold strings only");
                    }
                    list.add(p.getText());
                }
                return list;
            default:
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    throw error(line, "'" + key + "' must be a string");
                }
                return p.getText();
        }
    }

    @SuppressWarnings("unchecked")
    private Manifest manifest(Path dir, Map<String, Object> v) {
        String name = (String) v.getOrDefault("name", dir.toAbsolutePath().normalize().getFileName().toString());
        check("name", () -> LambdaLimits.checkFunctionName(name));
        String runtime = required(v, "runtime");
        if (!runtime.matches("(python3\\.\\d+|nodejs\\d+\\.x|java\\d+|provided(\\.al2(023)?)?|ruby3\\.\\d+|dotnet\\d+)")) {
            throw error(line("runtime"), "runtime '" + runtime + "' is not a Lambda runtime like python3.12, nodejs20.x, java21, provided.al2023");
        }
        String handler = required(v, "handler");
        long memory = (long) v.getOrDefault("memory", 128L);
        if (memory < LambdaLimits.MIN_MEMORY || memory > LambdaLimits.MAX_MEMORY) {
            throw error(line("memory"), "memory " + memory + " is out of range; Lambda takes 128 to 10240 MB");
        }
        long timeout = (long) v.getOrDefault("timeout", 3L);
        if (timeout < 1 || timeout > LambdaLimits.MAX_TIMEOUT) {
            throw error(line("timeout"), "timeout " + timeout + " is out of range; Lambda takes 1 to 900 seconds");
        }
        String architecture = (String) v.getOrDefault("architecture", "x86_64");
        if (!ARCHITECTURES.contains(architecture)) {
            throw error(line("architecture"), "architecture '" + architecture + "' is not x86_64 or arm64");
        }
        String description = (String) v.getOrDefault("description", "");
        check("description", () -> LambdaLimits.checkDescription(description));
        Map<String, String> env = (Map<String, String>) v.getOrDefault("environment", Map.of());
        check("environment", () -> {
            env.keySet().forEach(LambdaLimits::checkEnvName);
            LambdaLimits.checkEnvironment(env);
        });
        Optional<String> build = Optional.ofNullable((String) v.get("build")).filter(s -> !s.isBlank());
        return new Manifest(dir, name, runtime, handler, (int) memory, (int) timeout,
                Optional.ofNullable((String) v.get("role")).filter(s -> !s.isBlank()), architecture, description, env,
                (List<String>) v.getOrDefault("layers", List.of()), (List<String>) v.getOrDefault("include", List.of()),
                (List<String>) v.getOrDefault("exclude", List.of()), build,
                (List<String>) v.getOrDefault("substitute", List.of()));
    }

    private String required(Map<String, Object> v, String key) {
        Object value = v.get(key);
        if (value == null || ((String) value).isBlank()) {
            throw new InvalidParameterException(file + ": '" + key + "' is required.");
        }
        return (String) value;
    }

    private void check(String key, Runnable check) {
        try {
            check.run();
        } catch (InvalidParameterException e) {
            throw error(line(key), e.getMessage().replaceAll("\\.$", ""));
        }
    }

    private int line(String key) {
        return lines.getOrDefault(key, 0);
    }

    private InvalidParameterException error(int line, String what) {
        return new InvalidParameterException(file + (line > 0 ? " line " + line : "") + ": " + what + ".");
    }
}
