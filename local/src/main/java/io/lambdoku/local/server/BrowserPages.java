package io.lambdoku.local.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * Web pages 'local serve' serves beside the AWS APIs (the dashboard): they claim the browser requests
 * that are theirs before the API's guards, which refuse browsers, see them, and protect themselves (an
 * access token, CSRF tokens, the Host check). The AWS APIs keep every path and every signed request.
 */
public interface BrowserPages {

    /** Whether this request is the pages' (never a SigV4-signed one). */
    boolean claims(String method, String rawPath, Headers headers);

    /** Answers it; the server closes the exchange afterwards. */
    void handle(HttpExchange exchange) throws IOException;
}
