package io.lambdoku.cli.url;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.url.FunctionUrls;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "url", description = "Show the function's URLs ($LATEST's and its aliases'), with their auth and CORS origins.")
public final class UrlCommand extends AppCommand {

    @Option(names = "--alias", paramLabel = "A", description = "Only the URL of alias A.")
    String alias;

    public UrlCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int runFor(Session session, String function) {
        List<FunctionUrl> urls = new FunctionUrls(session.api()).show(function, Optional.ofNullable(alias));
        if (session.output().json()) {
            session.output().json(urls.stream().map(UrlView::json).toList());
        } else if (urls.isEmpty()) {
            session.output().line(function + " has no function URL; make one with 'lambdoku url:create -a " + function + "'.");
        } else {
            urls.forEach(u -> session.output().line(UrlView.line(u)));
        }
        return ExitCodes.OK;
    }
}
