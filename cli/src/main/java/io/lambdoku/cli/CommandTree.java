package io.lambdoku.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Every command under one root, read from their annotations: for 'lambdoku help' and shell completion, never for a run. */
final class CommandTree {

    private CommandTree() {
    }

    static CommandLine build(Launch launch) {
        CommandSpec root = CommandSpec.create().name("lambdoku");
        root.usageMessage().description("Heroku-like releases for AWS Lambda functions: config vars, releases,",
                "rollback, pipelines. Global options (-a/--app, --backend, --json, --debug) go before or after",
                "the command. See 'lambdoku help COMMAND'.");
        CommandLine cl = new CommandLine(root);
        for (String name : CommandRegistry.NAMES) {
            cl.addSubcommand(name, new CommandLine(CommandRegistry.create(name, launch)));
        }
        cl.setExpandAtFiles(false); // after the subcommands: picocli applies it to those present
        return cl;
    }
}
