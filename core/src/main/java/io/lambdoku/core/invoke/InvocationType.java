package io.lambdoku.core.invoke;

/** Lambda's invocation types: wait for the answer, queue it (202), or only check it could run (204). */
public enum InvocationType {
    REQUEST_RESPONSE("RequestResponse"),
    EVENT("Event"),
    DRY_RUN("DryRun");

    private final String wire;

    InvocationType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static InvocationType parse(String text) {
        for (InvocationType t : values()) {
            if (t.wire.equalsIgnoreCase(text)) {
                return t;
            }
        }
        throw new io.lambdoku.core.lambda.InvalidParameterException("Invocation type '" + text
                + "' is not RequestResponse, Event or DryRun.");
    }
}
