package io.lambdoku.core.deploy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.lambdoku.core.lambda.InvalidParameterException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON file read into plain values (maps, lists, strings, numbers, booleans, null) that remembers the
 * line of every key and element by its path ({@code schedules[1].expression}), so that a check made
 * after parsing can still name the file, the line and the key.
 */
final class LocatedJson {

    private final Path file;
    private final Map<String, Integer> lines = new HashMap<>();
    private Object root;

    private LocatedJson(Path file) {
        this.file = file;
    }

    /** Reads {@code file}; a missing file is {@link NoSuchFileException} for the caller to word. */
    static LocatedJson read(Path file) throws NoSuchFileException {
        LocatedJson json = new LocatedJson(file);
        try (InputStream in = Files.newInputStream(file); JsonParser p = new JsonFactory().createParser(in)) {
            if (p.nextToken() == null) {
                throw json.error(1, "is empty; it must hold one JSON object");
            }
            json.root = json.value(p, "");
            if (p.nextToken() != null) {
                throw json.error(p.currentLocation().getLineNr(), "has text after its closing brace");
            }
        } catch (NoSuchFileException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw json.error(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidParameterException("Cannot read " + file + ": " + e.getMessage() + ".");
        }
        return json;
    }

    Object root() {
        return root;
    }

    Path file() {
        return file;
    }

    /** The line of {@code path}, else of the nearest enclosing path that has one. */
    int line(String path) {
        for (String p = path; ; p = parent(p)) {
            Integer line = lines.get(p);
            if (line != null || p.isEmpty()) {
                return line == null ? 0 : line;
            }
        }
    }

    /** "lambdoku.json line 4: what." */
    InvalidParameterException error(String path, String what) {
        return error(line(path), what);
    }

    InvalidParameterException error(int line, String what) {
        return new InvalidParameterException(file + (line > 0 ? " line " + line : "") + ": " + what + ".");
    }

    private Object value(JsonParser p, String path) throws IOException {
        lines.putIfAbsent(path, p.currentLocation().getLineNr());
        return switch (p.currentToken()) {
            case START_OBJECT -> object(p, path);
            case START_ARRAY -> array(p, path);
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    private Map<String, Object> object(JsonParser p, String path) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            String child = path.isEmpty() ? key : path + "." + key;
            lines.put(child, p.currentLocation().getLineNr());
            p.nextToken();
            if (map.containsKey(key)) {
                throw error(lines.get(child), "'" + child + "' is given twice");
            }
            map.put(key, value(p, child));
        }
        return map;
    }

    private List<Object> array(JsonParser p, String path) throws IOException {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String child = path + "[" + list.size() + "]";
            lines.put(child, p.currentLocation().getLineNr());
            list.add(value(p, child));
        }
        return list;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
