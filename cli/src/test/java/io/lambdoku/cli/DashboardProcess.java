package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 'lambdoku dashboard --port 0' started through the launcher, and the URL it printed. */
final class DashboardProcess implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("Dashboard: (http://127\\.0\\.0\\.1:(\\d+)/\\?token=(\\S+))");

    private final Process process;
    private final Matcher printed;

    private DashboardProcess(Process process, Matcher printed) {
        this.process = process;
        this.printed = printed;
    }

    static DashboardProcess start(CliRunner cli, String... extra) throws Exception {
        String[] args = new String[extra.length + 3];
        args[0] = "dashboard";
        args[1] = "--port";
        args[2] = "0";
        System.arraycopy(extra, 0, args, 3, extra.length);
        Process p = cli.start(args);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        Matcher m = URL.matcher(first == null ? "" : first);
        if (!m.find()) {
            p.destroy();
            fail("lambdoku dashboard did not print its URL: " + first + " / "
                    + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        // its stderr is where it reports what failed; read, so a full pipe never stalls it, and shown with the test's output
        Thread drain = new Thread(() -> {
            try {
                p.getErrorStream().transferTo(System.err);
            } catch (java.io.IOException e) {
                // the process is gone
            }
        }, "dashboard-stderr");
        drain.setDaemon(true);
        drain.start();
        return new DashboardProcess(p, m);
    }

    /** With the access token, as printed. */
    String url() {
        return printed.group(1);
    }

    /** The server's root without the token. */
    URI base() {
        return URI.create("http://127.0.0.1:" + printed.group(2));
    }

    int port() {
        return Integer.parseInt(printed.group(2));
    }

    String token() {
        return printed.group(3);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the dashboard stops on SIGTERM").isTrue();
    }
}
