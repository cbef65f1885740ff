package io.lambdoku.core.infra;

import java.time.Instant;

/** An alarm as the backend has it: what it watches and where it stands (OK, ALARM, INSUFFICIENT_DATA), since when and why. */
public record AlarmState(AlarmSpec spec, String state, String reason, Instant updated) {

    public static final String OK = "OK";
    public static final String ALARM = "ALARM";
    public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";
}
