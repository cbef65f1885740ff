package io.lambdoku.cli.url;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.core.lambda.UrlAuth;
import io.lambdoku.core.url.FunctionUrls;
import io.lambdoku.core.url.UrlChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "url:create", description = {
        "Give $LATEST (or --alias A) a function URL and print it; one already there keeps its address and takes the"
                + " given auth and CORS.",
        "--auth: none answers anyone; iam needs a SigV4-signed request. Default: none on the local backend, whose"
                + " URLs are served on this machine only; iam on aws, where a none URL is open to the whole internet."})
public final class UrlCreateCommand extends AppCommand {

    @Option(names = "--alias", paramLabel = "A", description = "The alias the URL serves (default: $LATEST).")
    String alias;

    @Option(names = "--auth", paramLabel = "none|iam")
    String auth;

    @Option(names = "--cors", paramLabel = "ORIGIN", arity = "1..*",
            description = "Origins browsers may call it from (https://shop.example, or *); any method and header.")
    List<String> cors = new ArrayList<>();

    private UrlAuth chosen;

    public UrlCreateCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("url:create");
    }

    @Override
    protected void beforeRuns(Session session) {
        chosen = auth == null ? ("local".equals(session.backendName()) ? UrlAuth.NONE : UrlAuth.AWS_IAM) : auth(auth);
    }

    @Override
    protected int runFor(Session session, String function) {
        UrlChange change = new FunctionUrls(session.api()).create(function, Optional.ofNullable(alias), chosen, cors);
        if (session.output().json()) {
            Map<String, Object> m = UrlView.json(change.url());
            m.put("change", change.kind().name().toLowerCase());
            session.output().json(m);
            return ExitCodes.OK;
        }
        session.output().line(change.url().url());
        String how = "(auth " + change.url().auth() + change.url().cors().map(c -> ", CORS " + String.join(", ", c.allowOrigins()))
                .orElse("") + ")";
        session.output().note(switch (change.kind()) {
            case CREATED -> "Created the function URL of " + change.url().target() + " " + how + ".";
            case UPDATED -> "Changed the function URL of " + change.url().target() + " in place " + how + ".";
            case UNCHANGED -> "No change: " + change.url().target() + " already has this function URL " + how + ".";
        });
        return ExitCodes.OK;
    }

    private static UrlAuth auth(String text) {
        return switch (text.toLowerCase()) {
            case "none" -> UrlAuth.NONE;
            case "iam", "aws_iam" -> UrlAuth.AWS_IAM;
            default -> throw new UsageException("--auth takes none or iam, not '" + text + "'.");
        };
    }
}
