package io.lambdoku.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {name} placeholders of recorded-aws/lambda-cases.json, filled in everywhere in a case's JSON. */
final class Placeholders {

    private final Map<String, String> values = new LinkedHashMap<>();

    Placeholders with(String name, String value) {
        values.put("{" + name + "}", value);
        return this;
    }

    String resolve(String s) {
        String out = s;
        // values may hold other placeholders ({arn} holds {fn}): repeat until nothing changes
        for (int round = 0; round < 3; round++) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                out = out.replace(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** A copy of a parsed JSON value with every string (map keys too) resolved. */
    Object resolve(Object json) {
        if (json instanceof String s) {
            return resolve(s);
        }
        if (json instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(resolve(String.valueOf(k)), resolve(v)));
            return out;
        }
        if (json instanceof List<?> l) {
            return l.stream().map(this::resolve).toList();
        }
        return json;
    }
}
