package io.lambdoku.core.lambda;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a user configures on a function and what a release restores: everything but code and
 * description. The environment is kept sorted so two equal settings compare and print alike.
 */
public record FunctionSettings(
        String runtime,
        String handler,
        String role,
        int memorySize,
        int timeout,
        Map<String, String> environment,
        List<String> layers,
        String architecture) {

    public static final String X86_64 = "x86_64";
    public static final String ARM64 = "arm64";

    public FunctionSettings {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(role, "role");
        environment = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        layers = List.copyOf(layers);
        architecture = architecture == null ? X86_64 : architecture;
    }

    /** Settings of an x86_64 function, Lambda's default architecture. */
    public FunctionSettings(String runtime, String handler, String role, int memorySize, int timeout,
                            Map<String, String> environment, List<String> layers) {
        this(runtime, handler, role, memorySize, timeout, environment, layers, X86_64);
    }

    public FunctionSettings withEnvironment(Map<String, String> env) {
        return new FunctionSettings(runtime, handler, role, memorySize, timeout, env, layers, architecture);
    }

    public FunctionSettings withMemorySize(int mb) {
        return new FunctionSettings(runtime, handler, role, mb, timeout, environment, layers, architecture);
    }

    public FunctionSettings withTimeout(int seconds) {
        return new FunctionSettings(runtime, handler, role, memorySize, seconds, environment, layers, architecture);
    }

    public FunctionSettings withHandler(String h) {
        return new FunctionSettings(runtime, h, role, memorySize, timeout, environment, layers, architecture);
    }

    public FunctionSettings withArchitecture(String a) {
        return new FunctionSettings(runtime, handler, role, memorySize, timeout, environment, layers, a);
    }

    public FunctionSettings withRuntime(String r) {
        return new FunctionSettings(r, handler, role, memorySize, timeout, environment, layers, architecture);
    }
}
