package io.lambdoku.core.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The infrastructure specs as plain JSON values, both ways: how a plan file and the local store keep
 * them and what plan fingerprints are computed from (maps with sorted keys, so equal specs give equal text).
 */
public final class SpecJson {

    private SpecJson() {
    }

    public static Map<String, Object> role(RoleSpec r) {
        Map<String, Object> m = new TreeMap<>();
        m.put("name", r.name());
        m.put("function", r.function());
        m.put("statements", r.statements().stream().map(SpecJson::sorted).toList());
        m.put("managed", r.managed());
        return m;
    }

    @SuppressWarnings("unchecked")
    public static RoleSpec role(Map<String, Object> m) {
        return new RoleSpec((String) m.get("name"), (String) m.get("function"),
                (List<Map<String, Object>>) (List<?>) list(m.get("statements")), strings(m.get("managed")));
    }

    public static Map<String, Object> schedule(ScheduleSpec s) {
        Map<String, Object> m = new TreeMap<>();
        m.put("name", s.name());
        m.put("expression", s.expression());
        m.put("timezone", s.timezone());
        m.put("payload", s.payload().orElse(null));
        m.put("enabled", s.enabled());
        return m;
    }

    public static ScheduleSpec schedule(Map<String, Object> m) {
        return new ScheduleSpec((String) m.get("name"), (String) m.get("expression"), (String) m.get("timezone"),
                Optional.ofNullable((String) m.get("payload")), Boolean.TRUE.equals(m.get("enabled")));
    }

    public static Map<String, Object> alarm(AlarmSpec a) {
        Map<String, Object> m = new TreeMap<>();
        m.put("name", a.name());
        m.put("metric", a.metric());
        m.put("statistic", a.statistic());
        m.put("threshold", a.threshold());
        m.put("comparison", a.comparison());
        m.put("period", a.period());
        m.put("evaluationPeriods", a.evaluationPeriods());
        m.put("actions", a.actions());
        return m;
    }

    public static AlarmSpec alarm(Map<String, Object> m) {
        return new AlarmSpec((String) m.get("name"), (String) m.get("metric"), (String) m.get("statistic"),
                ((Number) m.get("threshold")).doubleValue(), (String) m.get("comparison"), ((Number) m.get("period")).intValue(),
                ((Number) m.get("evaluationPeriods")).intValue(), strings(m.get("actions")));
    }

    /** A JSON value with every map's keys sorted, at any depth. */
    @SuppressWarnings("unchecked")
    public static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(sorted(v)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    public static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value == null ? new LinkedHashMap<>() : (Map<String, Object>) value;
    }
}
