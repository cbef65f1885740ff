package io.lambdoku.cli.invoke;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.lambda.FunctionRef;
import io.lambdoku.cli.UsageException;
import io.lambdoku.core.invoke.InvocationType;
import io.lambdoku.core.invoke.InvokeRequest;
import io.lambdoku.core.invoke.InvokeResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "invoke", description = {
    "Run the function and print its answer on stdout; exit 1 if it failed. On the local backend it runs",
    "here, in an execution environment of its runtime (no Docker); on AWS it calls Invoke."})
public final class InvokeCommand extends AppCommand {

    @Option(names = {"-q", "--qualifier"}, paramLabel = "VERSION|ALIAS", description = "What to run (default: $LATEST).")
    String qualifier;

    @Option(names = {"-p", "--payload"}, paramLabel = "JSON|@FILE", description = "The event, as JSON or @file (default: {}).")
    String payload;

    @Option(names = "--log", description = "Print the tail of the invocation's log on stderr.")
    boolean log;

    @Option(names = "--type", paramLabel = "TYPE", description = "RequestResponse (default), Event (async) or DryRun.")
    String type = "RequestResponse";

    public InvokeCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected boolean readsQualified() {
        return true;
    }

    @Override
    protected int runFor(Session session, String function) {
        InvocationType kind = InvocationType.parse(type);
        InvokeResult r = session.invoker().invoke(new InvokeRequest(function, qualifier(), payload(), kind, log));
        if (log) {
            r.logTail().ifPresent(t -> session.output().err().print(new String(Base64.getDecoder().decode(t), StandardCharsets.UTF_8)));
        }
        String body = new String(r.payload(), StandardCharsets.UTF_8);
        if (session.output().json()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("statusCode", r.statusCode());
            j.put("executedVersion", r.executedVersion());
            r.functionError().ifPresent(e -> j.put("functionError", e));
            j.put("payload", body);
            session.output().json(j);
        } else if (kind == InvocationType.REQUEST_RESPONSE) {
            session.output().line(body);
        } else {
            session.output().note((kind == InvocationType.EVENT ? "Queued" : "Dry run passed") + " (HTTP " + r.statusCode()
                    + ") for " + function + " v" + r.executedVersion() + ".");
        }
        String qualifier = qualifier();
        if (qualifier != null && !qualifier.matches("\\$LATEST|[0-9]+") && !session.output().json()) {
            session.output().note("(" + qualifier + " ran version " + r.executedVersion() + ")");
        }
        return r.failed() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** -q and a qualified -a must agree, as Lambda's Qualifier and FunctionName must. */
    private String qualifier() {
        return FunctionRef.parse("x").withQualifier(appQualifier()).withQualifier(Optional.ofNullable(qualifier))
                .qualifier().orElse(null);
    }

    private byte[] payload() {
        if (payload == null) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        if (payload.startsWith("@")) {
            Path file = launch.cwd().resolve(payload.substring(1));
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UsageException("Cannot read the payload file " + file + ": " + e.getMessage() + ".");
            }
        }
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
