package io.lambdoku.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", description = {"Print a completion script for bash or zsh: commands, options and files.",
    "bash: source <(lambdoku completion bash); zsh: source <(lambdoku completion zsh)."})
public final class CompletionCommand extends BaseCommand {

    @Parameters(paramLabel = "bash|zsh", description = "The shell.")
    String shell;

    public CompletionCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new UsageException("lambdoku completes commands in bash and zsh, not '" + shell + "'.");
        }
        // picocli's script runs in both: under zsh it loads bashcompinit first. Bash splits words at ':' by
        // default, so "config:s<TAB>" would reach it as "config" ":" "s"; commands here are named with colons.
        session.output().line(AutoComplete.bash("lambdoku", CommandTree.build(launch)).stripTrailing()
                + "\n\n# lambdoku's commands are named with ':' (config:set); complete them as one word\n"
                + "COMP_WORDBREAKS=${COMP_WORDBREAKS//:}");
        return ExitCodes.OK;
    }
}
