package io.lambdoku.local.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One request written byte for byte and the response read whole: for what a parsed response hides (repeated headers). */
final class RawHttp {

    private RawHttp() {
    }

    static String exchange(String address, int port, String request) throws IOException {
        try (Socket s = new Socket(address, port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
