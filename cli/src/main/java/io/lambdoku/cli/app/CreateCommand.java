package io.lambdoku.cli.app;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.cli.release.OutcomeView;
import io.lambdoku.core.app.Apps;
import io.lambdoku.core.code.Zips;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.release.Release;
import io.lambdoku.core.release.ReleaseOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", description = "Create a function; its first release is v1 \"Create\".")
public final class CreateCommand extends BaseCommand {

    /** Lambda's console default role name; the local backend does not check roles. */
    public static final String LOCAL_ROLE = "arn:aws:iam::000000000000:role/lambdoku-local";

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--runtime", defaultValue = "python3.12", description = "Runtime (default: ${DEFAULT-VALUE}).")
    String runtime;

    @Option(names = "--handler", defaultValue = "app.handler", description = "Handler (default: ${DEFAULT-VALUE}).")
    String handler;

    @Option(names = "--memory", paramLabel = "MB", defaultValue = "128", description = "Memory in MB (default: ${DEFAULT-VALUE}).")
    int memory;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "3", description = "Timeout in seconds (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--role", paramLabel = "ARN", description = "Execution role (optional on the local backend).")
    String role;

    @Option(names = "--code", paramLabel = "DIR|ZIP", description = "Code: a folder (zipped for you) or a .zip.")
    Path code;

    public CreateCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        String function = Session.functionName(name);
        if (role == null && "aws".equals(session.backendName())) {
            throw new UsageException("AWS Lambda needs an execution role; pass --role arn:aws:iam::ACCOUNT:role/NAME.");
        }
        CodeZip zip = code == null ? Zips.empty() : Zips.load(session.launch().cwd().resolve(code));
        FunctionSettings settings = new FunctionSettings(runtime, handler, role == null ? LOCAL_ROLE : role,
                memory, timeout, Map.of(), List.of());
        Release v1 = new Apps(session.api(), session.events()).create(function, settings, zip);
        return OutcomeView.print(session.output(), ReleaseOutcome.released(v1));
    }
}
