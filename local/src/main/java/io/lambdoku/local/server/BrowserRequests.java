package io.lambdoku.local.server;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses what web browsers send on a page's behalf. Any page can make a browser POST to 127.0.0.1
 * with a "simple" content type (text/plain, forms) without asking the server first, signed at most in
 * its query (presigned); such a request once created and invoked a function here. AWS clients never
 * send an Origin, nor those content types without an Authorization header.
 */
final class BrowserRequests {

    /** What a page may send cross-origin without a CORS preflight (the Fetch standard's "simple" types). */
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    private BrowserRequests() {
    }

    static void refuse(WireExchange ex) {
        Optional<String> origin = ex.header("Origin");
        if (origin.isPresent()) {
            throw refused("requests from web pages (Origin: " + origin.get() + ")");
        }
        // a browser's own navigation (typing a Code.Location URL) is "none"; anything a page starts is not
        Optional<String> site = ex.header("Sec-Fetch-Site").filter(s -> !s.equalsIgnoreCase("none"));
        if (site.isPresent()) {
            throw refused("requests that web pages start (Sec-Fetch-Site: " + site.get() + ")");
        }
        // A page can send these types only without headers of its own, so never with an Authorization
        // header; the AWS SDK for Java over HttpURLConnection does send a form type with one (an Invoke
        // without payload gets HttpURLConnection's default), and must be served.
        Optional<String> type = ex.header("Content-Type").filter(t -> ex.header("Authorization").isEmpty())
                .map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).filter(FORM_TYPES::contains);
        if (type.isPresent()) {
            throw refused("Content-Type " + type.get() + ", which web pages can send anywhere unasked;"
                    + " send application/json as the AWS SDKs do");
        }
    }

    private static WireError.Raised refused(String what) {
        return new WireError.Raised(new WireError(403, "AccessDeniedException", "lambdoku local serve refuses " + what + "."));
    }
}
