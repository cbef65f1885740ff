package io.lambdoku.cli.dashboard;

import io.lambdoku.core.lambda.Alias;
import java.util.Comparator;
import java.util.List;

/** An app's aliases, each with its traffic split as a bar and in words ("live → v3 90% · v4 10%"). */
final class TrafficBar {

    private TrafficBar() {
    }

    static void render(Html h, List<Alias> aliases) {
        if (aliases.isEmpty()) {
            h.element("p", "No aliases: invocations run $LATEST.", "class", "muted");
            return;
        }
        h.open("ul", "class", "aliases");
        for (Alias a : aliases.stream().sorted(Comparator.comparing(Alias::name)).toList()) {
            int second = a.additionalVersion().map(w -> percent(w.weight())).orElse(0);
            String split = a.additionalVersion().map(w -> "v" + a.functionVersion() + " " + (100 - second) + "% · v"
                    + w.version() + " " + second + "%").orElse("v" + a.functionVersion() + " 100%");
            h.open("li", "data-alias", a.name()).element("strong", a.name()).text(" → ").element("span", split, "class", "split");
            Weights.bar(h, 100 - second, second, a.name() + ": " + split);
            h.close();
        }
        h.close();
    }

    /** A weight (0..1) as a whole percentage. */
    static int percent(double weight) {
        return (int) Math.round(weight * 100);
    }
}
