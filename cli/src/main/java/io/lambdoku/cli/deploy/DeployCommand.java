package io.lambdoku.cli.deploy;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.Errors;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Output;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.cli.app.CreateCommand;
import io.lambdoku.cli.release.OutcomeView;
import io.lambdoku.core.code.PackageSpec;
import io.lambdoku.core.code.Zips;
import io.lambdoku.core.deploy.DeployMessage;
import io.lambdoku.core.deploy.DeployPlan;
import io.lambdoku.core.deploy.Deployer;
import io.lambdoku.core.deploy.Manifest;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.InvalidParameterException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "deploy", description = {
    "Ship a function folder as one release: create the function if missing, change settings only if they",
    "differ, upload code only if its CodeSha256 differs, publish 'Deploy <sha8>', point --alias at it.",
    "A folder whose subfolders hold lambdoku.json files deploys all of them, --parallel at a time."})
public class DeployCommand extends BaseCommand {

    @Parameters(paramLabel = "DIR|ZIP", arity = "0..1", description = "Function folder, folder of functions, or a zip (default: here).")
    String target;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "Point this alias at the deployed release.")
    String alias;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "Added to the release description.")
    String message;

    @Option(names = "--dry-run", description = "Print what would change and change nothing.")
    boolean dryRun;

    @Option(names = "--exit-code", description = "With --dry-run: exit 3 when changes are pending, 0 when none.")
    boolean exitCode;

    @Option(names = "--parallel", paramLabel = "N", description = "Functions deployed at once (default: ${DEFAULT-VALUE}).",
            defaultValue = "4")
    int parallel;

    @Mixin
    VarOptions vars = new VarOptions();

    public DeployCommand(Launch launch) {
        super(launch);
    }

    /** diff is deploy that never deploys. */
    protected boolean planOnly() {
        return dryRun;
    }

    @Override
    protected int run(Session session) {
        if (parallel < 1 || parallel > 64) {
            throw new UsageException("--parallel must be between 1 and 64, not " + parallel + ".");
        }
        if (global.apps.size() > 1) {
            throw new UsageException("deploy takes at most one -a; deploy a folder of functions to ship several.");
        }
        String given = target == null ? "." : target;
        if (given.startsWith("s3://")) {
            throw new UsageException("Deploying from s3:// is not supported yet; download the zip and deploy the file.");
        }
        Path path = launch.cwd().resolve(given).normalize();
        if (Files.isRegularFile(path)) {
            return single(session, () -> zipManifest(session, path), () -> Zips.load(path));
        }
        if (!Files.isDirectory(path)) {
            throw new UsageException("No such folder or zip file: " + given + ".");
        }
        if (ManifestReader.present(path)) {
            return single(session, () -> named(ManifestReader.read(path)), null);
        }
        List<Path> functions = subfolders(path);
        if (functions.isEmpty()) {
            throw new UsageException("No " + Manifest.FILE + " in " + given + " nor in its subfolders; write one (see examples/).");
        }
        if (!global.apps.isEmpty()) {
            throw new UsageException("-a names one function; " + given + " holds " + functions.size() + " (" + Manifest.FILE + " in each subfolder).");
        }
        return many(session, functions);
    }

    private interface Source<T> {
        T get();
    }

    private int single(Session session, Source<Manifest> manifest, Source<CodeZip> zip) {
        Manifest m = manifest.get();
        CodeZip code = zip != null ? zip.get() : builder(session.output().err()).build(m);
        Outcome outcome = ship(session, m, code);
        print(session.output(), outcome);
        return planOnly() && exitCode && outcome.plan.changed() ? ExitCodes.PENDING : ExitCodes.OK;
    }

    private record Outcome(DeployPlan plan, Optional<Deployer.Result> result) {
    }

    private Outcome ship(Session session, Manifest m, CodeZip code) {
        boolean throughS3 = "aws".equals(session.backendName()) && session.awsOptions().artifactBucket().isPresent();
        if (code.size() > io.lambdoku.core.lambda.LambdaLimits.MAX_ZIP_BYTES && !throughS3) {
            throw new InvalidParameterException("The package of " + m.name() + " is " + code.size() / (1024 * 1024)
                    + " MB zipped, over Lambda's 50 MB for a direct upload; deploy with the aws backend and an artifact"
                    + " bucket (lambdoku setup) so it goes through S3, or exclude files in lambdoku.json.");
        }
        String description = description(m, code); // a bad -m stops even a dry run, before any call
        Deployer deployer = new Deployer(session.api(), session.events(),
                "aws".equals(session.backendName()) ? null : CreateCommand.LOCAL_ROLE);
        DeployPlan plan = deployer.plan(m, code, Optional.ofNullable(alias));
        if (planOnly() || !plan.changed()) {
            return new Outcome(plan, Optional.empty());
        }
        return new Outcome(plan, Optional.of(deployer.deploy(plan, description)));
    }

    private void print(Output out, Outcome o) {
        if (out.json()) {
            out.json(json(o));
            return;
        }
        o.plan.describe().forEach(out::line);
        if (o.result.isPresent()) {
            Deployer.Result r = o.result.get();
            r.recovered().ifPresent(found -> out.line(found.sentence()));
            r.release().ifPresent(release -> out.line("Released " + release.label() + " of " + r.function() + ": "
                    + release.description()));
            r.alias().ifPresent(a -> out.line("Alias " + a + " -> v" + r.version()));
        } else if (!planOnly()) {
            out.line("Nothing changed; no release made.");
        }
    }

    private Map<String, Object> json(Outcome o) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("function", o.plan.function());
        j.put("version", o.result.map(r -> (Object) String.valueOf(r.version()))
                .orElse(o.plan.releases() ? null : o.plan.newestRelease().map(String::valueOf).orElse(null)));
        j.put("codeSha256", o.plan.code().codeSha256());
        j.put("alias", o.plan.alias().orElse(null));
        j.put("changed", o.plan.changed());
        o.result.flatMap(Deployer.Result::recovered).ifPresent(r -> j.put("recovered", OutcomeView.toJson(r)));
        if (planOnly()) {
            j.put("plan", o.plan.describe());
        }
        return j;
    }

    private int many(Session session, List<Path> dirs) {
        session.api(); // opened once, before the threads share it
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, dirs.size()));
        List<Future<String[]>> jobs = new ArrayList<>();
        for (Path dir : dirs) {
            jobs.add(pool.submit(() -> one(session, dir)));
        }
        pool.shutdown();
        List<String[]> rows = new ArrayList<>();
        List<Object> json = new ArrayList<>();
        boolean failed = false;
        boolean pending = false;
        for (int i = 0; i < jobs.size(); i++) {
            String[] row;
            try {
                row = jobs.get(i).get();
            } catch (Exception e) {
                row = new String[] {dirs.get(i).getFileName().toString(), "failed", "", String.valueOf(e)};
            }
            failed |= row[1].equals("failed");
            pending |= row[1].equals("pending");
            rows.add(row);
            json.add(Map.of("function", row[0], "status", row[1], "version", row[2], "detail", row[3]));
        }
        if (session.output().json()) {
            session.output().json(json);
        } else {
            rows.forEach(r -> session.output().line(String.format("%-24s %-10s %-6s %s", r[0], r[1], r[2], r[3])));
        }
        if (failed) {
            return ExitCodes.FAILURE;
        }
        return planOnly() && exitCode && pending ? ExitCodes.PENDING : ExitCodes.OK;
    }

    /** One function of many: its own errors are caught here so the others go on. */
    private String[] one(Session session, Path dir) {
        String name = dir.getFileName().toString();
        ByteArrayOutputStream buildLog = new ByteArrayOutputStream();
        try {
            Manifest m = ManifestReader.read(dir);
            name = m.name();
            CodeZip code = builder(new PrintStream(buildLog, true, StandardCharsets.UTF_8)).build(m);
            Outcome o = ship(session, m, code);
            String detail = String.join("; ", o.plan.describe());
            if (planOnly()) {
                return new String[] {name, o.plan.changed() ? "pending" : "unchanged", "", detail};
            }
            String version = o.result.map(r -> "v" + r.version()).orElse(o.plan.newestRelease().map(v -> "v" + v).orElse(""));
            return new String[] {name, o.plan.changed() ? "deployed" : "unchanged", version, detail};
        } catch (RuntimeException e) {
            String why = e instanceof io.lambdoku.core.lambda.LambdaException || e instanceof UsageException
                    ? e.getMessage() : "Unexpected failure: " + e;
            if (global.debug) {
                Errors.report(e, session.output(), true);
            }
            return new String[] {name, "failed", "", why};
        }
    }

    private PackageBuilder builder(PrintStream log) {
        return new PackageBuilder(vars.values(launch.cwd()), PackageSpec.epochFrom(launch.env()), log);
    }

    private Manifest named(Manifest m) {
        if (global.apps.isEmpty()) {
            return m;
        }
        String name = io.lambdoku.core.lambda.FunctionRef.parse(global.apps.get(0)).name();
        return new Manifest(m.dir(), name, m.runtime(), m.handler(), m.memory(), m.timeout(), m.role(), m.architecture(),
                m.description(), m.environment(), m.layers(), m.include(), m.exclude(), m.build(), m.substitute());
    }

    /** A zip carries no manifest: it goes to an existing function (-a), keeping that function's settings. */
    private Manifest zipManifest(Session session, Path zip) {
        if (global.apps.isEmpty()) {
            throw new UsageException("Deploying a zip needs -a NAME of an existing function.");
        }
        String name = Session.functionName(global.apps.get(0));
        FunctionConfig current = session.api().getFunction(name, FunctionConfig.LATEST);
        FunctionSettings s = current.settings();
        return new Manifest(zip.getParent(), name, s.runtime(), s.handler(), s.memorySize(), s.timeout(),
                Optional.of(s.role()), "x86_64", current.description(), Map.of(), s.layers(), List.of(), List.of(),
                Optional.empty(), List.of());
    }

    private String description(Manifest m, CodeZip code) {
        return DeployMessage.of(code, Optional.ofNullable(message), gitSha(m.dir()));
    }

    private static Optional<String> gitSha(Path dir) {
        try {
            Process p = new ProcessBuilder("git", "-C", dir.toString(), "rev-parse", "--short", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && out.matches("[0-9a-f]{4,40}") ? Optional.of(out) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static List<Path> subfolders(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).filter(ManifestReader::present).sorted().toList();
        } catch (java.io.IOException e) {
            throw new InvalidParameterException("Cannot read folder " + dir + ": " + e.getMessage() + ".");
        }
    }
}
