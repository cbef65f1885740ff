package io.lambdoku.cli.formation;

import io.lambdoku.core.formation.Desired;
import io.lambdoku.core.formation.Formation;
import io.lambdoku.core.formation.FormationRow;
import io.lambdoku.core.formation.FormationStatus;
import io.lambdoku.core.formation.Observed;

/** How a formation row reads in one line: the desire in short, and the status of that desire. */
public final class FormationView {

    private FormationView() {
    }

    /** "git:main x2", "(folder) x1", with " public" for a public URL. */
    public static String desired(Desired d) {
        return d.version().orElse("(folder)") + " x" + d.scale() + (d.isPublic() ? " public" : "");
    }

    /** NAME, DESIRED, STATUS, SERVING, URL, REASON. */
    static String[] cells(Formation.App app) {
        if (app.row().isEmpty()) {
            return new String[] {app.name(), "-", FormationStatus.DELETING.word(), "", "", "row deleted"};
        }
        FormationRow row = app.row().get();
        Observed o = row.observed().orElse(null);
        return new String[] {row.name(), desired(row.desired()), row.status().word(),
            o == null ? "" : o.observedVersion().map(v -> "v" + v).orElse(""), o == null ? "" : o.url().orElse(""),
            o == null ? "" : o.reason()};
    }
}
