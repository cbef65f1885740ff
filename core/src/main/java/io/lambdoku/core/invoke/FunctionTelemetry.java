package io.lambdoku.core.invoke;

import java.util.List;
import java.util.Optional;

/** A function's logs and metrics: the local backend's records, or CloudWatch Logs and CloudWatch on AWS. */
public interface FunctionTelemetry {

    /** The newest {@code limit} log events at or after {@code sinceMs}, oldest first. */
    List<LogEvent> logs(String function, long sinceMs, Optional<String> filter, int limit);

    /** Per-minute metrics since {@code sinceMs}, for one version or alias if given. */
    List<MinuteMetrics> metrics(String function, long sinceMs, Optional<String> qualifier);
}
