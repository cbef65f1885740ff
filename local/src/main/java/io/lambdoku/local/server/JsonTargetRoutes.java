package io.lambdoku.local.server;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.local.logs.CloudWatchLogs;
import io.lambdoku.local.logs.LogsError;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS APIs spoken in the JSON 1.x protocol: POST / with {@code X-Amz-Target: Prefix.Operation},
 * as their SDKs and the AWS CLI send them. The prefix names the service, the way AWS endpoints tell
 * them apart; today CloudWatch Logs ({@code Logs_20140328}), later KMS ({@code TrentService}).
 */
final class JsonTargetRoutes {

    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final CloudWatchLogs logs;

    JsonTargetRoutes(CloudWatchLogs logs) {
        this.logs = logs;
    }

    void handle(WireExchange ex, String target) throws IOException {
        try {
            Map<String, Object> body = body(ex);
            int dot = target.indexOf('.');
            String service = dot < 0 ? target : target.substring(0, dot);
            String operation = target.substring(dot + 1);
            if (!service.equals("Logs_20140328") || dot < 0) {
                throw new Failure(400, "UnknownOperationException", "lambdoku local serve does not implement " + target + ".");
            }
            ex.bytes(200, CONTENT_TYPE, JSON.std.asBytes(logs.call(operation, body)), Map.of());
        } catch (Failure f) {
            error(ex, f.status, f.type, f.getMessage());
        } catch (LogsError e) {
            error(ex, e.status(), e.type(), e.getMessage());
        } catch (RuntimeException e) {
            error(ex, 500, "ServiceUnavailableException", "lambdoku local serve failed: " + e);
        }
    }

    private static Map<String, Object> body(WireExchange ex) throws IOException {
        byte[] bytes = ex.rawBody();
        try {
            Map<String, Object> m = bytes.length == 0 ? Map.of() : JSON.std.mapFrom(bytes);
            return m == null ? Map.of() : m;
        } catch (IOException e) {
            throw new Failure(400, "SerializationException", "The request body is not a JSON object: " + e.getMessage());
        }
    }

    /** JSON 1.1 errors carry their code in {@code __type}; the header is what some SDKs read first. */
    private static void error(WireExchange ex, int status, String type, String message) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__type", type);
        m.put("message", message);
        ex.bytes(status, CONTENT_TYPE, JSON.std.asBytes(m), Map.of("X-Amzn-ErrorType", type));
    }

    private static final class Failure extends RuntimeException {
        private final int status;
        private final String type;

        Failure(int status, String type, String message) {
            super(message, null, false, false);
            this.status = status;
            this.type = type;
        }
    }
}
