package io.lambdoku.aws.formation;

import static io.lambdoku.core.formation.FormationAttributes.GENERATION;
import static io.lambdoku.core.formation.FormationAttributes.NAME;
import static io.lambdoku.core.formation.FormationAttributes.PUBLIC;
import static io.lambdoku.core.formation.FormationAttributes.SCALE;
import static io.lambdoku.core.formation.FormationAttributes.SOURCE;
import static io.lambdoku.core.formation.FormationAttributes.VERSION;

import io.lambdoku.core.formation.Desired;
import io.lambdoku.core.formation.FormationAttributes;
import io.lambdoku.core.formation.FormationRow;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of the formation table as rows, and the condition that a row is still as it was read. Any client may
 * have written the item, so a value is taken from whichever type it came as (Scale as N or S, Public as BOOL
 * or S); the condition accepts the same spellings, or the reactor could never report on such a row.
 */
final class DynamoItems {

    private DynamoItems() {
    }

    static FormationRow row(Map<String, AttributeValue> item) {
        Map<String, Object> plain = new LinkedHashMap<>();
        item.forEach((k, v) -> {
            Object value = plain(v);
            if (value != null) {
                plain.put(k, value);
            }
        });
        return new FormationRow(String.valueOf(plain.get(NAME)), FormationAttributes.readDesired(plain),
                FormationAttributes.number(plain.get(GENERATION)), FormationAttributes.readObserved(plain));
    }

    /** S, N and BOOL as text, number and Boolean; other types (a client's lists or maps) are ignored. */
    private static Object plain(AttributeValue v) {
        if (v.s() != null) {
            return v.s();
        }
        if (v.n() != null) {
            return new BigDecimal(v.n()); // a number, not text: FormationAttributes reads text numbers strictly
        }
        return v.bool();
    }

    /**
     * The item exists with {@code read}'s generation (none for 0) and desire. A Scale read as no whole number
     * is not compared: no condition can name "the same unreadable text", and the row's Generation still is.
     */
    static String unchanged(Update u, FormationRow read) {
        Desired d = read.desired();
        String generation = read.generation() == 0
                ? "(attribute_not_exists(" + u.name(GENERATION) + ") OR " + u.name(GENERATION) + " = " + u.value(DynamoFormationStore.n(0)) + ")"
                : u.name(GENERATION) + " = " + u.value(DynamoFormationStore.n(read.generation()));
        StringBuilder c = new StringBuilder("attribute_exists(" + u.name(NAME) + ") AND " + generation);
        c.append(" AND ").append(text(u, VERSION, d.version()));
        c.append(" AND ").append(text(u, SOURCE, d.source()));
        if (d.scale() != FormationAttributes.UNREADABLE_SCALE) {
            c.append(" AND ").append(scale(u, d.scale()));
        }
        c.append(" AND ").append(isPublic(u, d.isPublic()));
        return c.toString();
    }

    private static String text(Update u, String attribute, Optional<String> value) {
        String n = u.name(attribute);
        return value.map(v -> n + " = " + u.value(DynamoFormationStore.s(v)))
                .orElseGet(() -> "(attribute_not_exists(" + n + ") OR " + n + " = " + u.value(DynamoFormationStore.s("")) + ")");
    }

    private static String scale(Update u, int scale) {
        String n = u.name(SCALE);
        String same = "(" + n + " = " + u.value(DynamoFormationStore.n(scale)) + " OR " + n + " = "
                + u.value(DynamoFormationStore.s(Integer.toString(scale))) + ")";
        return scale == FormationAttributes.DEFAULT_SCALE ? "(attribute_not_exists(" + n + ") OR " + same + ")" : same;
    }

    /** Public reads true only as BOOL true or a text of TRUE_TEXTS, so "not public" is "none of those" (absent included). */
    private static String isPublic(Update u, boolean isPublic) {
        String n = u.name(PUBLIC);
        StringBuilder truth = new StringBuilder("(" + n + " = " + u.value(DynamoFormationStore.bool(true)));
        FormationAttributes.TRUE_TEXTS.forEach(t -> truth.append(" OR ").append(n).append(" = ").append(u.value(DynamoFormationStore.s(t))));
        truth.append(")");
        return isPublic ? truth.toString() : "NOT " + truth;
    }
}
