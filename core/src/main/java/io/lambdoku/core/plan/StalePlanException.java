package io.lambdoku.core.plan;

import io.lambdoku.core.lambda.LambdaException;

/** What a plan observed is no longer so: nothing of it was applied (or, for a race mid-apply, no more of it). */
public final class StalePlanException extends LambdaException {

    public StalePlanException(String message) {
        super(message);
    }

    /** "Plan is stale: function shop changed since the plan (RevisionId abc… → def…); run 'lambdoku plan' again." */
    static StalePlanException changed(String resource, String before, String now) {
        String label = label(before);
        String change = label.equals(label(now)) && !label.isEmpty()
                ? label + " " + brief(value(before)) + " → " + brief(value(now))
                : brief(before) + " → " + brief(now);
        return new StalePlanException("Plan is stale: " + resource + " changed since the plan (" + change
                + "); run 'lambdoku plan' again.");
    }

    /** "RevisionId" of "RevisionId 3f2a…", "fingerprint" of a fingerprint; nothing for "absent" or "10". */
    private static String label(String observed) {
        int space = observed.lastIndexOf(' ');
        return space < 0 ? "" : observed.substring(0, space);
    }

    private static String value(String observed) {
        return observed.substring(observed.lastIndexOf(' ') + 1);
    }

    private static String brief(String observed) {
        String value = value(observed);
        return value.length() > 12 ? observed.substring(0, observed.length() - value.length()) + value.substring(0, 8) + "…"
                : observed;
    }
}
