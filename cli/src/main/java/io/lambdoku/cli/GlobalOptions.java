package io.lambdoku.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command takes, before or after its name. */
public final class GlobalOptions {

    @Option(names = {"-a", "--app"}, paramLabel = "NAME|ARN",
            description = "Function to act on; repeat to run for several. Default: the one in .lambdoku.")
    public List<String> apps = new ArrayList<>();

    @Option(names = "--backend", paramLabel = "local|aws",
            description = "Backend (default: LAMBDOKU_BACKEND, then .lambdoku, then local).")
    public String backend;

    @Option(names = "--json", description = "Print JSON for scripts.")
    public boolean json;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    public boolean debug;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    public boolean help;
}
