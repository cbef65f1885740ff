package io.lambdoku.cli.formation;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.formation.Formation;
import io.lambdoku.core.formation.FormationAttributes;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "formation:delete", description = "Delete an app's row; the reactor then destroys the function and all "
        + "its releases (asks for --confirm NAME).")
public final class FormationDeleteCommand extends BaseCommand {

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--confirm", paramLabel = "NAME", description = "The app's name again, to confirm.")
    String confirm;

    @Mixin
    FormationTableOption table;

    public FormationDeleteCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        Formation formation = new Formation(session.formation(table.table()), session.api());
        formation.delete(name, Optional.ofNullable(confirm));
        if (session.output().json()) {
            session.output().json(Map.of(FormationAttributes.NAME, name, "deleted", true));
        } else {
            session.output().line("Deleted the row of " + name + "; the reactor destroys the function " + name
                    + " when it next runs.");
        }
        return ExitCodes.OK;
    }
}
