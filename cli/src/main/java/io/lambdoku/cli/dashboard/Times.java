package io.lambdoku.cli.dashboard;

import io.lambdoku.core.lock.Ages;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Lambda's LastModified read as an instant and shown as an age. */
final class Times {

    /** As Lambda writes it: {@code 2019-10-21T18:30:42.000+0000}; the local backend writes ISO-8601 instants. */
    private static final DateTimeFormatter LAMBDA = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);

    private Times() {
    }

    static Optional<Instant> parse(String lastModified) {
        try {
            return Optional.of(Instant.parse(lastModified));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LAMBDA.parse(lastModified, Instant::from));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    /** "5 min ago", or the text as it came when it is no time we know. */
    static String age(String lastModified, Instant now) {
        return parse(lastModified).map(t -> Ages.ago(t, now)).orElse(lastModified);
    }
}
