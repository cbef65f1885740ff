package io.lambdoku.local.infra;

import io.lambdoku.core.infra.AlarmState;

/** An alarm as the store keeps it, with the function whose metric it watches. */
public record AlarmRow(String function, AlarmState alarm) {
}
