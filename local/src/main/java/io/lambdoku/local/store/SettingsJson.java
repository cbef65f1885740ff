package io.lambdoku.local.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.lambda.FunctionSettings;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Settings as canonical JSON text (fixed key order, sorted env), so that "nothing changed since the
 * newest version" is a string comparison in SQL or Java. Settings are read and written on every local command's
 * path, through jackson-core's parser and generator: jackson-jr's object layer above them took ~3 ms of a command
 * to start (A/B, commit 8ef47f9), and settings have one fixed shape. Other JSON goes through jackson-jr.
 */
public final class SettingsJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private SettingsJson() {
    }

    public static String write(FunctionSettings s) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("runtime", s.runtime());
            g.writeStringField("handler", s.handler());
            g.writeStringField("role", s.role());
            g.writeNumberField("memorySize", s.memorySize());
            g.writeNumberField("timeout", s.timeout());
            g.writeObjectFieldStart("environment");
            for (Map.Entry<String, String> e : s.environment().entrySet()) { // a sorted map
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("layers");
            for (String layer : s.layers()) {
                g.writeString(layer);
            }
            g.writeEndArray();
            if (!FunctionSettings.X86_64.equals(s.architecture())) {
                g.writeStringField("architecture", s.architecture()); // absent for x86_64: rows written before arm64 compare equal
            }
            if (s.kmsKeyArn().isPresent()) {
                g.writeStringField("kmsKeyArn", s.kmsKeyArn().get()); // absent for the default key, as architecture above
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    public static FunctionSettings read(String json) {
        String runtime = null;
        String handler = null;
        String role = null;
        int memorySize = 0;
        int timeout = 0;
        Map<String, String> environment = new TreeMap<>();
        List<String> layers = new ArrayList<>();
        String architecture = FunctionSettings.X86_64;
        String kmsKeyArn = null;
        try (JsonParser p = FACTORY.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, p, "function settings are not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "runtime" -> runtime = p.getText();
                    case "handler" -> handler = p.getText();
                    case "role" -> role = p.getText();
                    case "memorySize" -> memorySize = p.getIntValue();
                    case "timeout" -> timeout = p.getIntValue();
                    case "environment" -> {
                        expect(p.currentToken(), JsonToken.START_OBJECT, p, notAsWritten("environment"));
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String key = p.currentName();
                            p.nextToken();
                            environment.put(key, p.getText());
                        }
                    }
                    case "layers" -> {
                        expect(p.currentToken(), JsonToken.START_ARRAY, p, notAsWritten("layers"));
                        while (p.nextToken() == JsonToken.VALUE_STRING) {
                            layers.add(p.getText());
                        }
                        expect(p.currentToken(), JsonToken.END_ARRAY, p, notAsWritten("layers"));
                    }
                    case "architecture" -> architecture = p.getText();
                    case "kmsKeyArn" -> kmsKeyArn = p.getText();
                    default -> p.skipChildren(); // latestDescription (on published versions), or a newer lambdoku's
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FunctionSettings(runtime, handler, role, memorySize, timeout, environment, layers, architecture,
                Optional.ofNullable(kmsKeyArn));
    }

    private static String notAsWritten(String field) {
        return "function settings' " + field + " is not what lambdoku writes there";
    }

    private static void expect(JsonToken got, JsonToken wanted, JsonParser p, String otherwise) throws IOException {
        if (got != wanted) {
            throw new JsonParseException(p, otherwise);
        }
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
