package io.lambdoku.core.rollout;

import java.time.Instant;
import java.util.Optional;

/**
 * Readings for the gates. Local: the store's invocation records, exact to the millisecond. AWS: CloudWatch
 * AWS/Lambda by FunctionName, Resource ({@code function:alias}) and ExecutedVersion, per minute and a few
 * minutes late, so a short step may read nothing yet (the gates then hold it as inconclusive).
 */
public interface RolloutHealth {

    /** {@code version}'s invocations through {@code alias} that started in [from, to). */
    Reading read(String function, String alias, String version, Instant from, Instant to);

    /** The alarm's state (OK, ALARM, INSUFFICIENT_DATA), empty when there is no alarm of that name. */
    Optional<String> alarmState(String alarm);
}
