package io.lambdoku.cli.aws;

import io.lambdoku.aws.ArtifactBucket;
import io.lambdoku.aws.AwsAccount;
import io.lambdoku.aws.AwsClients;
import io.lambdoku.aws.AwsLambda;
import io.lambdoku.aws.formation.FormationTable;
import io.lambdoku.cli.formation.FormationTableOption;
import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.core.deploy.ManifestReader;
import io.lambdoku.core.secret.AppKey;
import io.lambdoku.core.code.S3Package;
import io.lambdoku.core.deploy.DeployerPolicy;
import io.lambdoku.core.deploy.Manifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "setup", description = {
    "Create the S3 artifact bucket the aws backend keeps every uploaded zip in, for rollback and promote.",
    "Named by --artifact-bucket or LAMBDOKU_ARTIFACT_BUCKET, else lambdoku-artifacts-ACCOUNT-REGION.",
    "With --print-policy [DIR]: print (and change nothing) the least-privilege IAM policy lambdoku needs to",
    "deploy and run the functions of DIR (a lambdoku.json, or subfolders holding one) on AWS.",
    "With --kms-key: also make the KMS key alias/lambdoku to seal config vars under (local: in the local KMS).",
    "With --formation [--table T]: make the DynamoDB formation table (default lambdoku-formation) with its stream."})
public final class SetupCommand extends BaseCommand {

    @Option(names = "--print-policy", description = "Print the IAM policy lambdoku needs for DIR's functions; create nothing.")
    boolean printPolicy;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "With --print-policy: the folder (default: here).")
    Path dir;

    @Option(names = "--account", paramLabel = "ID", description = "With --print-policy: the AWS account (default: the "
            + "credentials' own, asked of STS).")
    String account;

    @Option(names = "--package", paramLabel = "s3://BUCKET/KEY", description = "With --print-policy: a package in S3 that "
            + "deploys will read (repeatable).")
    List<String> packages = new ArrayList<>();

    @Option(names = "--kms-key", description = "Create the KMS key alias/lambdoku for sealed config vars, if missing.")
    boolean kmsKey;

    @Option(names = "--formation", description = "Create the DynamoDB formation table and its stream, if missing (aws).")
    boolean formation;

    @Mixin
    FormationTableOption table;

    public SetupCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        if (printPolicy) {
            return printPolicy(session);
        }
        if (dir != null || account != null || !packages.isEmpty()) {
            throw new UsageException("DIR, --account and --package go with --print-policy.");
        }
        if (kmsKey) {
            return setUpKmsKey(session);
        }
        if (formation || table.table().isPresent()) {
            return setUpFormation(session);
        }
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

    private static int setUpKmsKey(Session session) {
        AppKey.Ensured key = AppKey.ensureDefault(session.kms());
        if (session.output().json()) {
            session.output().json(Map.of("kmsKey", key.arn(), "alias", AppKey.DEFAULT_ALIAS, "created", key.created()));
        } else {
            session.output().line((key.created() ? "Created" : "Found") + " KMS key " + AppKey.DEFAULT_ALIAS + " ("
                    + key.arn() + "). Seal with it:");
            session.output().line("  lambdoku config:set --secret --kms-key " + AppKey.DEFAULT_ALIAS + " KEY=-");
        }
        return ExitCodes.OK;
    }

    private int setUpFormation(Session session) {
        if (!formation) {
            throw new UsageException("--table goes with --formation.");
        }
        if (!"aws".equals(session.backendName())) {
            session.output().line("The local backend keeps its formation table in its store; nothing to set up.");
            return ExitCodes.OK;
        }
        FormationTable.Ready ready = FormationTable.ensure(((AwsLambda) session.api()).clients(),
                session.formationTable(table.table()));
        if (session.output().json()) {
            session.output().json(Map.of("table", ready.table(), "region", ready.region(), "outcome",
                    ready.outcome().name().toLowerCase(java.util.Locale.ROOT), "streamArn", String.valueOf(ready.streamArn())));
        } else {
            session.output().line(switch (ready.outcome()) {
                case CREATED -> "Created";
                case STREAM_ENABLED -> "Enabled the stream of";
                case FOUND -> "Found";
            } + " formation table " + ready.table() + " in " + ready.region() + ".");
        }
        return ExitCodes.OK;
    }

    /** The policy as JSON on stdout (for aws iam create-policy); the notes on stderr. */
    private int printPolicy(Session session) {
        List<Manifest> manifests = manifests(dir == null ? Path.of(".") : dir);
        List<S3Package> s3 = packages.stream().map(S3Package::parse).toList();
        try (AwsClients clients = new AwsClients(session.awsOptions())) {
            String region = clients.region().id();
            String id = account != null ? account : AwsAccount.of(clients);
            String bucket = clients.options().artifactBucket().orElseGet(() -> ArtifactBucket.defaultName(id, region));
            DeployerPolicy.Result policy = DeployerPolicy.of(new DeployerPolicy.Scope(region, id, Optional.of(bucket)), manifests, s3);
            session.output().json(policy.document());
            policy.notes().forEach(n -> session.output().note("Note: " + n));
        }
        return ExitCodes.OK;
    }

    /** The folder's function, or its subfolders' (the one place setup reads manifests, with deploy's reader). */
    private static List<Manifest> manifests(Path folder) {
        if (ManifestReader.present(folder)) {
            return List.of(ManifestReader.read(folder));
        }
        try (Stream<Path> list = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
            List<Manifest> found = list.filter(Files::isDirectory).filter(ManifestReader::present).sorted()
                    .map(ManifestReader::read).toList();
            if (found.isEmpty()) {
                throw new UsageException("No " + Manifest.FILE + " in " + folder + " nor in its subfolders; "
                        + "--print-policy needs the functions to deploy.");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
