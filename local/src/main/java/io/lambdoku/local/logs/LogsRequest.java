package io.lambdoku.local.logs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The members of one CloudWatch Logs request body, typed and checked against the API's constraints;
 * a wrong one is an InvalidParameterException naming the member, as CloudWatch answers.
 */
final class LogsRequest {

    private final Map<String, Object> body;

    LogsRequest(Map<String, Object> body) {
        this.body = Map.copyOf(body);
    }

    Optional<String> string(String member) {
        Object v = body.get(member);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw LogsError.invalidParameter(member + " must be a string.");
        }
        return Optional.of(s);
    }

    /** Epoch milliseconds, as startTime and endTime are sent. */
    Optional<Long> time(String member) {
        Object v = body.get(member);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() < 0) {
            throw LogsError.invalidParameter(member + " must be a time in milliseconds since 1970, not " + v + ".");
        }
        return Optional.of(n.longValue());
    }

    int limit(int max) {
        Object v = body.get("limit");
        if (v == null) {
            return max;
        }
        if (!(v instanceof Number n) || n.doubleValue() != n.intValue() || n.intValue() < 1 || n.intValue() > max) {
            throw LogsError.invalidParameter("limit must be a whole number from 1 to " + max + ", not " + v + ".");
        }
        return n.intValue();
    }

    boolean flag(String member) {
        Object v = body.get(member);
        if (v != null && !(v instanceof Boolean)) {
            throw LogsError.invalidParameter(member + " must be true or false.");
        }
        return Boolean.TRUE.equals(v);
    }

    List<String> strings(String member) {
        Object v = body.get(member);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list) || list.stream().anyMatch(x -> !(x instanceof String))) {
            throw LogsError.invalidParameter(member + " must be a list of strings.");
        }
        return list.stream().map(String.class::cast).toList();
    }

    /**
     * The function whose group {@code /aws/lambda/NAME} is meant, from logGroupName or
     * logGroupIdentifier (a name or an ARN, with or without its trailing ":*").
     */
    String function() {
        Optional<String> name = string("logGroupName");
        Optional<String> identifier = string("logGroupIdentifier");
        if (name.isPresent() && identifier.isPresent()) {
            throw LogsError.invalidParameter("logGroupName and logGroupIdentifier are mutually exclusive; send one.");
        }
        String group = name.or(() -> identifier.map(LogsRequest::groupOfArn))
                .orElseThrow(() -> LogsError.invalidParameter("Either logGroupName or logGroupIdentifier is required."));
        if (!group.startsWith(CloudWatchLogs.GROUP_PREFIX) || group.length() == CloudWatchLogs.GROUP_PREFIX.length()) {
            // the only groups here are the ones Lambda writes to
            throw LogsError.noSuchGroup();
        }
        return group.substring(CloudWatchLogs.GROUP_PREFIX.length());
    }

    private static String groupOfArn(String identifier) {
        int at = identifier.indexOf(":log-group:");
        if (!identifier.startsWith("arn:") || at < 0) {
            return identifier;
        }
        String group = identifier.substring(at + ":log-group:".length());
        return group.endsWith(":*") ? group.substring(0, group.length() - 2) : group;
    }
}
