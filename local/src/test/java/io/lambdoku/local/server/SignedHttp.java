package io.lambdoku.local.server;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.local.auth.AccessKey;
import io.lambdoku.local.auth.SigV4Signer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Requests to 'local serve' over a raw socket, SigV4-signed as the SDKs sign them, or deliberately not:
 * any Host header, any Origin or Content-Type, a stale clock, a wrong secret. Raw because Java's HTTP
 * clients will not send a Host of our choosing. The one signing client of the tests (local and CLI).
 */
public final class SignedHttp {

    /** On a loopback server without an access key any key is accepted; this is the one tests use there. */
    public static final AccessKey ANY_KEY = new AccessKey("test", "test");

    /** What the server answered: status, headers by lower-case name, body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The error code from X-Amzn-ErrorType, as the SDKs read it. */
        public Optional<String> errorType() {
            return Optional.ofNullable(headers.get("x-amzn-errortype"));
        }

        public Map<String, Object> json() {
            try {
                return JSON.std.mapFrom(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + text(), e);
            }
        }
    }

    private final String address;
    private final int port;

    /** A server listening on {@code address:port} (connect there, whatever Host is sent). */
    public SignedHttp(String address, int port) {
        this.address = address;
        this.port = port;
    }

    public Request request(String method, String pathAndQuery) {
        return new Request(method, pathAndQuery);
    }

    /** One request; signed with {@link #ANY_KEY} for service lambda in us-east-1 now, unless told otherwise. */
    public final class Request {
        private final String method;
        private final String pathAndQuery;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String host = "127.0.0.1:" + port;
        private byte[] body = new byte[0];
        private Optional<AccessKey> key = Optional.of(ANY_KEY);
        private String service = "lambda";
        private Clock clock = Clock.systemUTC();

        private Request(String method, String pathAndQuery) {
            this.method = method;
            this.pathAndQuery = pathAndQuery;
        }

        public Request host(String value) {
            host = value;
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body, sent as application/json unless a Content-Type is set. */
        public Request json(Object value) {
            try {
                body = JSON.std.asBytes(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            headers.putIfAbsent("Content-Type", "application/json");
            return this;
        }

        public Request body(byte[] bytes) {
            body = bytes;
            return this;
        }

        public Request signedWith(AccessKey k) {
            key = Optional.of(k);
            return this;
        }

        public Request unsigned() {
            key = Optional.empty();
            return this;
        }

        public Request service(String name) {
            service = name;
            return this;
        }

        /** Signs as a client whose clock reads {@code c}: a stale or future X-Amz-Date. */
        public Request clock(Clock c) {
            clock = c;
            return this;
        }

        /** The headers as they will travel, the signature included. */
        public Map<String, String> headers() {
            Map<String, String> all = new LinkedHashMap<>(headers);
            key.ifPresent(k -> all.putAll(new SigV4Signer(k, "us-east-1", service, clock)
                    .sign(method, URI.create("http://" + host + pathAndQuery), headers, body)));
            return all;
        }

        public Response send() {
            try (Socket s = new Socket(address, port)) {
                s.setSoTimeout(60_000);
                OutputStream out = s.getOutputStream();
                StringBuilder head = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\n");
                headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                out.write(body);
                out.flush();
                return read(s.getInputStream());
            } catch (IOException e) {
                throw new UncheckedIOException("no answer to " + method + " " + pathAndQuery, e);
            }
        }
    }

    /** Reads one response: its head, then Content-Length bytes of body (or up to the end of the connection). */
    public static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            if (h.length >= 4 && h[h.length - 4] == '\r' && h[h.length - 3] == '\n' && h[h.length - 2] == '\r' && h[h.length - 1] == '\n') {
                break;
            }
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (!text.endsWith("\r\n\r\n")) {
            throw new IOException("no complete response: '" + text + "'");
        }
        String[] lines = text.strip().split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        String length = headers.get("content-length");
        byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }
}
