package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.aws.MotoExtension;
import io.lambdoku.aws.MotoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second "done when": rows written by a plain boto3 put_item into the DynamoDB table 'setup --formation'
 * made on moto are reconciled by 'lambdoku reactor --backend aws', which writes their status back into the items.
 * moto stores function URLs but serves none and routes no provisioned concurrency, so: Scale 0 ends Stopped (reserved
 * concurrency 0 is real there), and Scale 1 ends Failed with the reason moto gives, never a fake Ready.
 */
class ReactorOnMotoIT {

    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    @TempDir
    Path scratch;

    @Test
    void rowsPutByBoto3AreReconciledAndTheirStatusWrittenBack() throws Exception {
        requireBoto3();
        CliRunner cli = new CliRunner(scratch).withEnv(moto.environment());
        cli.run("setup", "--formation").succeeded();
        // the aws backend creates a function only with a role
        HelloPythonRepo repo = HelloPythonRepo.create(cli, m -> m.replace("\"runtime\":", "\"role\": \"" + MotoServer.ROLE
                + "\",\n  \"runtime\":"));
        Path src = repo.dir();
        boto3("put", "shop", "0", src.toString(), "git:HEAD");
        boto3("put", "cart", "1", src.toString(), "git:HEAD");

        Process reactor = cli.start("reactor", "--resync", "2s");
        try {
            Map<String, Object> shop = awaitItem("shop", i -> "Stopped".equals(i.get("Status")));
            assertThat(shop).containsEntry("ObservedVersion", "1").containsEntry("ObservedGeneration", "0")
                    .containsEntry("Reason", "Scale 0: every invoke is throttled.");
            assertThat((String) shop.get("Url")).contains(".lambda-url.");
            Map<String, Object> cart = awaitItem("cart", i -> "Failed".equals(i.get("Status")));
            assertThat((String) cart.get("Reason")).containsIgnoringCase("provisioned");
            assertThat(cart).containsEntry("ObservedVersion", "1");

            String sha = repo.git("rev-parse", "HEAD").strip();
            assertThat(cli.run("releases", "-a", "shop").succeeded().out()).contains("(git " + sha + ")");
            assertThat(cli.run("aliases", "-a", "shop").succeeded().out()).contains("live");

            boto3("delete", "shop");
            awaitApps(cli, out -> !out.contains("shop"));
            assertThat(cli.run("apps").succeeded().out()).contains("cart");
        } finally {
            reactor.destroy();
            assertThat(reactor.waitFor(60, TimeUnit.SECONDS)).as("the reactor stops on SIGTERM").isTrue();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitItem(String name, Predicate<Map<String, Object>> done) throws Exception {
        Map<String, Object> item = Map.of();
        for (int i = 0; i < 120; i++) {
            item = (Map<String, Object>) (Map<?, ?>) JSON.std.mapFrom(boto3("get", name).strip());
            if (done.test(item)) {
                return item;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("row " + name + " never got there; last read: " + item);
    }

    private static void awaitApps(CliRunner cli, Predicate<String> done) throws Exception {
        for (int i = 0; i < 120; i++) {
            if (done.test(cli.run("apps").succeeded().out())) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("apps never got there");
    }

    private String boto3(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("python3", ClientScript.resource("formation_item.py").toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(moto.environment());
        return ClientScript.run(scratch, env, Duration.ofSeconds(60), command).succeeded().output();
    }

    private static void requireBoto3() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            ClientScript.unavailable("python3 is not installed, so boto3 cannot write rows", "LAMBDOKU_REQUIRE_BOTO3");
            return;
        }
        if (p.waitFor() != 0) {
            ClientScript.unavailable("python3 has no boto3, so it cannot write rows", "LAMBDOKU_REQUIRE_BOTO3");
        }
    }
}
