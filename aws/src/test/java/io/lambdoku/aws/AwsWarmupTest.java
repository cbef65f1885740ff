package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The warm-up the CLI starts before it knows the command: it must be invisible (no output, no network,
 * no exception, no thread left behind) whatever the environment says.
 */
class AwsWarmupTest {

    @Test
    void neverConnectsToTheEndpointItWarmsFor() throws Exception {
        try (ServerSocket endpoint = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            boolean warmed = AwsWarmup.run(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + endpoint.getLocalPort(),
                    "AWS_REGION", "eu-west-1"));

            assertThat(warmed).as("the warm call went through to its canned answer").isTrue();
            // a connection made during run() would already be queued: accept() returns it at once
            endpoint.setSoTimeout(1);
            assertThatThrownBy(endpoint::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void warmsTheHttpsPathForAwsItselfWithoutConnecting() {
        assertThat(AwsWarmup.run(Map.of("AWS_REGION", "us-west-2"))).isTrue();
    }

    @Test
    void printsNothingThrowsNothingAndLeavesNoThreadWhateverTheEnvironment() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true));
            System.setErr(new PrintStream(printed, true));
            AwsWarmup.run(Map.of("AWS_ENDPOINT_URL", "not a url"));
            AwsWarmup.run(Map.of("AWS_PROFILE", "no-such-profile", "AWS_REGION", "nowhere-1"));
            AwsWarmup.run(Map.of());
            AwsWarmup.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(printed.toString()).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("lambdoku-aws-warmup"));
    }
}
