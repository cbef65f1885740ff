package io.lambdoku.cli.app;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.release.OutcomeView;
import io.lambdoku.core.app.Push;
import io.lambdoku.core.code.Zips;
import io.lambdoku.core.lambda.CodeZip;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "push", description = "Upload new code from a folder or zip as one release \"Push <sha8>\".")
public final class PushCommand extends AppCommand {

    @Parameters(paramLabel = "DIR|ZIP")
    Path code;

    private CodeZip zip;

    public PushCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("push");
    }

    @Override
    protected int runFor(Session session, String function) {
        if (zip == null) {
            zip = Zips.load(session.launch().cwd().resolve(code));
        }
        return OutcomeView.print(session.output(), new Push(session.api(), session.events()).push(function, zip));
    }
}
