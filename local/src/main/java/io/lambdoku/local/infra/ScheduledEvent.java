package io.lambdoku.local.infra;

import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.store.SettingsJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The event EventBridge sends a function on a schedule: detail-type "Scheduled Event", source aws.events. */
final class ScheduledEvent {

    private ScheduledEvent() {
    }

    /** {@code due}: the time the schedule fired for, to the second as EventBridge writes it. */
    static String json(String region, String scheduleArn, Instant due) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", "0");
        m.put("id", UUID.randomUUID().toString());
        m.put("detail-type", "Scheduled Event");
        m.put("source", "aws.events");
        m.put("account", LocalOptions.ACCOUNT);
        m.put("time", due.truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("region", region);
        m.put("resources", List.of(scheduleArn));
        m.put("detail", Map.of());
        return SettingsJson.asString(m);
    }
}
