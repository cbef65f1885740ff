package io.lambdoku.local.infra;

import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.RoleSpec;
import io.lambdoku.core.infra.ScheduleSpec;
import io.lambdoku.local.store.SettingsJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Roles, schedules and alarms as the JSON text of their store rows (the name is the row's key, not in the text). */
final class InfraJson {

    private InfraJson() {
    }

    static String role(RoleSpec r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("function", r.function());
        m.put("statements", r.statements());
        m.put("managed", r.managed());
        return SettingsJson.asString(m);
    }

    @SuppressWarnings("unchecked")
    static RoleSpec role(String name, String json) {
        Map<String, Object> m = SettingsJson.asMap(json);
        return new RoleSpec(name, (String) m.get("function"), (List<Map<String, Object>>) m.get("statements"),
                (List<String>) m.get("managed"));
    }

    static String schedule(ScheduleSpec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("expression", s.expression());
        m.put("timezone", s.timezone());
        s.payload().ifPresent(p -> m.put("payload", p));
        m.put("enabled", s.enabled());
        return SettingsJson.asString(m);
    }

    static ScheduleSpec schedule(String name, String json) {
        Map<String, Object> m = SettingsJson.asMap(json);
        return new ScheduleSpec(name, (String) m.get("expression"), (String) m.get("timezone"),
                Optional.ofNullable((String) m.get("payload")), Boolean.TRUE.equals(m.get("enabled")));
    }

    static String alarm(AlarmSpec a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", a.metric());
        m.put("statistic", a.statistic());
        m.put("threshold", a.threshold());
        m.put("comparison", a.comparison());
        m.put("period", a.period());
        m.put("evaluationPeriods", a.evaluationPeriods());
        m.put("actions", a.actions());
        return SettingsJson.asString(m);
    }

    @SuppressWarnings("unchecked")
    static AlarmSpec alarm(String name, String json) {
        Map<String, Object> m = SettingsJson.asMap(json);
        return new AlarmSpec(name, (String) m.get("metric"), (String) m.get("statistic"),
                ((Number) m.get("threshold")).doubleValue(), (String) m.get("comparison"),
                ((Number) m.get("period")).intValue(), ((Number) m.get("evaluationPeriods")).intValue(),
                (List<String>) m.get("actions"));
    }
}
