package io.lambdoku.cli.deploy;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.Errors;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Output;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.cli.release.OutcomeView;
import io.lambdoku.cli.rollout.RolloutOptions;
import io.lambdoku.cli.rollout.RolloutDriving;
import io.lambdoku.core.alias.Aliases;
import io.lambdoku.core.code.PackageSpec;
import io.lambdoku.core.code.S3Package;
import io.lambdoku.core.deploy.Manifest;
import io.lambdoku.core.deploy.ManifestReader;
import io.lambdoku.core.config.EnvAssignments;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.release.ReleaseOutcome;
import io.lambdoku.core.release.Release;
import io.lambdoku.core.lambda.FunctionRef;
import io.lambdoku.core.lambda.LambdaException;
import io.lambdoku.core.plan.Applied;
import io.lambdoku.core.plan.Engine;
import io.lambdoku.core.plan.FunctionPlan;
import io.lambdoku.core.plan.Parallel;
import io.lambdoku.core.plan.Target;
import io.lambdoku.core.plan.Targets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "deploy", description = {
    "Ship a function folder as one release: create the function if missing, change settings only if they",
    "differ, upload code only if its CodeSha256 differs, publish 'Deploy <sha8>', point --alias at it.",
    "A folder whose subfolders hold lambdoku.json files deploys all of them, --parallel at a time.",
    "With --strategy, --alias is not pointed at once: the release is rolled out to it step by step (see rollout:start)."})
public class DeployCommand extends BaseCommand {

    @Parameters(paramLabel = "DIR|ZIP|S3URL", arity = "0..1", description = {"Function folder, folder of functions, a zip, or",
        "s3://BUCKET/KEY[?versionId=V] (aws; with -a, like a zip) (default: here)."})
    String target;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "Point this alias at the deployed release.")
    String alias;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "Added to the release description.")
    String message;

    @Option(names = "--package", paramLabel = "S3URL", description = {"With a function folder: its code is this object",
        "(s3://BUCKET/KEY[?versionId=V], aws), not a build of the folder."})
    String pkg;

    @Option(names = "--dry-run", description = "Print what would change and change nothing.")
    boolean dryRun;

    @Option(names = "--exit-code", description = "With --dry-run: exit 3 when changes are pending, 0 when none.")
    boolean exitCode;

    @Option(names = "--parallel", paramLabel = "N", description = "Functions deployed at once (default: ${DEFAULT-VALUE}).",
            defaultValue = "4")
    int parallel;

    @Option(names = "--secret-file", paramLabel = ".env", description = {"Seal and set the KEY=VALUE lines of this file",
        "(under the app's KMS key, see config:key) as the deploy ships: one release before it, or after it when the",
        "deploy creates the function."})
    Path secretFile;

    @Option(names = "--kms-key", paramLabel = "ID|ARN|alias/NAME", description = "With --secret-file: the KMS key to seal"
            + " under when the app has none yet (remembered, see config:key).")
    String kmsKey;

    @Mixin
    VarOptions vars = new VarOptions();

    @Mixin
    RolloutOptions rollout = new RolloutOptions();

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
        checkRollout();
        if (kmsKey != null && secretFile == null) {
            throw new UsageException("--kms-key goes with --secret-file; to set an app's key run 'lambdoku config:key --kms-key "
                    + kmsKey + "'.");
        }
        String given = target == null ? "." : target;
        Targets targets = new Targets(session.events());
        if (S3Package.isS3(given)) {
            return single(session, () -> S3Target.of(session, given, global.apps, request()));
        }
        Path path = launch.cwd().resolve(given).normalize();
        if (pkg != null) {
            return single(session, () -> S3Target.folder(session, path, given, pkg, request()));
        }
        if (Files.isRegularFile(path)) {
            if (global.apps.isEmpty()) {
                throw new UsageException("Deploying a zip needs -a NAME of an existing function.");
            }
            String name = Session.functionName(global.apps.get(0));
            return single(session, () -> targets.zip(session.api(), path, name, request()));
        }
        if (!Files.isDirectory(path)) {
            throw new UsageException("No such folder or zip file: " + given + ".");
        }
        if (ManifestReader.present(path)) {
            return single(session, () -> targets.folder(path, request(), session.output().err()));
        }
        List<Path> functions = Folders.functionFolders(path, given);
        if (secretFile != null) {
            throw new UsageException("--secret-file seals the secrets of one function; " + given + " holds " + functions.size()
                    + ", so deploy each folder with its own --secret-file.");
        }
        if (!global.apps.isEmpty()) {
            throw new UsageException("-a names one function; " + given + " holds " + functions.size() + " (" + Manifest.FILE + " in each subfolder).");
        }
        if (rollout.strategyGiven()) {
            throw new UsageException("--strategy rolls out one function; " + given + " holds " + functions.size()
                    + ", so deploy each folder with --strategy in turn.");
        }
        return many(session, functions);
    }

    /**
     * --strategy needs the alias it rolls out to; gates and hooks need a strategy; every value is checked before
     * anything is built, so a bad one changes nothing.
     */
    private void checkRollout() {
        if (!rollout.strategyGiven()) {
            rollout.firstGateOrHook().ifPresent(flag -> {
                throw new UsageException(flag + " gates a rollout; give --strategy (and --alias) with it.");
            });
            return;
        }
        if (alias == null) {
            throw new UsageException("--strategy rolls the release out to an alias; give --alias ALIAS.");
        }
        if (planOnly()) {
            throw new UsageException("--strategy moves traffic, which a dry run never does; drop one of them.");
        }
        rollout.request("-", alias, "1");
    }

    /** With --strategy the engine leaves the alias alone: the rollout moves it. */
    private Targets.Request request() {
        return new Targets.Request(global.apps.stream().findFirst().map(a -> FunctionRef.parse(a).name()),
                Optional.ofNullable(alias).filter(a -> !rollout.strategyGiven()), Optional.ofNullable(message), vars.values(launch.cwd()),
                PackageSpec.epochFrom(launch.env()));
    }

    private int single(Session session, Supplier<Target> target) {
        Target t = target.get();
        if (rollout.strategyGiven() && t.manifest().infra().aliases().containsKey(alias)) {
            throw new UsageException(Manifest.FILE + " points alias " + alias + " at a release itself, which the deploy would"
                    + " do before the rollout starts; remove it from its aliases, or roll out to another alias.");
        }
        Engine engine = Engines.of(session);
        if (planOnly()) {
            FunctionPlan plan = engine.plan(t);
            print(session.output(), plan, Optional.empty());
            return exitCode && plan.changed() ? ExitCodes.PENDING : ExitCodes.OK;
        }
        Map<String, String> secrets = secretFile == null ? Map.of()
                : EnvAssignments.parseDotEnv(launch.cwd().resolve(secretFile));
        boolean sealFirst = !secrets.isEmpty() && exists(session, t.manifest().name());
        if (sealFirst) {
            seal(session, t.manifest().name(), secrets);
        } else if (!secrets.isEmpty()) {
            // checked before the function is made, so a missing key fails with nothing created
            session.sealing().keys().arnOf(Optional.ofNullable(kmsKey).orElseThrow(() -> new UsageException(
                    "Deploying the new function " + t.manifest().name() + " with --secret-file needs --kms-key"
                    + " ID|ARN|alias/NAME to seal under (lambdoku setup --kms-key creates alias/lambdoku).")));
        }
        Applied applied = engine.deploy(t);
        int released = applied.version();
        if (!secrets.isEmpty() && !sealFirst) {
            released = sealNew(session, applied, secrets);
        }
        if (rollout.strategyGiven()) {
            if (!session.output().json()) {
                print(session.output(), applied.plan(), Optional.of(applied));
            }
            String version = String.valueOf(released);
            if (applied.release().isEmpty() && session.rollouts().serves(applied.function(), alias, version)) {
                if (session.output().json()) {
                    print(session.output(), applied.plan(), Optional.of(applied));
                } else {
                    session.output().line("Nothing to roll out: " + alias + " already serves v" + version + ".");
                }
                return ExitCodes.OK;
            }
            return RolloutDriving.startAndDrive(session, rollout.request(applied.function(), alias, version));
        }
        print(session.output(), applied.plan(), Optional.of(applied));
        return ExitCodes.OK;
    }

    /**
     * The secrets of --secret-file, sealed in one release of their own under the function's lock, as every write
     * is; its line only in human output.
     */
    private ReleaseOutcome seal(Session session, String function, Map<String, String> secrets) {
        ReleaseOutcome outcome = session.guard().holding(function, "deploy",
                () -> session.sealing().set(function, secrets, Optional.ofNullable(kmsKey)));
        if (!session.output().json()) {
            OutcomeView.print(session.output(), outcome);
        }
        return outcome;
    }

    /**
     * A function the deploy just created gets its secrets in the release after its first, so the aliases the deploy
     * pointed at that first release are moved on to the sealed one: no alias is left serving a release without them.
     */
    private int sealNew(Session session, Applied applied, Map<String, String> secrets) {
        String fn = applied.function();
        int sealed = seal(session, fn, secrets).release().map(Release::version).orElse(applied.version());
        applied.aliases().forEach((name, version) -> {
            if (version.equals(String.valueOf(applied.version())) && sealed != applied.version()) {
                session.guard().holding(fn, "deploy", () -> new Aliases(session.api(), session.events()).point(fn, name,
                        String.valueOf(sealed)));
                if (!session.output().json()) {
                    session.output().line("Alias " + name + " -> v" + sealed + " (with its secrets)");
                }
            }
        });
        return sealed;
    }

    private static boolean exists(Session session, String function) {
        try {
            session.api().getFunction(function, FunctionConfig.LATEST);
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private void print(Output out, FunctionPlan plan, Optional<Applied> applied) {
        if (out.json()) {
            out.json(json(plan, applied));
            return;
        }
        plan.lines().forEach(out::line);
        if (applied.isPresent() && plan.changed()) {
            Applied a = applied.get();
            a.recovered().ifPresent(found -> out.line(found.sentence()));
            a.release().ifPresent(release -> out.line("Released " + release.label() + " of " + a.function() + ": "
                    + release.description()));
            a.aliases().forEach((name, version) -> out.line("Alias " + name + " -> v" + version));
        } else if (!planOnly()) {
            out.line("Nothing changed; no release made.");
        }
    }

    private Map<String, Object> json(FunctionPlan plan, Optional<Applied> applied) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("function", plan.function());
        j.put("version", applied.map(a -> a.version() == 0 ? null : (Object) String.valueOf(a.version()))
                .orElse(plan.releases() ? null : plan.newestRelease().map(String::valueOf).orElse(null)));
        j.put("codeSha256", plan.target().code().codeSha256());
        j.put("alias", alias);
        j.put("changed", plan.changed());
        applied.flatMap(Applied::recovered).ifPresent(r -> j.put("recovered", OutcomeView.toJson(r)));
        if (planOnly()) {
            j.put("plan", plan.lines());
        }
        return j;
    }

    private int many(Session session, List<Path> dirs) {
        session.api(); // opened once, before the threads share it
        Engine engine = Engines.of(session);
        Targets targets = new Targets(session.events());
        List<Parallel.Attempt<String[]>> attempts = Parallel.each(dirs, parallel, dir -> one(engine, targets, dir));
        List<String[]> rows = new ArrayList<>();
        List<Object> json = new ArrayList<>();
        boolean failed = false;
        boolean pending = false;
        for (Parallel.Attempt<String[]> a : attempts) {
            String[] row = a.value().orElseGet(() -> failedRow(session, a.dir(), a.failure().orElseThrow()));
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

    /** One function of many; its build output is not interleaved with the others' (it is dropped). */
    private String[] one(Engine engine, Targets targets, Path dir) {
        Target t = targets.folder(dir, request(), OutputStream.nullOutputStream());
        if (planOnly()) {
            FunctionPlan plan = engine.plan(t);
            return new String[] {t.function(), plan.changed() ? "pending" : "unchanged", "", String.join("; ", plan.lines())};
        }
        Applied a = engine.deploy(t);
        String detail = String.join("; ", a.plan().lines());
        return new String[] {t.function(), a.plan().changed() ? "deployed" : "unchanged", a.version() == 0 ? "" : "v" + a.version(),
                detail};
    }

    private String[] failedRow(Session session, Path dir, RuntimeException e) {
        String why = e instanceof LambdaException || e instanceof UsageException ? e.getMessage() : "Unexpected failure: " + e;
        if (global.debug) {
            Errors.report(e, session.output(), true);
        }
        String name = dir.getFileName().toString();
        try {
            name = ManifestReader.read(dir).name();
        } catch (RuntimeException unreadable) {
            // the folder's name stands for a function whose manifest cannot be read
        }
        return new String[] {name, "failed", "", why};
    }
}
