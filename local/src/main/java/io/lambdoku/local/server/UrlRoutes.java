package io.lambdoku.local.server;

import com.sun.net.httpserver.Headers;
import io.lambdoku.core.invoke.InvocationType;
import io.lambdoku.core.invoke.InvokeRequest;
import io.lambdoku.core.invoke.InvokeResult;
import io.lambdoku.core.invoke.ThrottledException;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.UrlAuth;
import io.lambdoku.local.auth.AuthException;
import io.lambdoku.local.auth.RequestSignature;
import io.lambdoku.local.runtime.LocalInvoker;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The function URLs' data plane: a request to a URL becomes a payload 2.0 event, the URL's function (its alias, or
 * $LATEST) runs in this server's environments as Invoke runs it (records, logs, metrics, throttles alike), and its
 * answer becomes the HTTP response. Errors are Lambda's data-plane answers ({"Message": …}), never the API's shape.
 */
final class UrlRoutes {

    /** Lambda's cap on a function URL request, as on a synchronous Invoke. */
    private static final BodyLimits.Limit LIMIT = new BodyLimits.Limit(BodyLimits.SYNC_PAYLOAD, "function URL");

    private final UrlRequests requests;
    private final RequestGate gate;
    private final LocalInvoker invoker;
    private final String region;

    UrlRoutes(UrlRequests requests, RequestGate gate, LocalInvoker invoker, String region) {
        this.requests = requests;
        this.gate = gate;
        this.invoker = invoker;
        this.region = region;
    }

    boolean claims(WireExchange ex) {
        return requests.claims(ex);
    }

    void serve(WireExchange ex) throws IOException {
        String requestId = UUID.randomUUID().toString();
        UrlAnswer answer;
        try {
            answer = answer(ex, requestId);
        } catch (RuntimeException e) {
            // a body too large, a function still Pending…: Lambda's status and words, in the data plane's shape
            WireError w = WireError.of(e, region);
            answer = UrlAnswer.error(w.status(), w.type(), w.message());
        }
        write(ex, answer, requestId);
    }

    private UrlAnswer answer(WireExchange ex, String requestId) throws IOException {
        Optional<UrlTarget> target = requests.target(ex);
        if (target.isEmpty()) {
            // Lambda's answer to a URL that does not exist (any more): it does not say which
            return UrlAnswer.error(403, "AccessDeniedException", null);
        }
        FunctionUrl url = target.get().url();
        if (UrlCors.isPreflight(ex, url.cors())) {
            ex.readBody(BodyLimits.small("function URL preflight"));
            return UrlCors.preflight(ex, url.cors().get()); // browsers send preflights unsigned, even to AWS_IAM URLs
        }
        Optional<RequestSignature> caller = Optional.empty();
        if (url.auth() == UrlAuth.AWS_IAM) {
            try {
                caller = Optional.of(gate.admitSigned(ex, LIMIT));
            } catch (AuthException e) {
                return UrlAnswer.error(403, "AccessDeniedException", e.type().equals("MissingAuthenticationTokenException")
                        ? "Forbidden" : e.getMessage());
            }
            if (!caller.get().scope().service().equals("lambda")) {
                return UrlAnswer.error(403, "AccessDeniedException", "Credential should be scoped to correct service: 'lambda'.");
            }
        } else {
            ex.readBody(LIMIT);
        }
        byte[] event = UrlEvent.of(ex, target.get(), caller, requestId, Instant.now());
        UrlAnswer answer = invoke(url, event);
        UrlAnswer shown = url.cors().map(c -> UrlCors.apply(answer, ex.header("Origin"), c)).orElse(answer);
        return target.get().pathForm() ? shown.sandboxed() : shown;
    }

    private UrlAnswer invoke(FunctionUrl url, byte[] event) {
        InvokeResult r;
        try {
            r = invoker.invoke(new InvokeRequest(url.function(), url.qualifier().orElse(null), event,
                    InvocationType.REQUEST_RESPONSE, false));
        } catch (ThrottledException e) {
            return UrlAnswer.error(429, "TooManyRequestsException", "Rate Exceeded.");
        } catch (ResourceNotFoundException e) {
            return UrlAnswer.error(403, "AccessDeniedException", null); // deleted while this request came in
        }
        return r.failed() ? UrlAnswer.badGateway() : UrlAnswer.of(r.payload());
    }

    private static void write(WireExchange ex, UrlAnswer answer, String requestId) throws IOException {
        Headers headers = ex.http().getResponseHeaders();
        for (Map.Entry<String, String> h : answer.headers()) {
            headers.add(h.getKey(), h.getValue());
        }
        headers.set("X-Amzn-RequestId", requestId);
        boolean noBody = ex.method().equals("HEAD") || answer.status() == 204 || answer.status() == 304
                || answer.body().length == 0;
        ex.http().sendResponseHeaders(answer.status(), noBody ? -1 : answer.body().length);
        if (!noBody) {
            try (OutputStream out = ex.http().getResponseBody()) {
                out.write(answer.body());
            }
        }
    }
}
