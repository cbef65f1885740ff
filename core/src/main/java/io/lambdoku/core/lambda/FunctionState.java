package io.lambdoku.core.lambda;

/** Lambda's function State: Pending right after CreateFunction, Active once it can run and be updated. */
public enum FunctionState {
    PENDING("Pending"), ACTIVE("Active"), FAILED("Failed");

    private final String wire;

    FunctionState(String wire) {
        this.wire = wire;
    }

    /** As Lambda spells it. */
    public String wire() {
        return wire;
    }

    public static FunctionState parse(String wire) {
        for (FunctionState s : values()) {
            if (s.wire.equalsIgnoreCase(wire)) {
                return s;
            }
        }
        return ACTIVE;
    }
}
