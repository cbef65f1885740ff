package io.lambdoku.aws;

import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.FunctionState;
import io.lambdoku.core.lambda.UpdateStatus;
import io.lambdoku.core.lambda.WeightedVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.EnvironmentResponse;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.State;

/** Translates between the SDK's shapes and core's records, at the edge, in both directions. */
final class Shapes {

    private Shapes() {
    }

    /**
     * CreateFunction, GetFunctionConfiguration, UpdateFunction*, PublishVersion and ListFunctions' items
     * each carry FunctionConfiguration's members in their own class: read by member name. Not by copying
     * them into a FunctionConfiguration, whose field table (~70 lambdas) costs ~8 ms of a command's first
     * call to initialise when the answer was a GetFunctionConfigurationResponse.
     */
    static FunctionConfig function(SdkPojo response) {
        Members c = Members.of(response);
        List<?> architectures = c.list("Architectures");
        FunctionSettings settings = new FunctionSettings(
                orEmpty(c.string("Runtime")),
                orEmpty(c.string("Handler")),
                orEmpty(c.string("Role")),
                c.number("MemorySize", 128).intValue(),
                c.number("Timeout", 3).intValue(),
                environment((EnvironmentResponse) c.value("Environment")),
                c.list("Layers").stream().map(l -> ((Layer) l).arn()).toList(),
                architectures.isEmpty() ? FunctionSettings.X86_64 : (String) architectures.get(0),
                Optional.ofNullable(c.string("KMSKeyArn")));
        String state = c.string("State");
        return new FunctionConfig(c.string("FunctionName"), c.string("FunctionArn"), orEmpty(c.string("Version")), settings,
                c.string("Description"), orEmpty(c.string("CodeSha256")), c.number("CodeSize", 0).longValue(),
                // moto leaves RevisionId null on functions; an empty one is never sent back.
                orEmpty(c.string("RevisionId")), orEmpty(c.string("LastModified")), status(state, c.string("LastUpdateStatus")),
                reason(state, c), state == null ? FunctionState.ACTIVE : FunctionState.parse(state));
    }

    /** One response's members by name, as the SDK holds them (enums as their strings). */
    private record Members(Map<String, Object> values) {

        static Members of(SdkPojo pojo) {
            Map<String, Object> values = new HashMap<>();
            for (SdkField<?> f : pojo.sdkFields()) {
                values.put(f.memberName(), f.getValueOrDefault(pojo));
            }
            return new Members(values);
        }

        Object value(String member) {
            return values.get(member);
        }

        String string(String member) {
            return (String) values.get(member);
        }

        Number number(String member, Number absent) {
            Object v = values.get(member);
            return v == null ? absent : (Number) v;
        }

        /** Empty when absent (the SDK's auto-constructed list is empty too). */
        List<?> list(String member) {
            Object v = values.get(member);
            return v == null ? List.of() : (List<?>) v;
        }
    }

    static Alias alias(SdkPojo response) {
        return alias(copy(response, AliasConfiguration.builder()).build());
    }

    static <B extends SdkPojo> B copy(SdkPojo from, B to) {
        Map<String, SdkField<?>> target = new HashMap<>();
        for (SdkField<?> f : to.sdkFields()) {
            target.put(f.memberName(), f);
        }
        for (SdkField<?> f : from.sdkFields()) {
            SdkField<?> t = target.get(f.memberName());
            if (t != null) {
                t.set(to, f.getValueOrDefault(from));
            }
        }
        return to;
    }

    /**
     * KMSKeyArn for UpdateFunctionConfiguration: always sent, since omitting it keeps the current key; an empty
     * string returns the function to Lambda's AWS-managed key (the API reference: "If you don't provide a customer
     * managed key, Lambda uses a default service key"; SAM/CloudFormation clear it the same way).
     */
    static String kmsKeyArn(FunctionSettings s) {
        return s.kmsKeyArn().orElse("");
    }

    static Environment environment(Map<String, String> env) {
        return Environment.builder().variables(env).build();
    }

    static Alias alias(AliasConfiguration a) {
        Optional<WeightedVersion> weighted = Optional.empty();
        if (a.routingConfig() != null && a.routingConfig().hasAdditionalVersionWeights()) {
            weighted = a.routingConfig().additionalVersionWeights().entrySet().stream().findFirst()
                    .map(e -> new WeightedVersion(e.getKey(), e.getValue()));
        }
        return new Alias(a.aliasArn(), a.name(), a.functionVersion(), weighted, a.description(), orEmpty(a.revisionId()));
    }

    /** Empty weights clear a canary: Lambda keeps the old routing when RoutingConfig is left out. */
    static AliasRoutingConfiguration routing(AliasSpec spec) {
        return AliasRoutingConfiguration.builder().additionalVersionWeights(spec.additionalVersion()
                .map(w -> Map.of(w.version(), w.weight())).orElse(Map.of())).build();
    }

    static Optional<String> revision(Optional<String> revisionId) {
        return revisionId.filter(r -> !r.isEmpty());
    }

    /** A function still Pending after create is as unready for the next write as one InProgress. */
    private static UpdateStatus status(String state, String lastUpdate) {
        if (State.FAILED.toString().equals(state) || LastUpdateStatus.FAILED.toString().equals(lastUpdate)) {
            return UpdateStatus.FAILED;
        }
        if (State.PENDING.toString().equals(state) || LastUpdateStatus.IN_PROGRESS.toString().equals(lastUpdate)) {
            return UpdateStatus.IN_PROGRESS;
        }
        return UpdateStatus.SUCCESSFUL;
    }

    private static Optional<String> reason(String state, Members c) {
        return Optional.ofNullable(c.string(State.FAILED.toString().equals(state) ? "StateReason" : "LastUpdateStatusReason"));
    }

    private static Map<String, String> environment(EnvironmentResponse env) {
        return env == null || !env.hasVariables() ? Map.of() : env.variables();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
