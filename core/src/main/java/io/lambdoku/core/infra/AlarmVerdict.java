package io.lambdoku.core.infra;

/** Where an evaluation puts an alarm ({@link AlarmState#OK}, ALARM or INSUFFICIENT_DATA) and why, in CloudWatch's words. */
public record AlarmVerdict(String state, String reason) {
}
