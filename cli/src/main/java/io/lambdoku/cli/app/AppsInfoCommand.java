package io.lambdoku.cli.app;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Output;
import io.lambdoku.cli.Session;
import io.lambdoku.core.app.Apps;
import io.lambdoku.core.app.Serving;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.pipeline.Pipeline;
import io.lambdoku.core.release.ReleaseLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "apps:info", description = "Show a function's settings, current release, downstreams, concurrency and URLs.")
public final class AppsInfoCommand extends AppCommand {

    public AppsInfoCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected boolean readsQualified() {
        return true;
    }

    @Override
    protected int runFor(Session session, String function) {
        FunctionConfig f = new Apps(session.api(), session.events()).info(function,
                appQualifier().orElse(FunctionConfig.LATEST));
        String release = new ReleaseLog(session.api()).summaries(function, 1).stream()
                .map(r -> r.label() + " (" + r.description() + ")").findFirst().orElse("none");
        List<String> downstreams = new Pipeline(session.api(), session.events()).downstreams(function);
        Serving serving = Serving.read(session.api(), function);
        if (session.output().json()) {
            Map<String, Object> m = toJson(f);
            m.put("release", release);
            m.put("downstreams", downstreams);
            m.putAll(ServingView.json(serving));
            session.output().json(m);
        } else {
            print(session.output(), f, release, downstreams);
            ServingView.print(session.output(), serving);
        }
        return ExitCodes.OK;
    }

    private static void print(Output out, FunctionConfig f, String release, List<String> downstreams) {
        out.line("=== " + f.name());
        out.line("ARN:          " + f.arn());
        out.line("Runtime:      " + f.settings().runtime());
        out.line("Handler:      " + f.settings().handler());
        out.line("Memory:       " + f.settings().memorySize() + " MB");
        out.line("Timeout:      " + f.settings().timeout() + " s");
        out.line("Role:         " + f.settings().role());
        out.line("Architecture: " + f.settings().architecture());
        out.line("KMS key:      " + f.settings().kmsKeyArn().orElse("Lambda's default (aws/lambda)"));
        out.line("Code:         " + f.codeSha256() + " (" + f.codeSize() + " bytes)");
        out.line("Config vars:  " + io.lambdoku.core.secret.SealedSet.userVars(f.settings().environment()).size());
        out.line("Release:      " + release);
        out.line("Downstreams:  " + (downstreams.isEmpty() ? "none" : String.join(", ", downstreams)));
        out.line("Updated:      " + f.lastModified() + " (" + f.lastUpdateStatus().name().toLowerCase() + ")");
    }

    static Map<String, Object> toJson(FunctionConfig f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("arn", f.arn());
        m.put("runtime", f.settings().runtime());
        m.put("handler", f.settings().handler());
        m.put("memorySize", f.settings().memorySize());
        m.put("timeout", f.settings().timeout());
        m.put("role", f.settings().role());
        m.put("architecture", f.settings().architecture());
        f.settings().kmsKeyArn().ifPresent(k -> m.put("kmsKeyArn", k)); // absent: Lambda's default key
        m.put("codeSha256", f.codeSha256());
        m.put("codeSize", f.codeSize());
        m.put("lastModified", f.lastModified());
        m.put("revisionId", f.revisionId());
        return m;
    }
}
