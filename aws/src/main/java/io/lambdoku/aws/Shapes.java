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
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.State;

/** Translates between the SDK's shapes and core's records, at the edge, in both directions. */
final class Shapes {

    private Shapes() {
    }

    /**
     * CreateFunction, GetFunctionConfiguration, UpdateFunction*, PublishVersion each answer with their
     * own response class carrying FunctionConfiguration's members; copy them over by member name.
     */
    static FunctionConfig function(SdkPojo response) {
        return function(copy(response, FunctionConfiguration.builder()).build());
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

    static FunctionConfig function(FunctionConfiguration c) {
        FunctionSettings settings = new FunctionSettings(
                orEmpty(c.runtimeAsString()),
                orEmpty(c.handler()),
                orEmpty(c.role()),
                c.memorySize() == null ? 128 : c.memorySize(),
                c.timeout() == null ? 3 : c.timeout(),
                environment(c.environment()),
                c.hasLayers() ? c.layers().stream().map(Layer::arn).toList() : List.of(),
                c.hasArchitectures() && !c.architecturesAsStrings().isEmpty() ? c.architecturesAsStrings().get(0)
                        : FunctionSettings.X86_64,
                Optional.ofNullable(c.kmsKeyArn()));
        return new FunctionConfig(c.functionName(), c.functionArn(), orEmpty(c.version()), settings, c.description(),
                orEmpty(c.codeSha256()), c.codeSize() == null ? 0 : c.codeSize(),
                // moto leaves RevisionId null on functions; an empty one is never sent back.
                orEmpty(c.revisionId()), orEmpty(c.lastModified()), status(c), reason(c),
                c.stateAsString() == null ? FunctionState.ACTIVE : FunctionState.parse(c.stateAsString()));
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
    private static UpdateStatus status(FunctionConfiguration c) {
        if (c.state() == State.FAILED || c.lastUpdateStatus() == LastUpdateStatus.FAILED) {
            return UpdateStatus.FAILED;
        }
        if (c.state() == State.PENDING || c.lastUpdateStatus() == LastUpdateStatus.IN_PROGRESS) {
            return UpdateStatus.IN_PROGRESS;
        }
        return UpdateStatus.SUCCESSFUL;
    }

    private static Optional<String> reason(FunctionConfiguration c) {
        if (c.state() == State.FAILED) {
            return Optional.ofNullable(c.stateReason());
        }
        return Optional.ofNullable(c.lastUpdateStatusReason());
    }

    private static Map<String, String> environment(EnvironmentResponse env) {
        return env == null || !env.hasVariables() ? Map.of() : env.variables();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
