package io.lambdoku.local.server;

import io.lambdoku.core.lambda.FunctionUrl;

/**
 * What a data-plane request reached: the function URL, its url-id, the host name it is known by (the event's
 * domainName) and the path below the URL, still percent-encoded as sent ("/" at least).
 */
record UrlTarget(FunctionUrl url, String urlId, String domain, String rawPath) {
}
