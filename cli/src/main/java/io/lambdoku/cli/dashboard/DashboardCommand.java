package io.lambdoku.cli.dashboard;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dashboard", description = {
    "Serve a web dashboard of the backend in use on loopback: what runs where, releases, activity.",
    "Open the printed URL; it carries the access token. Runs until stopped (Ctrl-C)."})
public final class DashboardCommand extends BaseCommand {

    @Option(names = "--port", paramLabel = "PORT", description = "Port on 127.0.0.1; 0 picks a free one (default: 8080).")
    int port = 8080;

    @Option(names = "--open", description = "Open the dashboard in the desktop's browser (xdg-open), when there is one.")
    boolean open;

    public DashboardCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        if (port < 0 || port > 65535) {
            session.output().error("--port must be between 0 and 65535, not " + port + ".");
            return ExitCodes.USAGE;
        }
        session.api(); // opens the backend now: a wrong --backend or store fails here, not on the first page
        DashboardServer server;
        try {
            server = DashboardServer.start(session, port);
        } catch (IOException e) {
            session.output().error("Cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + "); pick another --port.");
            return ExitCodes.FAILURE;
        }
        URI url = server.url(server.port());
        if (session.output().json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", url.toString());
            m.put("backend", session.backendName());
            session.output().json(m);
        } else {
            session.output().line("Dashboard: " + url);
            session.output().line("Backend: " + session.backendName() + ". Stop with Ctrl-C.");
        }
        session.launch().out().flush();
        if (open) {
            openBrowser(session, url);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "lambdoku-dashboard-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    private static void openBrowser(Session session, URI url) {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean found = false;
        for (String dir : path.split(File.pathSeparator)) {
            found |= new File(dir, "xdg-open").canExecute();
        }
        if (!found) {
            session.output().note("--open: no xdg-open here; open the URL above yourself.");
            return;
        }
        try {
            new ProcessBuilder("xdg-open", url.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            session.output().note("--open: xdg-open failed (" + e.getMessage() + "); open the URL above yourself.");
        }
    }
}
