package io.lambdoku.cli.aws;

import io.lambdoku.aws.ArtifactBucket;
import io.lambdoku.aws.AwsClients;
import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "setup", description = {
    "Create the S3 artifact bucket the aws backend keeps every uploaded zip in, for rollback and promote.",
    "Named by --artifact-bucket or LAMBDOKU_ARTIFACT_BUCKET, else lambdoku-artifacts-ACCOUNT-REGION."})
public final class SetupCommand extends BaseCommand {

    public SetupCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        if (!"aws".equals(session.backendName())) {
            session.output().line("The local backend keeps every release's code in its own store; nothing to set up.");
            return ExitCodes.OK;
        }
        try (AwsClients clients = new AwsClients(session.awsOptions())) {
            ArtifactBucket.Ready ready = ArtifactBucket.ensure(clients, Optional.empty());
            if (session.output().json()) {
                session.output().json(Map.of("bucket", ready.bucket(), "region", ready.region(), "created", ready.created()));
            } else {
                session.output().line((ready.created() ? "Created" : "Found") + " artifact bucket " + ready.bucket()
                        + " in " + ready.region() + ". Use it with:");
                session.output().line("  export LAMBDOKU_ARTIFACT_BUCKET=" + ready.bucket());
            }
        }
        return ExitCodes.OK;
    }
}
