package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.local.server.SignedHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's done-when, on 'local serve' started through the launcher: 100 half-open connections do
 * not keep a well-behaved client from an answer within a second, and a 1 GB body is refused without
 * the server's resident memory growing by 100 MB (VmRSS from /proc).
 */
class LocalServeLimitsIT {

    private static final long GB = 1L << 30;
    private static final long MB = 1L << 20;

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch);
    }

    @Test
    void aHundredHalfOpenConnectionsDoNotKeepAWellBehavedClientWaiting() throws Exception {
        try (LocalServe server = LocalServe.start(cli)) {
            int port = URI.create(server.endpoint()).getPort();
            SignedHttp http = new SignedHttp("127.0.0.1", port);
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    Socket s = new Socket("127.0.0.1", port);
                    stalled.add(s);
                    OutputStream out = s.getOutputStream();
                    switch (i % 3) {
                        case 0 -> { } // connects, sends nothing
                        case 1 -> out.write("POST /2015-03-31/functions HTTP/1.1\r\nHost: 127.0.0.1:".getBytes(StandardCharsets.US_ASCII));
                        default -> { // a signed request whose body never comes
                            SignedHttp.Request r = http.request("POST", "/2015-03-31/functions").json(java.util.Map.of());
                            StringBuilder head = new StringBuilder("POST /2015-03-31/functions HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
                            r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                            out.write(head.append("Content-Length: 1000\r\n\r\n{\"Fun").toString().getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    out.flush();
                }
                Thread.sleep(500); // every stalled request has reached a worker
                for (int i = 0; i < 5; i++) {
                    long start = System.nanoTime();
                    SignedHttp.Response r = http.request("GET", "/2015-03-31/functions").send();
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    System.out.println("with 100 half-open connections, a well-behaved request was answered in " + ms + " ms");
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(ms).isLessThan(1000);
                }
            } finally {
                for (Socket s : stalled) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aGigabyteBodyIsRefusedWithoutTheServerGrowingByAHundredMegabytes() throws Exception {
        try (LocalServe server = LocalServe.start(cli)) {
            int port = URI.create(server.endpoint()).getPort();
            long pid = serverPid();
            SignedHttp http = new SignedHttp("127.0.0.1", port);
            for (int i = 0; i < 20; i++) { // warm: the idle size of a server that has answered requests
                http.request("GET", "/2015-03-31/functions").send();
            }
            Thread.sleep(1000);
            long idle = status(pid, "VmRSS");
            AtomicLong peak = new AtomicLong(idle);
            CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> {
                while (!Thread.currentThread().isInterrupted() && peak.get() >= 0) {
                    try {
                        peak.accumulateAndGet(status(pid, "VmRSS"), Math::max);
                        Thread.sleep(20);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            try {
                SignedHttp.Response declared = sendGigabyte(http, port, false);
                assertThat(declared.status()).isEqualTo(413);
                assertThat(declared.json()).containsEntry("message",
                        "Request must be smaller than 69905067 bytes for the CreateFunction operation");
                SignedHttp.Response chunked = sendGigabyte(http, port, true);
                assertThat(chunked.status()).isEqualTo(413);
                assertThat(chunked.errorType()).contains("RequestEntityTooLargeException");
                Thread.sleep(200);
            } finally {
                long seen = peak.getAndSet(-1);
                sampler.join();
                long after = status(pid, "VmRSS");
                long hwm = status(pid, "VmHWM");
                System.out.printf("server VmRSS idle %d MB, peak while refusing 1 GB twice %d MB, after %d MB, VmHWM %d MB%n",
                        idle / MB, seen / MB, after / MB, hwm / MB);
                assertThat(seen - idle).as("resident growth while refusing a 1 GB body").isLessThan(100 * MB);
            }
            assertThat(http.request("GET", "/2015-03-31/functions").send().status()).as("still serving").isEqualTo(200);
        }
    }

    /**
     * A signed CreateFunction with a 1 GB body, announced in Content-Length or chunked, written until the
     * server stops taking it; the answer is read meanwhile, as the server may give it before the end.
     */
    private static SignedHttp.Response sendGigabyte(SignedHttp http, int port, boolean chunked) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(120_000);
            SignedHttp.Request r = http.request("POST", "/2015-03-31/functions").json(java.util.Map.of());
            StringBuilder head = new StringBuilder("POST /2015-03-31/functions HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
            r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append(chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Content-Length: " + GB + "\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<SignedHttp.Response> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return SignedHttp.read(s.getInputStream());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            byte[] block = new byte[(int) MB];
            java.util.Arrays.fill(block, (byte) 'A');
            try {
                for (long sent = 0; sent < GB && !answer.isDone(); sent += block.length) {
                    if (chunked) {
                        out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(block);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
            } catch (IOException refusedAndClosed) {
                // the server answered and dropped the connection rather than read a gigabyte
            }
            return answer.get(60, TimeUnit.SECONDS);
        }
    }

    /** The server's own process, as it writes it into the store just after its banner. */
    private long serverPid() throws Exception {
        Path file = cli.home().resolve("local/serve.json");
        for (int i = 0; i < 100 && !Files.exists(file); i++) {
            Thread.sleep(50);
        }
        return ((Number) JSON.std.mapFrom(Files.readString(file)).get("pid")).longValue();
    }

    /** A field of /proc/PID/status in bytes (VmRSS: resident now; VmHWM: the most ever resident). */
    private static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException(field + " not in /proc/" + pid + "/status");
    }
}
