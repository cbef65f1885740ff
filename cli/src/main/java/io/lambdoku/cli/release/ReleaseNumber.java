package io.lambdoku.cli.release;

import io.lambdoku.cli.UsageException;
import java.util.Optional;

/** A release as users write it: {@code v23} or {@code 23}. */
public final class ReleaseNumber {

    private ReleaseNumber() {
    }

    public static Optional<Integer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.startsWith("v") || text.startsWith("V") ? text.substring(1) : text;
        if (!digits.matches("[0-9]{1,9}") || Integer.parseInt(digits) == 0) {
            throw new UsageException("'" + text + "' is not a release number; write it as v23 or 23.");
        }
        return Optional.of(Integer.parseInt(digits));
    }
}
