package io.lambdoku.local.server;

import io.lambdoku.core.lambda.FunctionUrl;

/**
 * What a data-plane request reached: the function URL, its url-id, the host name it is known by (the event's
 * domainName), the path below the URL, still percent-encoded as sent ("/" at least), and whether it was reached by
 * the path form (/lambda-url/…), whose origin is local serve's own, shared with the dashboard.
 */
record UrlTarget(FunctionUrl url, String urlId, String domain, String rawPath, boolean pathForm) {
}
