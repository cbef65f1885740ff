package io.lambdoku.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORGenerator;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORParser;

/**
 * Smithy RPC v2 CBOR bodies for tests, with the CBOR codec the SDK itself ships: decoded to maps,
 * lists, strings, numbers and (tag 1) Instants; and JSON documents re-encoded as CBOR, the named
 * fields' ISO-8601 texts becoming tag-1 epoch seconds as the protocol sends timestamps.
 */
final class Cbor {

    private static final CBORFactory CBOR = new CBORFactory();
    private static final int EPOCH_TAG = 1;

    private Cbor() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> decode(byte[] body) {
        try (JsonParser p = CBOR.createParser(body)) {
            p.nextToken();
            return (Map<String, Object>) value((CBORParser) p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] fromJson(String json, Set<String> timestamps) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonParser p = new JsonFactory().createParser(json); CBORGenerator g = CBOR.createGenerator(out)) {
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                    g.writeFieldName(field);
                } else if (t == JsonToken.VALUE_STRING && timestamps.contains(field)) {
                    Instant at = Instant.parse(p.getText());
                    g.writeTag(EPOCH_TAG);
                    g.writeNumber(at.toEpochMilli() / 1000.0);
                } else {
                    g.copyCurrentEvent(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A map (as {@link #decode} returns) back to CBOR; Instants become tag-1 epoch seconds. */
    static byte[] encode(Map<String, Object> value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = CBOR.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(CBORGenerator g, Object v) throws IOException {
        if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Instant i) {
            g.writeTag(EPOCH_TAG);
            g.writeNumber(i.toEpochMilli() / 1000.0);
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer n) {
            g.writeNumber(n);
        } else if (v instanceof Long n) {
            g.writeNumber(n);
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else {
            g.writeNull();
        }
    }

    private static Object value(CBORParser p) throws IOException {
        boolean epoch = p.getCurrentTag() == EPOCH_TAG;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return epoch ? Instant.ofEpochMilli(Math.round(p.getDoubleValue() * 1000)) : p.getNumberValue();
            }
            case VALUE_TRUE -> {
                return true;
            }
            case VALUE_FALSE -> {
                return false;
            }
            default -> {
                return null;
            }
        }
    }
}
