package io.lambdoku.local.server;

import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionState;
import io.lambdoku.core.lambda.UpdateStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** core's records in the JSON shapes of the AWS Lambda REST API (2015-03-31), member names as AWS spells them. */
final class WireShapes {

    private WireShapes() {
    }

    static Map<String, Object> function(FunctionConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("FunctionName", c.name());
        m.put("FunctionArn", c.arn());
        m.put("Runtime", c.settings().runtime());
        m.put("Role", c.settings().role());
        m.put("Handler", c.settings().handler());
        m.put("CodeSize", c.codeSize());
        m.put("Description", c.description());
        m.put("Timeout", c.settings().timeout());
        m.put("MemorySize", c.settings().memorySize());
        m.put("LastModified", lastModified(c.lastModified()));
        m.put("CodeSha256", c.codeSha256());
        m.put("Version", c.version());
        m.put("Environment", Map.of("Variables", c.settings().environment()));
        m.put("TracingConfig", Map.of("Mode", "PassThrough"));
        m.put("RevisionId", c.revisionId());
        m.put("Layers", c.settings().layers().stream().map(arn -> Map.of("Arn", arn, "CodeSize", 0)).toList());
        m.put("State", c.state().wire());
        if (c.state() == FunctionState.PENDING) {
            // while it is being created Lambda says so in State, and has no LastUpdateStatus yet
            m.put("StateReason", "The function is being created.");
            m.put("StateReasonCode", "Creating");
        } else {
            m.put("LastUpdateStatus", status(c.lastUpdateStatus()));
            if (c.lastUpdateStatus() == UpdateStatus.IN_PROGRESS) {
                // Lambda's words during an update, odd as they are
                m.put("LastUpdateStatusReason", "The function is being created.");
                m.put("LastUpdateStatusReasonCode", "Creating");
            }
            c.lastUpdateStatusReason().ifPresent(r -> m.put("LastUpdateStatusReason", r));
        }
        m.put("PackageType", "Zip");
        m.put("Architectures", List.of(c.settings().architecture()));
        c.settings().kmsKeyArn().ifPresent(k -> m.put("KMSKeyArn", k)); // returned only for a customer key, as on Lambda
        m.put("EphemeralStorage", Map.of("Size", 512));
        m.put("SnapStart", Map.of("ApplyOn", "None", "OptimizationStatus", "Off"));
        m.put("LoggingConfig", Map.of("LogFormat", "Text", "LogGroup", "/aws/lambda/" + c.name()));
        return m;
    }

    /** Lambda's LastModified: {@code 2026-11-23T09:04:25.123+0000}, not ISO-8601's Z. */
    static String lastModified(String instant) {
        try {
            return LAST_MODIFIED.format(java.time.Instant.parse(instant));
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }

    private static final java.time.format.DateTimeFormatter LAST_MODIFIED = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(java.time.ZoneOffset.UTC);

    static Map<String, Object> alias(Alias a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("AliasArn", a.arn());
        m.put("Name", a.name());
        m.put("FunctionVersion", a.functionVersion());
        m.put("Description", a.description());
        a.additionalVersion().ifPresent(w -> m.put("RoutingConfig",
                Map.of("AdditionalVersionWeights", Map.of(w.version(), w.weight()))));
        m.put("RevisionId", a.revisionId());
        return m;
    }

    private static String status(UpdateStatus s) {
        return switch (s) {
            case SUCCESSFUL -> "Successful";
            case IN_PROGRESS -> "InProgress";
            case FAILED -> "Failed";
        };
    }
}
