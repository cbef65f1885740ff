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
import io.lambdoku.core.secret.SealedSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "releases:info", description = {
    "Show a release (default: the newest) and what it changed. Config values show as fingerprints",
    "(8 hex of an HMAC-SHA256 under a key of this store or user): enough to see a value changed, never the value.",
    "Sealed vars show the fingerprint taken when they were sealed; --reveal decrypts them (needs kms:Decrypt)."})
public final class ReleasesInfoCommand extends AppCommand {

    @Parameters(arity = "0..1", paramLabel = "N", description = "Release number (v23 or 23).")
    String version;

    @Option(names = "--reveal", description = "Show config values themselves instead of their fingerprints, decrypting"
            + " sealed ones.")
    boolean reveal;

    public ReleasesInfoCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int runFor(Session session, String function) {
        ReleaseDetails details = new ReleaseLog(session.api()).info(function, ReleaseNumber.parse(version));
        Shown after = shown(session, function, Optional.of(details.release()));
        Shown before = shown(session, function, details.previous());
        if (session.output().json()) {
            session.output().json(toJson(details, before, after, reveal));
        } else {
            print(session.output(), details, before, after, reveal);
        }
        if (reveal) {
            java.util.Set<String> decrypted = new java.util.TreeSet<>(after.revealed.keySet());
            decrypted.addAll(before.revealed.keySet());
            if (!decrypted.isEmpty()) {
                session.output().note("Revealed sealed " + String.join(", ", decrypted) + " (decrypted with KMS).");
            }
        }
        return ExitCodes.OK;
    }

    /**
     * How one release's values are shown: a sealed one (masked by core as {@code <sealed FP>}) as its fingerprint, or
     * decrypted with --reveal; a plaintext one as its fingerprint under the app's key, or itself with --reveal.
     */
    private record Shown(UnaryOperator<String> plain, Map<String, String> revealed) {
        String of(String key, String value) {
            Optional<String> sealed = SealedSet.fingerprintOfMarker(value);
            if (sealed.isPresent()) {
                return revealed.getOrDefault(key, sealed.get());
            }
            return plain.apply(value);
        }
    }

    private Shown shown(Session session, String function, Optional<Release> release) {
        if (!reveal) {
            return new Shown(session.fingerprints().forApp(function)::of, Map.of());
        }
        Map<String, String> env = release.map(r -> r.settings().environment()).orElse(Map.of());
        boolean sealed = !SealedSet.of(env).isEmpty();
        return new Shown(UnaryOperator.identity(), sealed ? session.sealing().reveal(function, env) : Map.of());
    }

    private static void print(Output out, ReleaseDetails d, Shown before, Shown shown, boolean reveal) {
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
        diff.added().forEach((k, v) -> out.line("  + " + k + (reveal ? "=" + shown.of(k, v) : ": " + shown.of(k, v))
                + sealedNote(v)));
        diff.changed().forEach((k, c) -> out.line("  ~ " + k + ": " + before.of(k, c.before()) + " -> " + shown.of(k, c.after())
                + sealedNote(c.after())));
        diff.removed().forEach(k -> out.line("  - " + k));
        diff.settings().forEach(s -> out.line("  ~ " + s));
        if (diff.codeChanged()) {
            out.line("  ~ code" + d.previous().map(p -> " " + p.codeSha256() + " -> " + r.codeSha256()).orElse(""));
        }
        if (diff.isEmpty()) {
            out.line("  (none)");
        }
    }

    private static String sealedNote(String value) {
        return SealedSet.fingerprintOfMarker(value).isPresent() ? " (sealed)" : "";
    }

    /** Every config value goes through {@code shown}: "values" says whether they are fingerprints or revealed. */
    private static Map<String, Object> toJson(ReleaseDetails d, Shown before, Shown shown, boolean reveal) {
        Map<String, Object> m = ReleasesCommand.toJson(d.release().summary());
        m.put("runtime", d.release().settings().runtime());
        m.put("handler", d.release().settings().handler());
        m.put("memorySize", d.release().settings().memorySize());
        m.put("timeout", d.release().settings().timeout());
        m.put("values", reveal ? "revealed" : "fingerprints");
        m.put("environment", map(SealedSet.masked(d.release().settings().environment()), shown));
        d.previous().ifPresent(p -> m.put("previousVersion", Integer.toString(p.version())));
        Map<String, Object> diff = new LinkedHashMap<>();
        diff.put("added", map(d.diff().added(), shown));
        Map<String, Object> changed = new LinkedHashMap<>();
        d.diff().changed().forEach((k, c) -> changed.put(k, Map.of("before", value(before, k, c.before()),
                "after", value(shown, k, c.after()))));
        diff.put("changed", changed);
        diff.put("removed", d.diff().removed());
        diff.put("settings", d.diff().settings());
        diff.put("codeChanged", d.diff().codeChanged());
        m.put("diff", diff);
        return m;
    }

    private static Map<String, Object> map(Map<String, String> values, Shown shown) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, value(shown, k, v)));
        return out;
    }

    /** A sealed value as {"sealed":true,"fingerprint":FP} (plus "value" when revealed); any other as shown. */
    private static Object value(Shown shown, String key, String value) {
        Optional<String> fp = SealedSet.fingerprintOfMarker(value);
        if (fp.isEmpty()) {
            return shown.of(key, value);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sealed", true);
        m.put("fingerprint", fp.get());
        if (shown.revealed().containsKey(key)) {
            m.put("value", shown.revealed().get(key));
        }
        return m;
    }
}
