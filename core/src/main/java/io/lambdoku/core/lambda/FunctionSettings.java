package io.lambdoku.core.lambda;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a user configures on a function and what a release restores: everything but code and
 * description. The environment is kept sorted so two equal settings compare and print alike.
 * {@code kmsKeyArn} is Lambda's KMSKeyArn, the key that encrypts the environment at rest (empty: Lambda's
 * AWS-managed key). It is a setting, not a tag, because a version snapshots it: a rollback restores it.
 */
public record FunctionSettings(
        String runtime,
        String handler,
        String role,
        int memorySize,
        int timeout,
        Map<String, String> environment,
        List<String> layers,
        String architecture,
        Optional<String> kmsKeyArn) {

    public static final String X86_64 = "x86_64";
    public static final String ARM64 = "arm64";

    public FunctionSettings {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(role, "role");
        environment = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        layers = List.copyOf(layers);
        architecture = architecture == null ? X86_64 : architecture;
        // Lambda keeps no KMSKeyArn for a function without environment variables (it has nothing to encrypt; see
        // hashicorp/terraform-provider-aws#6366 and its kms_key_arn docs): the same here, so a plan never waits for
        // a key Lambda will not keep.
        kmsKeyArn = kmsKeyArn == null || environment.isEmpty() ? Optional.empty() : kmsKeyArn.filter(k -> !k.isEmpty());
    }

    /** Settings encrypted at rest with Lambda's default key. */
    public FunctionSettings(String runtime, String handler, String role, int memorySize, int timeout,
                            Map<String, String> environment, List<String> layers, String architecture) {
        this(runtime, handler, role, memorySize, timeout, environment, layers, architecture, Optional.empty());
    }

    /** Settings of an x86_64 function, Lambda's default architecture. */
    public FunctionSettings(String runtime, String handler, String role, int memorySize, int timeout,
                            Map<String, String> environment, List<String> layers) {
        this(runtime, handler, role, memorySize, timeout, environment, layers, X86_64, Optional.empty());
    }

    public FunctionSettings withEnvironment(Map<String, String> env) {
        return new FunctionSettings(runtime, handler, role, memorySize, timeout, env, layers, architecture, kmsKeyArn);
    }

    public FunctionSettings withMemorySize(int mb) {
        return new FunctionSettings(runtime, handler, role, mb, timeout, environment, layers, architecture, kmsKeyArn);
    }

    public FunctionSettings withTimeout(int seconds) {
        return new FunctionSettings(runtime, handler, role, memorySize, seconds, environment, layers, architecture, kmsKeyArn);
    }

    public FunctionSettings withHandler(String h) {
        return new FunctionSettings(runtime, h, role, memorySize, timeout, environment, layers, architecture, kmsKeyArn);
    }

    public FunctionSettings withArchitecture(String a) {
        return new FunctionSettings(runtime, handler, role, memorySize, timeout, environment, layers, a, kmsKeyArn);
    }

    public FunctionSettings withRuntime(String r) {
        return new FunctionSettings(r, handler, role, memorySize, timeout, environment, layers, architecture, kmsKeyArn);
    }

    public FunctionSettings withKmsKeyArn(Optional<String> arn) {
        return new FunctionSettings(runtime, handler, role, memorySize, timeout, environment, layers, architecture, arn);
    }

    // Written out, not the record's own: those are built from method handles on their first call, ~20 generated
    // classes and ~11 ms of every config:set, which compares the new settings with the current ones.
    // FunctionSettingsTest checks that every component takes part.
    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionSettings s && memorySize == s.memorySize && timeout == s.timeout
                && runtime.equals(s.runtime) && handler.equals(s.handler) && role.equals(s.role)
                && environment.equals(s.environment) && layers.equals(s.layers)
                && architecture.equals(s.architecture) && kmsKeyArn.equals(s.kmsKeyArn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(runtime, handler, role, memorySize, timeout, environment, layers, architecture, kmsKeyArn);
    }
}
