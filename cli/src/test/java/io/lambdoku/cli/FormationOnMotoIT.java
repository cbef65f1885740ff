package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.aws.MotoExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** setup --formation and the formation commands through the launcher on the aws backend, against moto's DynamoDB. */
class FormationOnMotoIT {

    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    @TempDir
    Path scratch;

    @Test
    void setupMakesTheTableOnceAndTheCommandsUseIt() throws Exception {
        CliRunner cli = new CliRunner(scratch).withEnv(moto.environment());
        cli.run("formation").failedWith(ExitCodes.FAILURE,
                "No formation table lambdoku-formation; run 'lambdoku setup --formation'.");

        cli.run("setup", "--formation").succeeded().outContains("Created formation table lambdoku-formation in us-east-1.");
        cli.run("setup", "--formation").succeeded().outContains("Found formation table lambdoku-formation in us-east-1.");
        cli.run("formation:set", "shop", "--version", "7", "--scale", "0", "--public").succeeded()
                .outContains("Set shop to 7 x0 public (generation 1).");
        List<Object> rows = JSON.std.listFrom(cli.run("formation", "--json").succeeded().out());
        assertThat(rows).containsExactly(Map.of("Name", "shop", "Version", "7", "Scale", 0, "Public", true, "Generation", 1));
        cli.run("formation:delete", "shop", "--confirm", "shop").succeeded();
        assertThat(JSON.std.listFrom(cli.run("formation", "--json").succeeded().out())).isEmpty();

        cli.run("formation", "--table", "apps").failedWith(ExitCodes.FAILURE,
                "No formation table apps; run 'lambdoku setup --formation --table apps'.");
        cli.withEnv(Map.of("LAMBDOKU_FORMATION_TABLE", "apps"));
        cli.run("setup", "--formation").succeeded().outContains("Created formation table apps");
        cli.run("formation:set", "cart", "--version", "live").succeeded();
        assertThat(JSON.std.listFrom(cli.run("formation", "--json", "--table", "apps").succeeded().out())).hasSize(1);
        cli.run("setup", "--table", "apps").failedWith(ExitCodes.USAGE, "--table goes with --formation.");
    }
}
