package io.lambdoku.local.server;

import io.lambdoku.core.invoke.InvocationType;
import io.lambdoku.core.invoke.InvokeRequest;
import io.lambdoku.core.invoke.InvokeResult;
import io.lambdoku.core.invoke.ThrottledException;
import io.lambdoku.core.lambda.FunctionRef;
import io.lambdoku.local.runtime.LocalInvoker;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** POST /2015-03-31/functions/{f}/invocations: Lambda's Invoke, run in this server's warm environments. */
final class InvokeRoutes {

    private final LocalInvoker invoker;
    private final RequestIds ids;

    InvokeRoutes(LocalInvoker invoker, RequestIds ids) {
        this.invoker = invoker;
        this.ids = ids;
    }

    void invoke(WireExchange ex, String given) throws IOException {
        FunctionRef ref = ids.qualified(ex, given);
        String qualifier = ref.qualifier().orElse(null);
        InvocationType type = InvocationType.parse(ex.header("X-Amz-Invocation-Type").orElse("RequestResponse"));
        boolean tail = ex.header("X-Amz-Log-Type").map("Tail"::equalsIgnoreCase).orElse(false);
        InvokeResult r;
        try {
            r = invoker.invoke(new InvokeRequest(ref.name(), qualifier, ex.rawBody(), type, tail));
        } catch (ThrottledException e) {
            throw new WireError.Raised(new WireError(429, "TooManyRequestsException", e.getMessage()));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Amz-Executed-Version", r.executedVersion());
        r.functionError().ifPresent(e -> headers.put("X-Amz-Function-Error", e));
        r.logTail().ifPresent(t -> headers.put("X-Amz-Log-Result", t));
        ex.bytes(r.statusCode(), "application/json", r.payload(), headers);
    }
}
