package io.lambdoku.core.rollout;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A rollout record as one JSON document, both ways: what every {@link RolloutStore} keeps and what
 * {@code rollout --json} prints, so the two never drift. Times are ISO-8601, durations milliseconds,
 * weights percent on the new version. {@code format} lets a later lambdoku read an older record.
 */
public final class RolloutJson {

    static final int FORMAT = 1;

    private RolloutJson() {
    }

    public static String write(Rollout r) {
        try {
            return JSON.std.asString(map(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Rollout read(String json) {
        try {
            return rollout(JSON.std.mapFrom(json));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable rollout record: " + e.getMessage(), e);
        }
    }

    public static Map<String, Object> map(Rollout r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("id", r.id());
        m.put("function", r.function());
        m.put("alias", r.alias());
        m.put("oldVersion", r.oldVersion().orElse(null));
        m.put("newVersion", r.newVersion());
        m.put("strategy", r.strategy().text());
        m.put("gates", gates(r.gates()));
        m.put("preHook", r.preHook().map(RolloutJson::hook).orElse(null));
        m.put("postHook", r.postHook().map(RolloutJson::hook).orElse(null));
        m.put("phase", r.phase().title());
        m.put("step", r.step());
        m.put("steps", r.strategy().shifts());
        m.put("weight", r.weight());
        m.put("stepStarted", r.stepStarted().map(Instant::toString).orElse(null));
        m.put("nextShift", r.nextShift().map(Instant::toString).orElse(null));
        Map<String, Object> readings = new TreeMap<>();
        r.readings().forEach((v, reading) -> readings.put(v, reading(reading)));
        m.put("readings", readings);
        m.put("aliasRevisionId", r.aliasRevision().orElse(null));
        m.put("driver", r.lease().map(RolloutJson::lease).orElse(null));
        m.put("paused", r.paused().orElse(null));
        m.put("promoteRequestedBy", r.requests().promoteBy().orElse(null));
        m.put("abortRequestedBy", r.requests().abortBy().orElse(null));
        m.put("reason", r.reason().orElse(null));
        m.put("startedBy", r.startedBy());
        m.put("started", r.started().toString());
        m.put("finished", r.finished().map(Instant::toString).orElse(null));
        return m;
    }

    static Rollout rollout(Map<String, Object> m) {
        Map<String, Reading> readings = new TreeMap<>();
        Map<String, Object> stored = object(m.get("readings"));
        stored.forEach((v, reading) -> readings.put(v, reading(v, object(reading))));
        return new Rollout(string(m, "id"), string(m, "function"), string(m, "alias"), optional(m, "oldVersion"),
                string(m, "newVersion"), Strategy.parse(string(m, "strategy")), gates(object(m.get("gates"))),
                Optional.ofNullable(m.get("preHook")).map(h -> hook(object(h))),
                Optional.ofNullable(m.get("postHook")).map(h -> hook(object(h))),
                Phase.valueOf(snake(string(m, "phase"))), number(m, "step").intValue(), number(m, "weight").doubleValue(),
                optional(m, "stepStarted").map(Instant::parse), optional(m, "nextShift").map(Instant::parse), readings,
                optional(m, "aliasRevisionId"), Optional.ofNullable(m.get("driver")).map(d -> lease(object(d))),
                optional(m, "paused"), new Rollout.Requests(optional(m, "promoteRequestedBy"), optional(m, "abortRequestedBy")),
                optional(m, "reason"), string(m, "startedBy"), Instant.parse(string(m, "started")),
                optional(m, "finished").map(Instant::parse));
    }

    private static Map<String, Object> gates(Gates g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxErrorRatePercent", g.maxErrorRatePercent().orElse(null));
        m.put("maxP99Ms", g.maxP99().map(Duration::toMillis).orElse(null));
        m.put("maxThrottles", g.maxThrottles().orElse(null));
        m.put("minInvocations", g.minInvocations());
        m.put("maxHoldMs", g.maxHold().toMillis());
        m.put("alarms", g.alarms());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Gates gates(Map<String, Object> m) {
        return new Gates(Optional.ofNullable((Number) m.get("maxErrorRatePercent")).map(Number::doubleValue),
                Optional.ofNullable((Number) m.get("maxP99Ms")).map(n -> Duration.ofMillis(n.longValue())),
                Optional.ofNullable((Number) m.get("maxThrottles")).map(Number::intValue), number(m, "minInvocations").intValue(),
                Duration.ofMillis(number(m, "maxHoldMs").longValue()), (List<String>) m.getOrDefault("alarms", List.of()));
    }

    private static Map<String, Object> hook(Hook h) {
        return Map.of("kind", h.kind().name().toLowerCase(java.util.Locale.ROOT), "target", h.target());
    }

    private static Hook hook(Map<String, Object> m) {
        return new Hook(Hook.Kind.valueOf(string(m, "kind").toUpperCase(java.util.Locale.ROOT)), string(m, "target"));
    }

    private static Map<String, Object> reading(Reading r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", r.from().toString());
        m.put("to", r.to().toString());
        m.put("invocations", r.invocations());
        m.put("errors", r.errors());
        m.put("throttles", r.throttles());
        m.put("errorRatePercent", r.errorRatePercent());
        m.put("p99Ms", r.p99Ms().orElse(null));
        return m;
    }

    private static Reading reading(String version, Map<String, Object> m) {
        return new Reading(version, Instant.parse(string(m, "from")), Instant.parse(string(m, "to")),
                number(m, "invocations").intValue(), number(m, "errors").intValue(), number(m, "throttles").intValue(),
                Optional.ofNullable((Number) m.get("p99Ms")).map(Number::doubleValue));
    }

    private static Map<String, Object> lease(DriverLease l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("holder", l.holder());
        m.put("pid", l.pid());
        m.put("heartbeat", l.heartbeat().toString());
        m.put("ttlMs", l.ttl().toMillis());
        return m;
    }

    private static DriverLease lease(Map<String, Object> m) {
        return new DriverLease(string(m, "id"), string(m, "holder"), number(m, "pid").longValue(),
                Instant.parse(string(m, "heartbeat")), Duration.ofMillis(number(m, "ttlMs").longValue()));
    }

    /** {@code RolledBack} → {@code ROLLED_BACK}. */
    private static String snake(String title) {
        return title.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    private static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalStateException("missing " + key);
        }
        return s;
    }

    private static Optional<String> optional(Map<String, Object> m, String key) {
        return Optional.ofNullable((String) m.get(key));
    }

    private static Number number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("missing " + key);
        }
        return n;
    }
}
