package io.lambdoku.local.server;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.local.kms.KmsApi;
import io.lambdoku.local.kms.KmsError;
import io.lambdoku.local.logs.CloudWatchLogs;
import io.lambdoku.local.logs.LogsError;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS APIs spoken in the JSON 1.x protocol: POST / with {@code X-Amz-Target: Prefix.Operation},
 * as their SDKs and the AWS CLI send them. The prefix names the service, the way AWS endpoints tell
 * them apart: CloudWatch Logs ({@code Logs_20140328}) and KMS ({@code TrentService}). The functions' own KMS
 * endpoint ({@link FunctionKmsServer}) serves KMS alone, through these same routes.
 */
final class JsonTargetRoutes {

    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final Optional<CloudWatchLogs> logs;
    private final KmsApi kms;

    JsonTargetRoutes(Optional<CloudWatchLogs> logs, KmsApi kms) {
        this.logs = logs;
        this.kms = kms;
    }

    /**
     * A request admitted for {@code signedFor} ("logs" or "kms"): POST / with an X-Amz-Target of that service, as
     * AWS's endpoints take one service's operations each.
     */
    void route(WireExchange ex, String signedFor) throws IOException {
        Optional<String> target = ex.header("X-Amz-Target");
        if (target.isEmpty() || !ex.method().equals("POST") || !ex.segments().isEmpty()) {
            throw WireError.unknownOperation(ex.method(), ex.path());
        }
        handle(ex, target.get(), signedFor);
    }

    private void handle(WireExchange ex, String target, String signedFor) throws IOException {
        try {
            Map<String, Object> body = body(ex);
            int dot = target.indexOf('.');
            String service = dot < 0 ? target : target.substring(0, dot);
            String operation = target.substring(dot + 1);
            Map<String, Object> answer;
            if (dot > 0 && service.equals("Logs_20140328") && signedFor.equals("logs") && logs.isPresent()) {
                answer = logs.get().call(operation, body);
            } else if (dot > 0 && service.equals("TrentService") && signedFor.equals("kms")) {
                answer = kms.call(operation, body);
            } else {
                throw new Failure(400, "UnknownOperationException", "lambdoku local serve does not implement " + target + ".");
            }
            ex.bytes(200, CONTENT_TYPE, JSON.std.asBytes(answer), Map.of());
        } catch (Failure f) {
            error(ex, f.status, f.type, f.getMessage());
        } catch (LogsError e) {
            error(ex, e.status(), e.type(), e.getMessage());
        } catch (KmsError e) {
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
