package io.lambdoku.cli.formation;

import java.util.Optional;
import picocli.CommandLine.Option;

/** --table: which DynamoDB table holds the formation on the aws backend; shared by every command that reads it. */
public final class FormationTableOption {

    @Option(names = "--table", paramLabel = "TABLE", description = "The formation's DynamoDB table (aws backend; default: "
            + "LAMBDOKU_FORMATION_TABLE, else lambdoku-formation).")
    String table;

    public Optional<String> table() {
        return Optional.ofNullable(table);
    }
}
