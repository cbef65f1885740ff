package io.lambdoku.core.invoke;

/** One invocation: a function, a version or alias ($LATEST by default), a JSON payload, how to wait. */
public record InvokeRequest(String function, String qualifier, byte[] payload, InvocationType type, boolean tailLog) {
}
