package io.lambdoku.local.store;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.lambda.FunctionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Settings as canonical JSON text (fixed key order, sorted env), so that "nothing changed since the
 * newest version" is a string comparison in SQL or Java.
 */
public final class SettingsJson {

    private SettingsJson() {
    }

    public static String write(FunctionSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runtime", s.runtime());
        m.put("handler", s.handler());
        m.put("role", s.role());
        m.put("memorySize", s.memorySize());
        m.put("timeout", s.timeout());
        m.put("environment", new TreeMap<>(s.environment()));
        m.put("layers", s.layers());
        if (!FunctionSettings.X86_64.equals(s.architecture())) {
            m.put("architecture", s.architecture()); // absent for x86_64, so rows written before arm64 compare equal
        }
        s.kmsKeyArn().ifPresent(k -> m.put("kmsKeyArn", k)); // absent for the default key, as architecture above
        return asString(m);
    }

    @SuppressWarnings("unchecked")
    public static FunctionSettings read(String json) {
        Map<String, Object> m = asMap(json);
        return new FunctionSettings((String) m.get("runtime"), (String) m.get("handler"), (String) m.get("role"),
                ((Number) m.get("memorySize")).intValue(), ((Number) m.get("timeout")).intValue(),
                (Map<String, String>) m.get("environment"), (List<String>) m.get("layers"),
                (String) m.getOrDefault("architecture", FunctionSettings.X86_64),
                Optional.ofNullable((String) m.get("kmsKeyArn")));
    }

    public static String asString(Object value) {
        try {
            return JSON.std.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> asMap(String json) {
        try {
            return JSON.std.mapFrom(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
