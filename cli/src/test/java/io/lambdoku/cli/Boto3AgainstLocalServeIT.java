package io.lambdoku.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3, a client we did not write, unchanged against 'lambdoku local serve' started as a user starts
 * it (default settings: Pending after CreateFunction, InProgress after each update). The checks are in
 * clients/boto3_flow.py. Skipped only where python3 has no boto3; LAMBDOKU_REQUIRE_BOTO3=1 (CI) forbids that.
 */
class Boto3AgainstLocalServeIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path scratch;

    @Test
    void boto3sWaitersPaginatorsRevisionGuardsAndErrorCodesWorkUnchanged() throws Exception {
        requireBoto3();
        try (LocalServe server = LocalServe.start(new CliRunner(scratch))) {
            ClientScript.run(scratch, Map.of(), TIMEOUT,
                    List.of("python3", ClientScript.resource("boto3_flow.py").toString(), server.endpoint())).succeeded();
        }
    }

    static void requireBoto3() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
        } catch (IOException e) {
            ClientScript.unavailable("python3 is not installed, so boto3 cannot run against local serve", "LAMBDOKU_REQUIRE_BOTO3");
            return;
        }
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            ClientScript.unavailable("python3 has no boto3 (" + said + "), so boto3 cannot run against local serve",
                    "LAMBDOKU_REQUIRE_BOTO3");
        }
    }
}
