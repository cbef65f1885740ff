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
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "releases:info", description = {
    "Show a release (default: the newest) and what it changed. Config values show as fingerprints",
    "(8 hex of an HMAC-SHA256 under a key of this store or user): enough to see a value changed, never the value."})
public final class ReleasesInfoCommand extends AppCommand {

    @Parameters(arity = "0..1", paramLabel = "N", description = "Release number (v23 or 23).")
    String version;

    @Option(names = "--reveal", description = "Show config values themselves instead of their fingerprints.")
    boolean reveal;

    public ReleasesInfoCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int runFor(Session session, String function) {
        ReleaseDetails details = new ReleaseLog(session.api()).info(function, ReleaseNumber.parse(version));
        UnaryOperator<String> shown = reveal ? UnaryOperator.identity() : session.fingerprints()::of;
        if (session.output().json()) {
            session.output().json(toJson(details, shown, reveal));
        } else {
            print(session.output(), details, shown, reveal);
        }
        return ExitCodes.OK;
    }

    private static void print(Output out, ReleaseDetails d, UnaryOperator<String> shown, boolean reveal) {
        Release r = d.release();
        out.line("=== " + r.function() + " " + r.label());
        out.line("Description: " + r.description());
        out.line("Created:     " + r.created());
        out.line("Code:        " + r.codeSha256() + " (" + r.codeSize() + " bytes)");
        out.line("Runtime:     " + r.settings().runtime() + ", handler " + r.settings().handler() + ", "
                + r.settings().memorySize() + " MB, timeout " + r.settings().timeout() + " s");
        ConfigDiff diff = d.diff();
        boolean values = !diff.added().isEmpty() || !diff.changed().isEmpty();
        out.line("Changes since " + d.previous().map(Release::label).orElse("nothing (first release)")
                + (values && !reveal ? " (config values as fingerprints; --reveal shows them)" : "") + ":");
        diff.added().forEach((k, v) -> out.line("  + " + k + (reveal ? "=" + v : ": " + shown.apply(v))));
        diff.changed().forEach((k, c) -> out.line("  ~ " + k + ": " + shown.apply(c.before()) + " -> " + shown.apply(c.after())));
        diff.removed().forEach(k -> out.line("  - " + k));
        diff.settings().forEach(s -> out.line("  ~ " + s));
        if (diff.codeChanged()) {
            out.line("  ~ code" + d.previous().map(p -> " " + p.codeSha256() + " -> " + r.codeSha256()).orElse(""));
        }
        if (diff.isEmpty()) {
            out.line("  (none)");
        }
    }

    /** Every config value goes through {@code shown}: "values" says whether they are fingerprints or revealed. */
    private static Map<String, Object> toJson(ReleaseDetails d, UnaryOperator<String> shown, boolean reveal) {
        Map<String, Object> m = ReleasesCommand.toJson(d.release());
        m.put("runtime", d.release().settings().runtime());
        m.put("handler", d.release().settings().handler());
        m.put("memorySize", d.release().settings().memorySize());
        m.put("timeout", d.release().settings().timeout());
        m.put("values", reveal ? "revealed" : "fingerprints");
        m.put("environment", map(d.release().settings().environment(), shown));
        d.previous().ifPresent(p -> m.put("previousVersion", Integer.toString(p.version())));
        Map<String, Object> diff = new LinkedHashMap<>();
        diff.put("added", map(d.diff().added(), shown));
        Map<String, Object> changed = new LinkedHashMap<>();
        d.diff().changed().forEach((k, c) -> changed.put(k, Map.of("before", shown.apply(c.before()),
                "after", shown.apply(c.after()))));
        diff.put("changed", changed);
        diff.put("removed", d.diff().removed());
        diff.put("settings", d.diff().settings());
        diff.put("codeChanged", d.diff().codeChanged());
        m.put("diff", diff);
        return m;
    }

    private static Map<String, String> map(Map<String, String> values, UnaryOperator<String> shown) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, shown.apply(v)));
        return out;
    }
}
