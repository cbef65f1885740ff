package io.lambdoku.cli.formation;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.formation.DesiredChange;
import io.lambdoku.core.formation.Formation;
import io.lambdoku.core.formation.FormationAttributes;
import io.lambdoku.core.formation.FormationRow;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "formation:set", description = {"Create or change an app's row in the formation table; what is not given",
    "stays as it was (a new row: scale 1, not public). The reactor then makes it true."})
public final class FormationSetCommand extends BaseCommand {

    @Parameters(paramLabel = "NAME", description = "The app, which is the function's name.")
    String name;

    @Option(names = "--version", paramLabel = "V", description = "A release (7, v7), an alias, or git:REF of the source "
            + "folder's repository (git:main, git:3f2a9c1). None with --source: the folder as it is.")
    String version;

    @Option(names = "--scale", paramLabel = "N", description = "Provisioned concurrency on the app's alias live; 0 stops "
            + "the app (every invoke throttled, nothing deleted).")
    Integer scale;

    @Option(names = "--source", paramLabel = "DIR", description = "The app's folder (kept as an absolute path).")
    Path source;

    @Option(names = "--public", negatable = true, description = "On AWS, a URL anyone may call (auth NONE) instead of "
            + "AWS_IAM; --no-public undoes it.")
    Boolean isPublic;

    @Mixin
    FormationTableOption table;

    public FormationSetCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        DesiredChange change = new DesiredChange(Optional.ofNullable(version), Optional.ofNullable(scale),
                Optional.ofNullable(source).map(s -> launch.cwd().resolve(s).toString()), Optional.ofNullable(isPublic));
        Formation formation = new Formation(session.formation(table.table()), session.api());
        FormationRow row = formation.set(name, change);
        if (session.output().json()) {
            session.output().json(FormationAttributes.row(row));
        } else {
            session.output().line("Set " + row.name() + " to " + FormationView.desired(row.desired())
                    + row.desired().source().map(s -> " from " + s).orElse("") + " (generation " + row.generation() + ").");
        }
        return ExitCodes.OK;
    }
}
