package io.lambdoku.cli.app;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.release.OutcomeView;
import io.lambdoku.core.app.Apps;
import io.lambdoku.core.app.SettingsChange;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "apps:update", description = "Change memory, timeout, handler or runtime in one release.")
public final class AppsUpdateCommand extends AppCommand {

    @Option(names = "--memory", paramLabel = "MB")
    Integer memory;

    @Option(names = "--timeout", paramLabel = "S")
    Integer timeout;

    @Option(names = "--handler")
    String handler;

    @Option(names = "--runtime")
    String runtime;

    public AppsUpdateCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("apps:update");
    }

    @Override
    protected int runFor(Session session, String function) {
        SettingsChange change = new SettingsChange(Optional.ofNullable(memory), Optional.ofNullable(timeout),
                Optional.ofNullable(handler), Optional.ofNullable(runtime));
        return OutcomeView.print(session.output(), new Apps(session.api(), session.events()).update(function, change));
    }
}
