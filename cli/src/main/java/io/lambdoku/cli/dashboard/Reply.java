package io.lambdoku.cli.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** What a handler answers; it writes itself to the exchange. */
@FunctionalInterface
public interface Reply {

    void send(HttpExchange exchange) throws IOException;

    static Reply html(int status, String document) {
        return bytes(status, "text/html; charset=utf-8", document.getBytes(StandardCharsets.UTF_8));
    }

    static Reply page(Html document) {
        return html(200, document.render());
    }

    /** 303: after a POST, the browser GETs the result, so a reload does not repeat the change. */
    static Reply seeOther(String location) {
        return ex -> {
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(303, -1);
        };
    }

    static Reply bytes(int status, String contentType, byte[] body) {
        return ex -> {
            ex.getResponseHeaders().set("Content-Type", contentType);
            boolean head = ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
            if (!head && body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        };
    }
}
