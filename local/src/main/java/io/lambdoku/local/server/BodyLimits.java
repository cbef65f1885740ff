package io.lambdoku.local.server;

import java.util.List;
import java.util.Optional;

/**
 * How large a request body may be, per operation, as Lambda caps them. Decided from the request line
 * before a byte of the body is read, and enforced while it streams, so a client announcing or sending
 * a gigabyte costs this server nothing but the refusal.
 */
final class BodyLimits {

    /** A limit and the operation AWS names in its error. */
    record Limit(long bytes, String operation) {

        WireError.Raised exceeded() {
            return new WireError.Raised(new WireError(413, "RequestEntityTooLargeException",
                    "Request must be smaller than " + bytes + " bytes for the " + operation + " operation"));
        }
    }

    /** A 50 MB zip, base64 in JSON: Lambda's own figure, 50 MiB x 4/3 rounded up. */
    static final long CODE = 69_905_067;
    /** Invoke's payload: 6 MB synchronously (RequestResponse, DryRun), 256 KB as an Event. */
    static final long SYNC_PAYLOAD = 6 * 1024 * 1024;
    static final long ASYNC_PAYLOAD = 256 * 1024;
    /** Every other request is a little JSON: settings, aliases, tags, log queries. */
    static final long SMALL = 1024 * 1024;

    private BodyLimits() {
    }

    static Limit of(String method, List<String> p, Optional<String> invocationType) {
        boolean functions = p.size() >= 2 && p.get(0).equals("2015-03-31") && p.get(1).equals("functions");
        if (functions && p.size() == 2 && method.equals("POST")) {
            return new Limit(CODE, "CreateFunction");
        }
        if (functions && p.size() == 4 && method.equals("PUT") && p.get(3).equals("code")) {
            return new Limit(CODE, "UpdateFunctionCode");
        }
        if (functions && p.size() == 4 && method.equals("POST") && p.get(3).equals("invocations")) {
            return invocationType.filter("Event"::equalsIgnoreCase).isPresent()
                    ? new Limit(ASYNC_PAYLOAD, "InvokeAsync") : new Limit(SYNC_PAYLOAD, "Invoke");
        }
        return new Limit(SMALL, method + " " + String.join("/", p));
    }

    static Limit small(String operation) {
        return new Limit(SMALL, operation);
    }
}
