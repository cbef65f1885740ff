package io.lambdoku.local.server;

import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;

/**
 * GetFunction's Code.Location: where a client downloads a version's zip. It is this server's own
 * download route at the scheme, host and port the server is bound to, never the request's Host
 * header, which a client or a proxy may set to anything. The one place that builds the URL.
 */
final class CodeLocations {

    static final String PATH = "/lambdoku/code/";

    private final URI endpoint;

    CodeLocations(URI endpoint) {
        this.endpoint = endpoint;
    }

    String of(String codeSha256) {
        return endpoint + PATH + HexFormat.of().formatHex(Base64.getDecoder().decode(codeSha256));
    }
}
