package io.lambdoku.core.deploy;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of one JSON object of a manifest, read with their types checked; every error names the
 * file, the line and the key's path ({@code alarms[0].period}).
 */
final class JsonFields {

    private final LocatedJson json;
    private final String path;
    private final Map<String, Object> values;

    private JsonFields(LocatedJson json, String path, Map<String, Object> values) {
        this.json = json;
        this.path = path;
        this.values = values;
    }

    /** {@code value} found at {@code path}, which must be an object, shaped like {@code example}. */
    @SuppressWarnings("unchecked")
    static JsonFields of(LocatedJson json, String path, Object value, String example) {
        if (!(value instanceof Map)) {
            throw json.error(path, (path.isEmpty() ? "must hold one JSON object" : "'" + path + "' must be an object")
                    + ", like " + example);
        }
        return new JsonFields(json, path, (Map<String, Object>) value);
    }

    /** Refuses any key not among {@code known} ({@code $schema} is always allowed at the top). */
    JsonFields allow(List<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key) && !(path.isEmpty() && key.equals("$schema"))) {
                throw json.error(path(key), "unknown key '" + path(key) + "'; known keys"
                        + (path.isEmpty() ? "" : " of " + path) + ": " + String.join(", ", known));
            }
        }
        return this;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Optional<Object> raw(String key) {
        return Optional.ofNullable(values.get(key));
    }

    Optional<String> string(String key) {
        Object v = values.get(key);
        if (v != null && !(v instanceof String)) {
            throw error(key, "'" + path(key) + "' must be a string");
        }
        return Optional.ofNullable((String) v);
    }

    Optional<Long> whole(String key) {
        Object v = values.get(key);
        if (v != null && !(v instanceof Integer || v instanceof Long)) {
            throw error(key, "'" + path(key) + "' must be a whole number");
        }
        return Optional.ofNullable(v == null ? null : ((Number) v).longValue());
    }

    Optional<Double> number(String key) {
        Object v = values.get(key);
        if (v != null && !(v instanceof Number)) {
            throw error(key, "'" + path(key) + "' must be a number");
        }
        return Optional.ofNullable(v == null ? null : ((Number) v).doubleValue());
    }

    Optional<Boolean> bool(String key) {
        Object v = values.get(key);
        if (v != null && !(v instanceof Boolean)) {
            throw error(key, "'" + path(key) + "' must be true or false");
        }
        return Optional.ofNullable((Boolean) v);
    }

    List<String> strings(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw error(key, "'" + path(key) + "' must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) {
                throw json.error(path(key) + "[" + i + "]", "'" + path(key) + "' must hold strings only");
            }
            out.add(s);
        }
        return out;
    }

    /** The elements of an array key, each with its own path. */
    List<Object> array(String key, String example) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw error(key, "'" + path(key) + "' must be an array, like " + example);
        }
        return java.util.Collections.unmodifiableList(new ArrayList<>(list));
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    LocatedJson json() {
        return json;
    }

    InvalidParameterException error(String key, String what) {
        return json.error(path(key), what);
    }

    /** A check of the core's own (LambdaLimits…) whose sentence is reworded as file, line and key. */
    void check(String key, Runnable check) {
        try {
            check.run();
        } catch (InvalidParameterException e) {
            throw error(key, e.getMessage().replaceAll("\\.$", ""));
        }
    }
}
