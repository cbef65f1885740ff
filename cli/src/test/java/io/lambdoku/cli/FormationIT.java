package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** formation, formation:set and formation:delete through the launcher on the local backend, and what they refuse. */
class FormationIT {

    @TempDir
    Path scratch;

    @Test
    void rowsAreSetListedAndDeleted() throws Exception {
        CliRunner cli = new CliRunner(scratch);
        Files.createDirectories(cli.cwd().resolve("shop"));
        assertThat(cli.run("formation").succeeded().err()).contains("No apps in the local store yet; add one with");

        cli.run("formation:set", "shop", "--source", "shop", "--version", "git:HEAD", "--scale", "2").succeeded()
                .outContains("Set shop to git:HEAD x2 from " + cli.cwd().resolve("shop") + " (generation 1).");
        cli.run("formation:set", "cart", "--version", "v7", "--public").succeeded();
        cli.run("formation:set", "shop", "--scale", "0").succeeded().outContains("Set shop to git:HEAD x0 from ");

        CliRunner.Result listed = cli.run("formation").succeeded();
        assertThat(listed.out().lines().toList()).hasSize(3);
        assertThat(listed.out().lines().toList().get(0)).startsWith("NAME").contains("DESIRED", "STATUS", "SERVING", "URL", "REASON");
        assertThat(listed.out()).containsPattern("cart +v7 x1 public +Pending").containsPattern("shop +git:HEAD x0 +Pending");

        List<Object> json = JSON.std.listFrom(cli.run("formation", "--json").succeeded().out());
        assertThat(json).containsExactly(
                Map.of("Name", "cart", "Version", "v7", "Scale", 1, "Public", true, "Generation", 1),
                Map.of("Name", "shop", "Version", "git:HEAD", "Scale", 0, "Source", cli.cwd().resolve("shop").toString(),
                        "Public", false, "Generation", 2));

        cli.run("formation:delete", "shop", "--confirm", "shop").succeeded().outContains("Deleted the row of shop");
        assertThat(JSON.std.listFrom(cli.run("formation", "--json").succeeded().out())).hasSize(1);
    }

    @Test
    void badInputIsOneSentenceAndChangesNothing() throws Exception {
        CliRunner cli = new CliRunner(scratch);
        cli.run("formation:set", "shop", "--version", "7").succeeded();

        cli.run("formation:set", "shop", "--version", "git:main").failedWith(ExitCodes.FAILURE,
                "Version git:main of shop is a git ref, so it needs a Source folder whose repository has it (--source DIR).");
        cli.run("formation:set", "shop", "--scale", "1001").failedWith(ExitCodes.FAILURE,
                "Scale of shop must be a whole number from 0 to 1000, not 1001.");
        cli.run("formation:set", "shop", "--version", "a b").failedWith(ExitCodes.FAILURE, "Version 'a b' of shop is none of");
        cli.run("formation:set", "shop", "--source", "nowhere").failedWith(ExitCodes.FAILURE, "is not a folder");
        cli.run("formation:set", "bad.name", "--version", "7").failedWith(ExitCodes.FAILURE, "Invalid function name 'bad.name'");
        cli.run("formation:set", "shop", "--scale", "two").failedWithCode(ExitCodes.USAGE);
        cli.run("formation:delete", "shop").failedWith(ExitCodes.FAILURE, "run again with --confirm shop.");
        cli.run("formation:delete", "cart", "--confirm", "cart").failedWith(ExitCodes.FAILURE,
                "No row cart in the local store; see 'lambdoku formation'.");
        cli.run("formation", "--table", "t").failedWith(ExitCodes.USAGE, "--table names a DynamoDB table of the aws backend");

        assertThat(JSON.std.listFrom(cli.run("formation", "--json").succeeded().out()))
                .containsExactly(Map.of("Name", "shop", "Version", "7", "Scale", 1, "Public", false, "Generation", 1));
        cli.run("setup", "--formation").succeeded().outContains("nothing to set up");
    }
}
