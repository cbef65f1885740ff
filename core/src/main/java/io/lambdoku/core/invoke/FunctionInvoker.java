package io.lambdoku.core.invoke;

/** Runs functions: the local backend in execution environments on this machine, the aws backend through Invoke. */
public interface FunctionInvoker {

    InvokeResult invoke(InvokeRequest request);
}
