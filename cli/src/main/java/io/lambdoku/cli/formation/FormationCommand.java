package io.lambdoku.cli.formation;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.formation.Formation;
import io.lambdoku.core.formation.FormationAttributes;
import io.lambdoku.core.formation.FormationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "formation", description = {"The apps of the formation table: what each row asks for, what the reactor",
    "last saw (status, the release serving, the URL, why), one line per app. A function the table manages whose row",
    "was deleted shows as Deleting until the reactor has destroyed it."})
public final class FormationCommand extends BaseCommand {

    @Mixin
    FormationTableOption table;

    public FormationCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        Formation formation = new Formation(session.formation(table.table()), session.api());
        List<Formation.App> apps = formation.list();
        if (session.output().json()) {
            session.output().json(apps.stream().map(FormationCommand::json).toList());
        } else if (apps.isEmpty()) {
            session.output().note("No apps in " + formation.store().describe()
                    + " yet; add one with 'lambdoku formation:set NAME --source DIR'.");
        } else {
            lines(apps).forEach(session.output()::line);
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> json(Formation.App app) {
        return app.row().map(FormationAttributes::row).orElseGet(() -> Map.of(FormationAttributes.NAME, app.name(),
                FormationAttributes.STATUS, FormationStatus.DELETING.word()));
    }

    /** Aligned columns under a header; the reason last, as it is the one long field. */
    private static List<String> lines(List<Formation.App> apps) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"NAME", "DESIRED", "STATUS", "SERVING", "URL", "REASON"});
        apps.forEach(a -> cells.add(FormationView.cells(a)));
        int[] widths = new int[5];
        cells.forEach(row -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        return cells.stream().map(row -> {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(String.format("%-" + widths[i] + "s  ", row[i]));
            }
            return line.append(row[5]).toString().stripTrailing();
        }).toList();
    }
}
