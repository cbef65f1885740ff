package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan, then apply exactly that or nothing, through the packaged launcher on the local backend. */
class PlanApplyIT {

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch);
    }

    @Test
    void aSavedPlanAppliesAndThenNothingIsPending() throws Exception {
        Path app = copyExample("hello-python", "app");
        cli.run("plan", app.toString(), "-o", "p.plan", "--exit-code").failedWithCode(3)
                .outContains("+ function hello").outContains("Plan: 1 to add, 0 to change, 0 to destroy.");
        assertThat(cli.run("apps", "--json").succeeded().out().strip()).isEqualTo("[ ]");

        cli.run("apply", "p.plan").succeeded().outContains("Released v1 of hello: Deploy")
                .outContains("Apply complete: 1 added, 0 changed, 0 destroyed.");
        cli.run("plan", app.toString(), "--exit-code").succeeded().outContains("= function hello")
                .outContains("Plan: 0 to add, 0 to change, 0 to destroy.");
        cli.run("invoke", "-a", "hello", "--payload", "{\"name\":\"x\"}").succeeded().outContains("Hello, x!");
    }

    @Test
    void aFunctionChangedSinceThePlanMakesApplyRefuseAndChangeNothing() throws Exception {
        Path app = copyExample("hello-python", "app");
        cli.run("deploy", app.toString()).succeeded();
        Files.writeString(app.resolve("lambdoku.json"), Files.readString(app.resolve("lambdoku.json"))
                .replace("\"memory\": 128", "\"memory\": 256"));
        cli.run("plan", app.toString(), "-o", "p.plan").succeeded().outContains("~ function hello  memory 128 -> 256")
                .outContains("Plan: 0 to add, 1 to change, 0 to destroy.");
        cli.run("config:set", "-a", "hello", "MODE=fast").succeeded();
        List<Object> before = releases();

        cli.run("apply", "p.plan").failedWith(1, "Plan is stale: function hello changed since the plan (RevisionId ")
                .failedWith(1, "run 'lambdoku plan' again.");
        assertThat(releases()).isEqualTo(before);
        assertThat(JSON.std.mapFrom(cli.run("apps:info", "-a", "hello", "--json").succeeded().out()))
                .containsEntry("memorySize", 128);
        assertThat(JSON.std.mapFrom(cli.run("config", "-a", "hello", "--json").succeeded().out())).containsEntry("MODE", "fast");

        cli.run("plan", app.toString(), "-o", "again.plan").succeeded();
        cli.run("apply", "again.plan").succeeded().outContains("Released v3 of hello");
        assertThat(JSON.std.mapFrom(cli.run("config", "-a", "hello", "--json").succeeded().out())).containsEntry("MODE", "fast");
    }

    @Test
    void applyOfAFolderAsksUnlessYesAndRefusesWithoutATerminal() throws Exception {
        Path app = copyExample("hello-python", "app");
        cli.run("apply", app.toString()).failedWith(2, "pass --yes");
        assertThat(cli.run("apps", "--json").succeeded().out().strip()).isEqualTo("[ ]");
        cli.run("apply", app.toString(), "--yes").succeeded().outContains("+ function hello")
                .outContains("Plan: 1 to add").outContains("Released v1 of hello");
        cli.run("apply", app.toString(), "--yes").succeeded().outContains("Nothing to apply.");
    }

    @Test
    void aRoleAScheduleAndAnAlarmArePlannedAddedAndDestroyedWhenGoneFromTheManifest() throws Exception {
        Path app = copyExample("hello-python", "infra");
        Path manifest = app.resolve("lambdoku.json");
        Files.writeString(manifest, """
                {
                  "name": "shop", "runtime": "python3.12", "handler": "app.handler",
                  "role": {"create": true, "policies": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]},
                  "schedules": [{"name": "nightly", "expression": "cron(0 2 * * ? *)", "timezone": "Europe/Paris",
                                 "payload": {"job": "report"}}],
                  "alarms": [{"metric": "Errors", "threshold": 1}],
                  "reservedConcurrency": 5,
                  "aliases": {"live": "release"}
                }
                """);
        cli.run("plan", app.toString(), "-o", "p.plan").succeeded()
                .outContains("+ role lambdoku-shop").outContains("+ function shop").outContains("+ reserved concurrency shop  5")
                .outContains("+ alias live  (none) -> (new)").outContains("+ schedule nightly  cron(0 2 * * ? *) Europe/Paris")
                .outContains("+ alarm shop-Errors  Errors Sum >= 1")
                .outContains("Plan: 6 to add, 0 to change, 0 to destroy.");
        cli.run("apply", "p.plan").succeeded().outContains("Alias live -> v1");
        assertThat(JSON.std.mapFrom(cli.run("apps:info", "-a", "shop", "--json").succeeded().out()))
                .containsEntry("role", "arn:aws:iam::000000000000:role/lambdoku-shop");
        cli.run("plan", app.toString(), "--exit-code").succeeded().outContains("Plan: 0 to add, 0 to change, 0 to destroy.");

        Files.writeString(manifest, Files.readString(manifest).replace("\"alarms\": [{\"metric\": \"Errors\", \"threshold\": 1}],", "")
                .replace("cron(0 2 * * ? *)", "rate(1 hour)"));
        cli.run("plan", app.toString()).succeeded()
                .outContains("~ schedule nightly  cron(0 2 * * ? *) Europe/Paris payload {\"job\":\"report\"} -> rate(1 hour)")
                .outContains("- alarm shop-Errors").outContains("Plan: 0 to add, 1 to change, 1 to destroy.");
        cli.run("apply", app.toString(), "--yes").succeeded().outContains("Apply complete: 0 added, 1 changed, 1 destroyed.");
        cli.run("plan", app.toString(), "--exit-code").succeeded();
    }

    @Test
    void badManifestKeysNameFileLineAndKey() throws Exception {
        Path app = copyExample("hello-python", "bad");
        Path manifest = app.resolve("lambdoku.json");
        Files.writeString(manifest, "{\n  \"runtime\": \"python3.12\", \"handler\": \"app.handler\",\n"
                + "  \"schedules\": [\n    {\"expression\": \"rate(5 minute)\"}\n  ]\n}");
        cli.run("plan", app.toString()).failedWith(1, "lambdoku.json line 4: ").failedWith(1, "5 minute");
        Files.writeString(manifest, "{\n  \"runtime\": \"python3.12\", \"handler\": \"app.handler\",\n"
                + "  \"alarms\": [{\"metric\": \"Errors\", \"threshold\": 1,\n    \"statistic\": \"Mean\"}]\n}");
        cli.run("plan", app.toString()).failedWith(1, "lambdoku.json line 4: alarms[0].statistic 'Mean' is not one of");
        Files.writeString(manifest, "{\n  \"runtime\": \"python3.12\", \"handler\": \"app.handler\",\n  \"url\": {}\n}");
        cli.run("deploy", app.toString()).failedWith(1, "lambdoku.json line 3: 'url': function URLs are not supported yet");
        Files.writeString(manifest, "{\n  \"runtime\": \"python3.12\", \"handler\": \"app.handler\",\n  \"role\": {\"create\": true,"
                + "\n    \"polices\": []}\n}");
        cli.run("plan", app.toString()).failedWith(1, "lambdoku.json line 4: unknown key 'role.polices'");
        cli.run("apply", "nothing.plan").failedWith(2, "No plan file or folder nothing.plan");
        Files.writeString(cli.cwd().resolve("junk.plan"), "{\"format\": \"other\"}");
        cli.run("apply", "junk.plan").failedWith(1, "is not a lambdoku plan file");
        assertThat(cli.run("apps", "--json").succeeded().out().strip()).isEqualTo("[ ]");
    }

    private List<Object> releases() throws Exception {
        return JSON.std.listFrom(cli.run("releases", "-a", "hello", "--json").succeeded().out());
    }

    private Path copyExample(String example, String to) throws IOException {
        Path from = cli.repo().resolve("examples").resolve(example);
        Path dest = Files.createDirectories(scratch.resolve(to));
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = dest.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return dest;
    }
}
