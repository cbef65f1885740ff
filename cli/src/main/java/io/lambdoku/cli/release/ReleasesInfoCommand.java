package io.lambdoku.cli.release;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Output;
import io.lambdoku.cli.Session;
import io.lambdoku.core.release.ConfigDiff;
import io.lambdoku.core.release.Release;
import io.lambdoku.core.release.ReleaseDetails;
import io.lambdoku.core.release.ReleaseLog;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "releases:info", description = "Show a release (default: the newest) and what it changed.")
public final class ReleasesInfoCommand extends AppCommand {

    @Parameters(arity = "0..1", paramLabel = "N", description = "Release number (v23 or 23).")
    String version;

    public ReleasesInfoCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int runFor(Session session, String function) {
        ReleaseDetails details = new ReleaseLog(session.api()).info(function, ReleaseNumber.parse(version));
        if (session.output().json()) {
            session.output().json(toJson(details));
        } else {
            print(session.output(), details);
        }
        return ExitCodes.OK;
    }

    private static void print(Output out, ReleaseDetails d) {
        Release r = d.release();
        out.line("=== " + r.function() + " " + r.label());
        out.line("Description: " + r.description());
        out.line("Created:     " + r.created());
        out.line("Code:        " + r.codeSha256() + " (" + r.codeSize() + " bytes)");
        out.line("Runtime:     " + r.settings().runtime() + ", handler " + r.settings().handler() + ", "
                + r.settings().memorySize() + " MB, timeout " + r.settings().timeout() + " s");
        ConfigDiff diff = d.diff();
        out.line("Changes since " + d.previous().map(Release::label).orElse("nothing (first release)") + ":");
        diff.added().forEach((k, v) -> out.line("  + " + k + "=" + v));
        diff.changed().forEach((k, c) -> out.line("  ~ " + k + ": " + c.before() + " -> " + c.after()));
        diff.removed().forEach(k -> out.line("  - " + k));
        diff.settings().forEach(s -> out.line("  ~ " + s));
        if (diff.codeChanged()) {
            out.line("  ~ code" + d.previous().map(p -> " " + p.codeSha256() + " -> " + r.codeSha256()).orElse(""));
        }
        if (diff.isEmpty()) {
            out.line("  (none)");
        }
    }

    private static Map<String, Object> toJson(ReleaseDetails d) {
        Map<String, Object> m = ReleasesCommand.toJson(d.release());
        m.put("runtime", d.release().settings().runtime());
        m.put("handler", d.release().settings().handler());
        m.put("memorySize", d.release().settings().memorySize());
        m.put("timeout", d.release().settings().timeout());
        m.put("environment", d.release().settings().environment());
        d.previous().ifPresent(p -> m.put("previousVersion", Integer.toString(p.version())));
        Map<String, Object> diff = new LinkedHashMap<>();
        diff.put("added", d.diff().added());
        Map<String, Object> changed = new LinkedHashMap<>();
        d.diff().changed().forEach((k, c) -> changed.put(k, Map.of("before", c.before(), "after", c.after())));
        diff.put("changed", changed);
        diff.put("removed", d.diff().removed());
        diff.put("settings", d.diff().settings());
        diff.put("codeChanged", d.diff().codeChanged());
        m.put("diff", diff);
        return m;
    }

}
