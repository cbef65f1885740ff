package io.lambdoku.core.plan;

import io.lambdoku.core.lambda.LambdaException;

/** What a plan observed is no longer so: nothing of it was applied (or, for a race mid-apply, no more of it). */
public final class StalePlanException extends LambdaException {

    public StalePlanException(String message) {
        super(message);
    }

    /** "Plan is stale: function shop changed since the plan (RevisionId abc… → def…); run 'lambdoku plan' again." */
    static StalePlanException changed(String resource, String before, String now) {
        return new StalePlanException("Plan is stale: " + resource + " changed since the plan (" + brief(before) + " → "
                + brief(now) + "); run 'lambdoku plan' again.");
    }

    private static String brief(String observed) {
        int space = observed.lastIndexOf(' ');
        String value = observed.substring(space + 1);
        return value.length() > 12 ? observed.substring(0, space + 1) + value.substring(0, 8) + "…" : observed;
    }
}
