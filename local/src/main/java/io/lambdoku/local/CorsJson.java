package io.lambdoku.local;

import io.lambdoku.core.lambda.Cors;
import io.lambdoku.core.lambda.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function URL's Cors block in Lambda's JSON shape (AllowCredentials, AllowHeaders, …), the one shape
 * both the store keeps and the wire speaks; members left out are empty, as Lambda reads them.
 */
public final class CorsJson {

    /** Lambda's bound on MaxAge: a day, in seconds. */
    private static final int MAX_AGE = 86_400;

    private CorsJson() {
    }

    public static Map<String, Object> toMap(Cors c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("AllowCredentials", c.allowCredentials());
        putList(m, "AllowHeaders", c.allowHeaders());
        putList(m, "AllowMethods", c.allowMethods());
        putList(m, "AllowOrigins", c.allowOrigins());
        putList(m, "ExposeHeaders", c.exposeHeaders());
        c.maxAge().ifPresent(a -> m.put("MaxAge", a));
        return m;
    }

    /** Reads a Cors block as a client sent it; a member of the wrong type is refused, naming it. */
    public static Cors fromMap(Map<String, Object> m) {
        Object credentials = m.getOrDefault("AllowCredentials", false);
        if (!(credentials instanceof Boolean allow)) {
            throw invalid("Cors.AllowCredentials must be true or false, not " + credentials + ".");
        }
        Optional<Integer> maxAge = Optional.ofNullable(m.get("MaxAge")).map(CorsJson::maxAge);
        return new Cors(allow, list(m, "AllowHeaders"), list(m, "AllowMethods"), list(m, "AllowOrigins"),
                list(m, "ExposeHeaders"), maxAge);
    }

    private static int maxAge(Object v) {
        if (!(v instanceof Number n) || n.doubleValue() != n.intValue() || n.intValue() < 0 || n.intValue() > MAX_AGE) {
            throw new ValidationException("Cors.MaxAge must be a whole number of seconds from 0 to " + MAX_AGE + ", not " + v + ".",
                    "1 validation error detected: Value '" + v + "' at 'cors.maxAge' failed to satisfy constraint: Member must have"
                            + " value " + (v instanceof Number n && n.intValue() < 0 ? "greater than or equal to 0"
                            : "less than or equal to " + MAX_AGE));
        }
        return n.intValue();
    }

    private static List<String> list(Map<String, Object> m, String member) {
        Object v = m.get(member);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> items) || !items.stream().allMatch(String.class::isInstance)) {
            throw invalid("Cors." + member + " must be a list of strings, not " + v + ".");
        }
        return items.stream().map(String.class::cast).toList();
    }

    private static void putList(Map<String, Object> m, String member, List<String> values) {
        if (!values.isEmpty()) {
            m.put(member, values);
        }
    }

    private static ValidationException invalid(String message) {
        return new ValidationException(message, message);
    }
}
