package io.lambdoku.core.formation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The formation table's attribute names, as the DynamoDB table holds them and any client writes them, and
 * the row as plain values (String, Number, Boolean) under those names: the local store's JSON and
 * {@code formation --json} use the same keys. Reading is as lenient as a table anyone may write calls for:
 * Scale as a number or a string, Public as a boolean or "true"/"True".
 */
public final class FormationAttributes {

    public static final String NAME = "Name";
    public static final String VERSION = "Version";
    public static final String SCALE = "Scale";
    public static final String SOURCE = "Source";
    public static final String PUBLIC = "Public";
    public static final String GENERATION = "Generation";
    public static final String STATUS = "Status";
    public static final String REASON = "Reason";
    public static final String URL = "Url";
    public static final String OBSERVED_VERSION = "ObservedVersion";
    public static final String OBSERVED_GENERATION = "ObservedGeneration";
    public static final String UPDATED_AT = "UpdatedAt";

    /** Public written as text: JSON's and Python's spellings of true; anything else is false. */
    public static final List<String> TRUE_TEXTS = List.of("true", "True");

    /** A new row's scale when none is given (DesiredChange's default), and a row written without one. */
    public static final int DEFAULT_SCALE = 1;
    /** What a Scale that is no whole number reads as: {@link DesiredRules} refuses it, so the reactor marks the row Failed. */
    public static final int UNREADABLE_SCALE = -1;

    private FormationAttributes() {
    }

    /** Version, Scale, Source, Public; the absent ones left out. */
    public static Map<String, Object> desired(Desired d) {
        Map<String, Object> m = new LinkedHashMap<>();
        d.version().ifPresent(v -> m.put(VERSION, v));
        m.put(SCALE, d.scale());
        d.source().ifPresent(s -> m.put(SOURCE, s));
        m.put(PUBLIC, d.isPublic());
        return m;
    }

    /** Status, Reason, Url, ObservedVersion, ObservedGeneration, UpdatedAt; the absent ones left out. */
    public static Map<String, Object> observed(Observed o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(STATUS, o.status().word());
        m.put(REASON, o.reason());
        o.url().ifPresent(u -> m.put(URL, u));
        o.observedVersion().ifPresent(v -> m.put(OBSERVED_VERSION, v));
        m.put(OBSERVED_GENERATION, o.observedGeneration());
        m.put(UPDATED_AT, o.updatedAt().toString());
        return m;
    }

    /** The whole row under the table's names, as {@code formation --json} prints it. */
    public static Map<String, Object> row(FormationRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(NAME, row.name());
        m.putAll(desired(row.desired()));
        m.put(GENERATION, row.generation());
        row.observed().ifPresent(o -> m.putAll(observed(o)));
        return m;
    }

    public static Desired readDesired(Map<String, ?> m) {
        return new Desired(text(m.get(VERSION)), scale(m.get(SCALE)), text(m.get(SOURCE)), bool(m.get(PUBLIC)));
    }

    /** Empty when the row has no Status: the reactor has not written back yet. */
    public static Optional<Observed> readObserved(Map<String, ?> m) {
        Optional<String> status = text(m.get(STATUS));
        if (status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Observed(FormationStatus.of(status.get()), text(m.get(REASON)).orElse(""), text(m.get(URL)),
                text(m.get(OBSERVED_VERSION)), number(m.get(OBSERVED_GENERATION)), instant(m.get(UPDATED_AT))));
    }

    /** A number as a number or its text; 0 when absent or unreadable (a generation nobody wrote). */
    public static long number(Object value) {
        try {
            return value == null ? 0 : new BigDecimal(value.toString().trim()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return 0;
        }
    }

    /** A Scale as read: a whole number, {@link #DEFAULT_SCALE} when absent, {@link #UNREADABLE_SCALE} when no whole number. */
    public static int scale(Object value) {
        if (value == null || value.toString().isBlank()) {
            return DEFAULT_SCALE;
        }
        // a number as text only in its plain spelling, the one DynamoFormationStore's condition can name again
        if (value instanceof String text && !text.matches("-?[0-9]{1,9}")) {
            return UNREADABLE_SCALE;
        }
        try {
            return new BigDecimal(value.toString().trim()).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return UNREADABLE_SCALE;
        }
    }

    private static Optional<String> text(Object value) {
        return value == null || value.toString().isEmpty() ? Optional.empty() : Optional.of(value.toString());
    }

    private static boolean bool(Object value) {
        return value instanceof Boolean b ? b : TRUE_TEXTS.contains(String.valueOf(value));
    }

    private static Instant instant(Object value) {
        try {
            return value == null ? Instant.EPOCH : Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
