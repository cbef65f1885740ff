package io.lambdoku.cli.release;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.release.Release;
import io.lambdoku.core.release.ReleaseLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "releases", description = "List releases, newest first.")
public final class ReleasesCommand extends AppCommand {

    @Option(names = {"-n", "--num"}, paramLabel = "N", description = "Show only the newest N (default: all).")
    int limit;

    public ReleasesCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int runFor(Session session, String function) {
        List<Release> releases = new ReleaseLog(session.api()).list(function, limit);
        if (session.output().json()) {
            session.output().json(releases.stream().map(ReleasesCommand::toJson).toList());
        } else {
            releases.forEach(r -> session.output().line(r.label() + " | " + r.description() + " | " + r.created()));
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> toJson(Release r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", Integer.toString(r.version()));
        m.put("description", r.description());
        m.put("created", r.created());
        m.put("codeSha256", r.codeSha256());
        m.put("codeSize", r.codeSize());
        return m;
    }
}
