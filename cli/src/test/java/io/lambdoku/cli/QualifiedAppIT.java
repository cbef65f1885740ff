package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * -a NAME:7, -a NAME:live and qualified ARNs mean what they say: reading commands and invoke read that
 * release, writing commands refuse the qualifier (releases are made on $LATEST) and change nothing.
 */
class QualifiedAppIT {

    @TempDir
    Path scratch;

    @Test
    void aQualifiedAppReadsThatReleaseAndWritesAreRefused() throws Exception {
        CliRunner cli = new CliRunner(scratch);
        String example = cli.repo().resolve("examples/hello-python").toString();
        cli.run("create", "hello", "--code", example).succeeded();
        cli.run("config:set", "-a", "hello", "GREETING=Hi").succeeded().outContains("v2");
        cli.run("config:set", "-a", "hello", "GREETING=Yo").succeeded().outContains("v3");
        cli.run("alias:set", "-a", "hello", "live", "2").succeeded();

        cli.run("config", "-a", "hello:2").succeeded().outContains("GREETING='Hi'");
        cli.run("config:get", "-a", "hello:live", "GREETING").succeeded().outContains("Hi");
        cli.run("config:get", "-a", "hello", "GREETING").succeeded().outContains("Yo");
        String arn = "arn:aws:lambda:us-east-1:000000000000:function:hello:live";
        cli.run("config", "--backend", "local", "-a", arn).succeeded().outContains("GREETING='Hi'");
        Map<String, Object> info = JSON.std.mapFrom(cli.run("apps:info", "-a", "hello:live", "--json").succeeded().out());
        assertThat((String) info.get("arn")).endsWith(":function:hello:live");

        cli.run("invoke", "-a", "hello:live", "-p", "{\"name\":\"x\"}").succeeded().outContains("Hi, x!");
        cli.run("invoke", "-a", "hello:3", "-p", "{\"name\":\"x\"}").succeeded().outContains("Yo, x!");
        cli.run("invoke", "-a", "hello:2", "-q", "3").failedWith(1,
                "The derived qualifier from the function name does not match the specified qualifier.");

        cli.run("config:set", "-a", "hello:live", "GREETING=Nope").failedWith(2, "acts on the function itself");
        cli.run("rollback", "-a", "hello:2").failedWith(2, "use -a hello without ':2'");
        cli.run("pipeline:add", "-a", "hello", "hello:live").failedWith(2, "name the function itself");
        assertThat(cli.run("releases", "-a", "hello").succeeded().out().lines()).hasSize(3);
        cli.run("config:get", "-a", "hello", "GREETING").succeeded().outContains("Yo");

        cli.run("config", "-a", "hello:9").failedWith(1, "has no version 9");
        cli.run("config", "-a", "hello:nope").failedWith(1, "Function hello has no version or alias nope.");
    }
}
