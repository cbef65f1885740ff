package io.lambdoku.local.server;

import io.lambdoku.local.auth.AuthException;
import io.lambdoku.local.auth.RequestSignature;
import io.lambdoku.local.auth.SignatureCheck;
import java.io.IOException;
import java.util.Optional;

/**
 * What every request passes before a route serves it, cheapest first: the Host it names (DNS
 * rebinding), whether a browser sent it, its signature's form, freshness and key, its body's size,
 * and, when this server has a secret, the signature itself over the body. A refused request changes
 * nothing: no route has run.
 */
final class RequestGate {

    private final Optional<LoopbackHosts> loopback;
    private final SignatureCheck signatures;

    RequestGate(Optional<LoopbackHosts> loopback, SignatureCheck signatures) {
        this.loopback = loopback;
        this.signatures = signatures;
    }

    /** True when the server is bound to loopback: only this machine can reach it. */
    boolean loopback() {
        return loopback.isPresent();
    }

    /** From the headers alone: the Host a loopback server answers, and no browser. */
    void screen(WireExchange ex) {
        screenHost(ex);
        BrowserRequests.refuse(ex);
    }

    /** The Host alone: function URLs answer browsers (their CORS is the function's to grant), not rebinding pages. */
    void screenHost(WireExchange ex) {
        loopback.ifPresent(hosts -> hosts.check(ex.header("Host")));
    }

    /**
     * An AWS_IAM function URL's request: signed (any service; the caller checks it), its body read and verified.
     * Without a key a signature is checked only for its form, which any web page can forge (a presigned query, or an
     * Authorization header a URL's CORS allows): so browsers are refused here as on the API, signed clients served.
     */
    RequestSignature admitSigned(WireExchange ex, BodyLimits.Limit limit) throws IOException {
        if (!signatures.verifies()) {
            BrowserRequests.refuse(ex);
        }
        RequestSignature signature = signatures.admit(ex.signable());
        ex.readBody(limit);
        signatures.verify(ex.signable(), signature, ex::bodySha256);
        return signature;
    }

    /**
     * Checks the signature, reads the body within the operation's limit, verifies the signature over
     * it, and answers the service the request was signed for, which picks the API that serves it.
     */
    String admit(WireExchange ex) throws IOException {
        RequestSignature signature = signatures.admit(ex.signable());
        ex.readBody(BodyLimits.of(ex.method(), ex.segments(), ex.header("X-Amz-Invocation-Type")));
        signatures.verify(ex.signable(), signature, ex::bodySha256);
        return signature.scope().service();
    }

    static WireError refusal(AuthException e) {
        return new WireError(e.status(), e.type(), e.getMessage());
    }
}
