package io.lambdoku.core.infra;

import java.time.Instant;

/** One change of an alarm's state, as its history keeps it. */
public record AlarmTransition(String alarm, String from, String to, String reason, Instant at) {
}
