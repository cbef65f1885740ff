package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 'lambdoku local serve' started through the launcher as a user starts it, and what it printed on start. */
final class LocalServe implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (https?://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern CA_BUNDLE = Pattern.compile("AWS_CA_BUNDLE=(\\S+)");

    private final Process process;
    private final String endpoint;
    private final List<String> banner;

    private LocalServe(Process process, String endpoint, List<String> banner) {
        this.process = process;
        this.endpoint = endpoint;
        this.banner = List.copyOf(banner);
    }

    /** Starts {@code local serve --port 0 EXTRA...} and reads its banner, up to the "Try:" hint. */
    static LocalServe start(CliRunner cli, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("local", "serve", "--port", "0"));
        args.addAll(List.of(extra));
        Process p = cli.start(args.toArray(String[]::new));
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> banner = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            banner.add(line);
            if (line.startsWith("Try:")) {
                break;
            }
        }
        Matcher m = LISTENING.matcher(banner.isEmpty() ? "" : banner.get(0));
        if (!m.find()) {
            p.destroy();
            fail("local serve did not say where it listens: " + banner + " / "
                    + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        drain(out);
        return new LocalServe(p, m.group(1), banner);
    }

    /** Reads what the server prints after its banner (the reactor's lines, say): a full pipe would stall it. */
    private static void drain(BufferedReader out) {
        Thread t = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discarded: tests assert on the store and the wire, not on this output
                }
            } catch (java.io.IOException closed) {
                // the server is gone
            }
        }, "local-serve-stdout");
        t.setDaemon(true);
        t.start();
    }

    String endpoint() {
        return endpoint;
    }

    List<String> banner() {
        return banner;
    }

    /** The PEM the banner tells clients to trust, when serving HTTPS. */
    Optional<Path> caBundle() {
        return banner.stream().map(CA_BUNDLE::matcher).filter(Matcher::find).map(m -> Path.of(m.group(1))).findFirst();
    }

    /** Kills it as a crash would (SIGKILL): no shutdown hook runs. */
    void kill() throws Exception {
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("local serve dies on SIGKILL").isTrue();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("local serve stops on SIGTERM").isTrue();
    }
}
