package io.lambdoku.local.server;

import java.util.List;
import java.util.Optional;

/**
 * How large a request body may be, per operation, as Lambda caps them. Decided from the request line
 * before a byte of the body is read, and enforced while it streams, so a client announcing or sending
 * a gigabyte costs this server nothing but the refusal.
 */
final class BodyLimits {

    /** A limit, the operation AWS names in its error, and what else to tell the client, if anything. */
    record Limit(long bytes, String operation, String advice) {

        Limit(long bytes, String operation) {
            this(bytes, operation, "");
        }

        WireError.Raised exceeded() {
            return new WireError.Raised(new WireError(413, "RequestEntityTooLargeException",
                    "Request must be smaller than " + bytes + " bytes for the " + operation + " operation" + advice));
        }

        /**
         * A chunked body's size is only known once it has all arrived, and it is held in memory until
         * then, so it is held to {@link #CHUNKED} however large the operation's limit: a gigabyte sent
         * chunked to CreateFunction costs 6 MB, not 70. The AWS SDKs and CLI send Content-Length.
         */
        Limit chunked() {
            return bytes <= CHUNKED ? this : new Limit(CHUNKED, operation, " when sent chunked; send a Content-Length"
                    + " (as the AWS SDKs do) for up to " + bytes + " bytes");
        }
    }

    /** A 50 MB zip, base64 in JSON: Lambda's own figure, 50 MiB x 4/3 rounded up. */
    static final long CODE = 69_905_067;
    /** Invoke's payload: 6 MB synchronously (RequestResponse, DryRun), 256 KB as an Event. */
    static final long SYNC_PAYLOAD = 6 * 1024 * 1024;
    static final long ASYNC_PAYLOAD = 256 * 1024;
    /** The most a chunked body may hold, whatever the operation; Invoke's synchronous payload fits. */
    static final long CHUNKED = SYNC_PAYLOAD;
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
