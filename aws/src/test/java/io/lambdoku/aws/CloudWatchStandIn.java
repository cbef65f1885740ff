package io.lambdoku.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CloudWatch's alarm operations over the SDK's Smithy RPC v2 CBOR, on a loopback port, for tests that drive
 * lambdoku as a process (point {@code AWS_ENDPOINT_URL_CLOUDWATCH} here). Why a stand-in: moto 5.2.1 reads
 * only CloudWatch's query protocol, and the AWS SDK for Java v2 sends nothing but CBOR to
 * {@code /service/GraniteServiceVersion20100801/operation/OP}, which moto answers with 404. It keeps the
 * alarms put, answers DescribeAlarms (by names or prefix), DeleteAlarms and DescribeAlarmHistory as
 * CloudWatch does, GetMetricData with no datapoints, and records every request decoded, for assertions.
 */
public final class CloudWatchStandIn implements AutoCloseable {

    /** One request as CloudWatch would have received it: the operation and its decoded CBOR body. */
    public record Request(String operation, Map<String, Object> body) {
    }

    private static final byte[] EMPTY = {(byte) 0xA0};

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Map<String, Object>> alarms = new TreeMap<>();

    private CloudWatchStandIn(HttpServer server) {
        this.server = server;
    }

    public static CloudWatchStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            CloudWatchStandIn standIn = new CloudWatchStandIn(server);
            server.createContext("/", standIn::handle);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the CloudWatch stand-in: " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Request> requests(String operation) {
        return requests.stream().filter(r -> r.operation().equals(operation)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A MetricAlarm as DescribeAlarms returns it for what PutMetricAlarm was sent: the definition and a first state. */
    static Map<String, Object> described(Map<String, Object> put, Instant since) {
        Map<String, Object> alarm = new LinkedHashMap<>(put);
        alarm.put("AlarmArn", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + put.get("AlarmName"));
        alarm.put("StateValue", "INSUFFICIENT_DATA");
        alarm.put("StateReason", "Unchecked: Initial alarm creation");
        alarm.put("StateUpdatedTimestamp", since);
        alarm.put("StateTransitionedTimestamp", since);
        alarm.putIfAbsent("AlarmActions", List.of());
        return alarm;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String operation = path.substring(path.lastIndexOf('/') + 1);
            Map<String, Object> request = body.length == 0 ? Map.of() : Cbor.decode(body);
            Map<String, Object> answer;
            synchronized (this) {
                requests.add(new Request(operation, request));
                answer = answer(operation, request);
            }
            byte[] out = answer == null ? EMPTY : Cbor.encode(answer);
            int status = answer != null && answer.containsKey("__type") ? 400 : 200;
            exchange.getResponseHeaders().add("Content-Type", "application/cbor");
            exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        }
    }

    /** The answer's body, null for CloudWatch's empty one. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> answer(String operation, Map<String, Object> request) {
        switch (operation) {
            case "PutMetricAlarm" -> {
                alarms.put((String) request.get("AlarmName"), described(request, Instant.now()));
                return null;
            }
            case "DescribeAlarms" -> {
                List<String> names = (List<String>) request.getOrDefault("AlarmNames", List.of());
                String prefix = (String) request.getOrDefault("AlarmNamePrefix", "");
                return Map.of("MetricAlarms", alarms.entrySet().stream()
                        .filter(a -> names.isEmpty() ? a.getKey().startsWith(prefix) : names.contains(a.getKey()))
                        .map(a -> (Object) a.getValue()).toList());
            }
            case "DeleteAlarms" -> {
                ((List<String>) request.getOrDefault("AlarmNames", List.of())).forEach(alarms::remove);
                return null;
            }
            case "DescribeAlarmHistory" -> {
                return Map.of("AlarmHistoryItems", List.of());
            }
            case "GetMetricData" -> {
                // no datapoints: what CloudWatch answers for minutes nothing was published in (a rollout's gates then read 0)
                return Map.of("MetricDataResults", List.of());
            }
            default -> {
                return Map.of("__type", "com.amazonaws.cloudwatch#InvalidAction",
                        "message", "The CloudWatch stand-in does not serve " + operation + ".");
            }
        }
    }
}
