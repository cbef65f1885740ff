package io.lambdoku.local.logs;

import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * CloudWatch Logs for the groups Lambda writes to, {@code /aws/lambda/NAME}, answered from the
 * invocation records in the local store: what {@code aws logs filter-log-events}, {@code aws logs
 * tail} (CLI v2), the SDKs and lambdoku's own aws backend read. One stream per execution environment,
 * named as Lambda names them ({@code 2026/11/22/[$LATEST]0f3c…}). Requests and answers are the API's
 * own members (JSON 1.1), so the HTTP side only moves bytes.
 */
public final class CloudWatchLogs {

    public static final String GROUP_PREFIX = "/aws/lambda/";

    /** Rows one FilterLogEvents request reads at most; like CloudWatch, a sparse filter then pages with nextToken. */
    private static final int SCAN_LIMIT = 10_000;
    private static final int EVENTS_LIMIT = 10_000;
    private static final int DESCRIBE_LIMIT = 50;

    private final LogStore store;
    private final String region;
    private final Runnable awaitRecords;

    /** {@code awaitRecords} returns once invocations made so far are in the store, so a read sees them. */
    public CloudWatchLogs(LocalLambda lambda, Runnable awaitRecords) {
        this.store = new LogStore(lambda.database());
        this.region = lambda.options().region();
        this.awaitRecords = awaitRecords;
    }

    /** Answers one operation, e.g. "FilterLogEvents", with the response's members; fails with a {@link LogsError}. */
    public Map<String, Object> call(String operation, Map<String, Object> body) {
        LogsRequest request = new LogsRequest(body);
        awaitRecords.run();
        return switch (operation) {
            case "FilterLogEvents" -> filterLogEvents(request);
            case "GetLogEvents" -> getLogEvents(request);
            case "DescribeLogStreams" -> describeLogStreams(request);
            case "DescribeLogGroups" -> describeLogGroups(request);
            default -> throw LogsError.unknownOperation(operation);
        };
    }

    private Map<String, Object> filterLogEvents(LogsRequest r) {
        String function = existingGroup(r);
        List<String> streams = r.strings("logStreamNames");
        Optional<String> prefix = r.string("logStreamNamePrefix");
        if (!streams.isEmpty() && prefix.isPresent()) {
            throw LogsError.invalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive; send one.");
        }
        if (streams.size() > 100) {
            throw LogsError.invalidParameter("logStreamNames holds at most 100 names, not " + streams.size() + ".");
        }
        FilterPattern pattern = FilterPattern.parse(r.string("filterPattern").orElse(""));
        PageCollector page = new PageCollector(pattern, r.limit(EVENTS_LIMIT));
        store.scan(new LogStore.Selection(function, r.time("startTime").orElse(0L), r.time("endTime").orElse(Long.MAX_VALUE),
                streams, prefix), PageToken.position(r.string("nextToken")), page);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("events", page.events.stream().map(this::filtered).toList());
        // deprecated by CloudWatch, which no longer fills it in; SDKs still expect the member
        out.put("searchedLogStreams", List.of());
        page.next().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    /** GetLogEvents' tokens say where to read on from: "f/ID" after an event, "b/ID" before it, as CloudWatch's look. */
    private Map<String, Object> getLogEvents(LogsRequest r) {
        String function = existingGroup(r);
        String stream = r.string("logStreamName").orElseThrow(() -> LogsError.invalidParameter("logStreamName is required."));
        if (store.streams(function).stream().noneMatch(s -> s.name().equals(stream))) {
            throw LogsError.noSuchStream();
        }
        Optional<String> token = r.string("nextToken");
        boolean forward = token.map(t -> t.startsWith("f/")).orElse(r.flag("startFromHead"));
        long from = token.map(CloudWatchLogs::streamPosition).orElse(forward ? 0 : Long.MAX_VALUE);
        List<LogStore.StoredEvent> events = store.streamEvents(function, stream, r.time("startTime").orElse(0L),
                r.time("endTime").orElse(Long.MAX_VALUE), from, forward, r.limit(EVENTS_LIMIT));
        // an empty page leaves the reader where it was, so polling the forward token picks up new lines
        long before = events.isEmpty() ? (forward ? Math.min(from, Long.MAX_VALUE - 1) + 1 : from) : events.get(0).id();
        long after = events.isEmpty() ? (forward ? from : from == Long.MAX_VALUE ? 0 : Math.max(0, from - 1))
                : events.get(events.size() - 1).id();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("events", events.stream().map(e -> Map.of("timestamp", e.at(), "message", message(e), "ingestionTime", e.at()))
                .toList());
        out.put("nextForwardToken", "f/" + after);
        out.put("nextBackwardToken", "b/" + before);
        return out;
    }

    private Map<String, Object> describeLogStreams(LogsRequest r) {
        String function = existingGroup(r);
        Optional<String> prefix = r.string("logStreamNamePrefix");
        String orderBy = r.string("orderBy").orElse("LogStreamName");
        if (!orderBy.equals("LogStreamName") && !orderBy.equals("LastEventTime")) {
            throw LogsError.invalidParameter("orderBy must be LogStreamName or LastEventTime, not " + orderBy + ".");
        }
        if (prefix.isPresent() && orderBy.equals("LastEventTime")) {
            throw LogsError.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        Comparator<LogStore.StreamSummary> order = orderBy.equals("LastEventTime")
                ? Comparator.comparingLong(LogStore.StreamSummary::lastAt).thenComparing(LogStore.StreamSummary::name)
                : Comparator.comparing(LogStore.StreamSummary::name);
        List<Map<String, Object>> all = store.streams(function).stream()
                .filter(s -> prefix.map(p -> s.name().startsWith(p)).orElse(true))
                .sorted(r.flag("descending") ? order.reversed() : order)
                .map(s -> stream(function, s)).toList();
        return page("logStreams", all, r);
    }

    private Map<String, Object> describeLogGroups(LogsRequest r) {
        Optional<String> prefix = r.string("logGroupNamePrefix");
        Optional<String> pattern = r.string("logGroupNamePattern").map(p -> p.toLowerCase(Locale.ROOT));
        if (prefix.isPresent() && pattern.isPresent()) {
            throw LogsError.invalidParameter("logGroupNamePrefix and logGroupNamePattern are mutually exclusive; send one.");
        }
        List<Map<String, Object>> all = store.groups().stream()
                .filter(g -> prefix.map(p -> (GROUP_PREFIX + g.function()).startsWith(p)).orElse(true))
                // CloudWatch matches a pattern anywhere in the name, ignoring case
                .filter(g -> pattern.map(p -> (GROUP_PREFIX + g.function()).toLowerCase(Locale.ROOT).contains(p)).orElse(true))
                .map(this::group).toList();
        return page("logGroups", all, r);
    }

    private String existingGroup(LogsRequest r) {
        String function = r.function();
        if (!store.groupExists(function)) {
            throw LogsError.noSuchGroup();
        }
        return function;
    }

    private static Map<String, Object> page(String member, List<Map<String, Object>> all, LogsRequest r) {
        int offset = Math.min(PageToken.offset(r.string("nextToken")), all.size());
        int end = Math.min(all.size(), offset + r.limit(DESCRIBE_LIMIT));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(member, all.subList(offset, end));
        if (end < all.size()) {
            out.put("nextToken", PageToken.offset(end));
        }
        return out;
    }

    private Map<String, Object> filtered(LogStore.StoredEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("logStreamName", e.stream());
        m.put("timestamp", e.at());
        m.put("message", message(e));
        m.put("ingestionTime", e.at());
        m.put("eventId", String.valueOf(e.id()));
        return m;
    }

    private Map<String, Object> stream(String function, LogStore.StreamSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("logStreamName", s.name());
        m.put("creationTime", s.firstAt());
        m.put("firstEventTimestamp", s.firstAt());
        m.put("lastEventTimestamp", s.lastAt());
        m.put("lastIngestionTime", s.lastAt());
        m.put("arn", groupArn(function) + ":log-stream:" + s.name());
        m.put("storedBytes", 0); // deprecated by CloudWatch, which always answers 0
        return m;
    }

    private Map<String, Object> group(LogStore.GroupSummary g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("logGroupName", GROUP_PREFIX + g.function());
        m.put("creationTime", g.createdAt());
        m.put("metricFilterCount", 0);
        m.put("arn", groupArn(g.function()) + ":*");
        m.put("logGroupArn", groupArn(g.function()));
        m.put("storedBytes", 0);
        m.put("logGroupClass", "STANDARD");
        return m;
    }

    private String groupArn(String function) {
        return "arn:aws:logs:" + region + ":" + LocalOptions.ACCOUNT + ":log-group:" + GROUP_PREFIX + function;
    }

    /** Lambda's lines reach CloudWatch with their newline, which scripts reading the API strip. */
    private static String message(LogStore.StoredEvent e) {
        return e.message().endsWith("\n") ? e.message() : e.message() + "\n";
    }

    private static long streamPosition(String token) {
        try {
            if (token.matches("[fb]/[0-9]{1,19}")) {
                return Long.parseLong(token.substring(2));
            }
        } catch (NumberFormatException tooLarge) {
            // refused below like any token not made here
        }
        throw LogsError.invalidParameter("The specified nextToken is invalid.");
    }

    /** Collects one page of matching events and remembers where it stopped reading. */
    private static final class PageCollector implements LogStore.EventVisitor {
        private final FilterPattern pattern;
        private final int limit;
        private final List<LogStore.StoredEvent> events = new ArrayList<>();
        private PageToken.Position last;
        private int scanned;
        private boolean more;

        PageCollector(FilterPattern pattern, int limit) {
            this.pattern = pattern;
            this.limit = limit;
        }

        @Override
        public boolean visit(LogStore.StoredEvent e) {
            if (events.size() == limit || scanned == SCAN_LIMIT) {
                more = true;
                return false;
            }
            scanned++;
            last = new PageToken.Position(e.at(), e.id());
            if (pattern.matches(e.message())) {
                events.add(e);
            }
            return true;
        }

        Optional<String> next() {
            return more ? Optional.of(PageToken.after(last)) : Optional.empty();
        }
    }
}
