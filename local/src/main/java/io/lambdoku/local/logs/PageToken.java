package io.lambdoku.local.logs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque nextToken of CloudWatch Logs' list operations: where the previous page stopped. Tokens
 * are base64 so callers treat them as opaque, as they must on AWS; one that was not made here is
 * refused with CloudWatch's InvalidParameterException.
 */
final class PageToken {

    /** An event's place in FilterLogEvents' (time, id) order. */
    record Position(long at, long id) {
    }

    private PageToken() {
    }

    static String after(Position p) {
        return encode("e:" + p.at() + ":" + p.id());
    }

    static Optional<Position> position(Optional<String> token) {
        return token.map(t -> {
            String[] parts = decode(t).split(":");
            if (parts.length != 3 || !parts[0].equals("e")) {
                throw invalid();
            }
            return new Position(number(parts[1]), number(parts[2]));
        });
    }

    static String offset(int offset) {
        return encode("o:" + offset);
    }

    static int offset(Optional<String> token) {
        return token.map(t -> {
            String text = decode(t);
            if (!text.startsWith("o:")) {
                throw invalid();
            }
            return (int) number(text.substring(2));
        }).orElse(0);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static long number(String text) {
        if (!text.matches("[0-9]{1,18}")) {
            throw invalid();
        }
        return Long.parseLong(text);
    }

    private static LogsError invalid() {
        return LogsError.invalidParameter("The specified nextToken is invalid.");
    }
}
