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

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region (aws backend; default: a function ARN's region, AWS_REGION, the profile's).")
    public String region;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "AWS profile (aws backend; default: AWS_PROFILE).")
    public String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Lambda endpoint, e.g. moto, LocalStack or 'lambdoku local serve' (default: AWS_ENDPOINT_URL).")
    public String endpointUrl;

    @Option(names = "--artifact-bucket", paramLabel = "BUCKET",
            description = "S3 bucket keeping every uploaded zip for rollback and promote (default: LAMBDOKU_ARTIFACT_BUCKET).")
    public String artifactBucket;

    @Option(names = "--lock-timeout", paramLabel = "DURATION",
            description = "Wait up to this long (e.g. 30s, 2m) for another run's lock on the function; default 0: fail at once.")
    public String lockTimeout;

    @Option(names = "--json", description = "Print JSON for scripts.")
    public boolean json;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    public boolean debug;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    public boolean help;
}
