package io.lambdoku.cli.dashboard;

import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.release.Release;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An app's releases, newest first, a page of {@value #PAGE} at a time (apps keep a thousand and more), each with the
 * aliases on it and a link to the plan of rolling back to it.
 */
final class ReleaseTable {

    static final int PAGE = 50;

    private ReleaseTable() {
    }

    /** Page {@code page} (1 is the newest) of {@code releases}; a page past the end shows the last one. */
    static void render(Html h, String app, List<Release> releases, List<Alias> aliases, int page, Instant now) {
        if (releases.isEmpty()) {
            h.element("p", "No release yet.", "class", "muted");
            return;
        }
        int pages = (releases.size() + PAGE - 1) / PAGE;
        int shown = Math.max(1, Math.min(page, pages));
        Map<String, List<String>> on = aliasesByVersion(aliases);
        int newest = releases.get(0).version();
        h.open("div", "class", "scroll").open("table", "class", "releases stacked", "id", "releases");
        h.open("thead").open("tr");
        for (String c : List.of("Release", "Message", "Created", "Code", "Aliases", "")) {
            h.element("th", c, "scope", "col");
        }
        h.close().close().open("tbody");
        for (Release r : releases.subList((shown - 1) * PAGE, Math.min(releases.size(), shown * PAGE))) {
            h.open("tr", "data-version", Integer.toString(r.version()));
            h.open("td", "data-label", "Release").element("strong", r.label()).close();
            h.element("td", r.description(), "data-label", "Message");
            h.open("td", "data-label", "Created")
                    .element("time", Times.age(r.created(), now), "datetime", r.created(), "title", r.created()).close();
            h.open("td", "data-label", "Code").element("code", Release.sha8(r.codeSha256()), "class", "sha",
                    "title", r.codeSha256()).close();
            h.element("td", String.join(", ", on.getOrDefault(Integer.toString(r.version()), List.of())), "data-label", "Aliases");
            h.open("td");
            if (r.version() == newest) {
                h.element("span", "current", "class", "muted");
            } else {
                h.element("a", "Roll back to " + r.label() + "…", "class", "button secondary",
                        "href", Html.path("apps", app, "rollback", Integer.toString(r.version())));
            }
            h.close().close();
        }
        h.close().close().close();
        if (pages > 1) {
            h.open("nav", "class", "pages", "aria-label", "Release pages");
            if (shown > 1) {
                h.element("a", "← Newer", "href", Html.path("apps", app) + "?page=" + (shown - 1));
            }
            h.element("span", "Page " + shown + " of " + pages + " (" + releases.size() + " releases)");
            if (shown < pages) {
                h.element("a", "Older →", "href", Html.path("apps", app) + "?page=" + (shown + 1));
            }
            h.close();
        }
    }

    /** "live" on its version, "live 10%" on the version a weighted alias sends a share to. */
    static Map<String, List<String>> aliasesByVersion(List<Alias> aliases) {
        Map<String, List<String>> on = new TreeMap<>();
        for (Alias a : aliases.stream().sorted(java.util.Comparator.comparing(Alias::name)).toList()) {
            String main = a.additionalVersion().map(w -> a.name() + " " + TrafficBar.percent(1 - w.weight()) + "%").orElse(a.name());
            on.computeIfAbsent(a.functionVersion(), k -> new ArrayList<>()).add(main);
            a.additionalVersion().ifPresent(w -> on.computeIfAbsent(w.version(), k -> new ArrayList<>())
                    .add(a.name() + " " + TrafficBar.percent(w.weight()) + "%"));
        }
        return on;
    }
}
