package io.lambdoku.cli.deploy;

import io.lambdoku.cli.Launch;
import picocli.CommandLine.Command;

@Command(name = "diff", description = "What 'deploy' would change, changing nothing (deploy --dry-run); --exit-code exits 3 when changes are pending.")
public final class DiffCommand extends DeployCommand {

    public DiffCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected boolean planOnly() {
        return true;
    }
}
