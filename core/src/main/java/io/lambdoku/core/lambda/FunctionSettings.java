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
        List<String> layers) {

    public FunctionSettings {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(role, "role");
        environment = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        layers = List.copyOf(layers);
    }

    public FunctionSettings withEnvironment(Map<String, String> env) {
        return new FunctionSettings(runtime, handler, role, memorySize, timeout, env, layers);
    }

    public FunctionSettings withMemorySize(int mb) {
        return new FunctionSettings(runtime, handler, role, mb, timeout, environment, layers);
    }

    public FunctionSettings withTimeout(int seconds) {
        return new FunctionSettings(runtime, handler, role, memorySize, seconds, environment, layers);
    }

    public FunctionSettings withHandler(String h) {
        return new FunctionSettings(runtime, h, role, memorySize, timeout, environment, layers);
    }

    public FunctionSettings withRuntime(String r) {
        return new FunctionSettings(r, handler, role, memorySize, timeout, environment, layers);
    }
}
