package io.lambdoku.cli;

import io.lambdoku.aws.AwsInfra;
import io.lambdoku.aws.AwsLambda;
import io.lambdoku.aws.AwsOptions;
import io.lambdoku.aws.S3Packages;
import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.code.S3PackageResolver;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.formation.FormationStore;
import io.lambdoku.core.infra.Infra;
import io.lambdoku.core.invoke.FunctionInvoker;
import io.lambdoku.core.invoke.FunctionTelemetry;
import io.lambdoku.core.lambda.FunctionRef;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lock.Ages;
import io.lambdoku.core.lock.LeasedGuard;
import io.lambdoku.core.lock.LockSettings;
import io.lambdoku.core.lock.LockStore;
import io.lambdoku.core.rollout.RolloutHealth;
import io.lambdoku.core.rollout.RolloutSettings;
import io.lambdoku.core.rollout.RolloutStore;
import io.lambdoku.core.rollout.Rollouts;
import io.lambdoku.local.LocalInvokers;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.LocalWarmup;
import io.lambdoku.local.NoS3Packages;
import io.lambdoku.local.activity.LocalActivity;
import io.lambdoku.local.formation.LocalFormationStore;
import io.lambdoku.aws.formation.DynamoFormationStore;
import io.lambdoku.local.infra.LocalInfra;
import io.lambdoku.local.lock.LocalLockStore;
import io.lambdoku.local.rollout.LocalRolloutHealth;
import io.lambdoku.local.rollout.LocalRolloutStore;
import io.lambdoku.local.runtime.InvocationQueries;
import io.lambdoku.core.secret.Fingerprints;
import io.lambdoku.core.secret.KeyFile;
import io.lambdoku.core.secret.Kms;
import io.lambdoku.core.secret.Sealing;
import io.lambdoku.local.kms.LocalKms;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The composition root of one command run: resolves which functions and which backend the user
 * meant, opens the backend lazily (commands that fail on their arguments never touch it) and closes it.
 */
public final class Session implements AutoCloseable {

    private final Launch launch;
    private final GlobalOptions global;
    private final Output output;
    private Optional<AppFile> appFile;
    private LocalLambda local;
    private AwsLambda aws;
    private AwsInfra awsInfra;
    private LocalInvokers localInvokers;
    private LeasedGuard guard;
    private Consumer<io.lambdoku.core.rollout.Rollout> rolloutView; // none: most commands drive no rollout

    public Session(Launch launch, GlobalOptions global) {
        this.launch = launch;
        this.global = global;
        this.output = new Output(launch.out(), launch.err(), global.json);
    }

    public Output output() {
        return output;
    }

    public Launch launch() {
        return launch;
    }

    /** -a values, else the app of .lambdoku, else a usage error saying how to name one. */
    public List<String> apps() {
        if (!global.apps.isEmpty()) {
            return List.copyOf(global.apps);
        }
        return appFile().map(f -> List.of(f.app())).orElseThrow(() -> new UsageException(
                "No app given and no .lambdoku file here; pass -a NAME or run 'lambdoku init NAME' in this folder."));
    }

    /** -a values, else the app of .lambdoku, else none: for listings that then cover every function. */
    public Optional<List<String>> appsIfNamed() {
        return global.apps.isEmpty() && appFile().isEmpty() ? Optional.empty() : Optional.of(apps());
    }

    /** --backend, LAMBDOKU_BACKEND, .lambdoku, an ARN among the apps (aws), else local. */
    public String backendName() {
        if (global.backend != null) {
            return global.backend;
        }
        String fromEnv = launch.env().get("LAMBDOKU_BACKEND");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        // No lambda or stream here: see NoStdin in EnvAssignments.
        Optional<String> fromFile = appFile().isPresent() ? appFile().get().backend() : Optional.empty();
        if (fromFile.isPresent()) {
            return fromFile.get();
        }
        for (String app : global.apps) {
            if (app.startsWith("arn:")) {
                return "aws";
            }
        }
        return "local";
    }

    public LambdaApi api() {
        String backend = backendName();
        if ("local".equals(backend)) {
            if (local == null) {
                LocalWarmup.foreground();
                Warmup.await("local");
                local = LocalLambda.open(LocalOptions.fromEnvironment(launch.env()));
            }
            return local;
        }
        if ("aws".equals(backend)) {
            if (aws == null) {
                aws = AwsLambda.open(awsOptions());
            }
            return aws;
        }
        throw new UsageException("Unknown backend '" + backend + "'; use local or aws.");
    }

    /** Runs functions: where the local backend decides (a running 'local serve', else here); through Invoke on AWS. */
    public FunctionInvoker invoker() {
        LambdaApi api = api();
        if (api instanceof LocalLambda l) {
            if (localInvokers == null) {
                localInvokers = new LocalInvokers(l, events());
            }
            return localInvokers.invoker();
        }
        return (AwsLambda) api;
    }

    /** Logs and metrics: the local store's records, or CloudWatch on AWS. */
    public FunctionTelemetry telemetry() {
        LambdaApi api = api();
        return api instanceof LocalLambda l ? new InvocationQueries(l) : (AwsLambda) api;
    }

    /**
     * Holds functions' locks for this run's writes, as {@code user@host}, with this run's --lock-timeout and the
     * lease TTL (LAMBDOKU_LOCK_TTL_SECONDS, default 2 minutes; tests shorten it).
     */
    public LeasedGuard guard() {
        if (guard == null) {
            guard = new LeasedGuard(lockStore(), activity(), events(), lockSettings(), holder(), Clock.systemUTC());
        }
        return guard;
    }

    /** {@code user@host}: who this run is in locks and in the activity record. */
    public String holder() {
        return Holder.of(launch.env());
    }

    /** Functions' locks: a table of the local store, or objects in the artifact bucket on AWS. */
    public LockStore lockStore() {
        LambdaApi api = api();
        return api instanceof LocalLambda l ? new LocalLockStore(l.database()) : ((AwsLambda) api).lockStore();
    }

    /** What happened to apps beyond their releases (lock takeovers and breaks): beside the locks. */
    public Activity activity() {
        LambdaApi api = api();
        return api instanceof LocalLambda l ? new LocalActivity(l.database()) : ((AwsLambda) api).activity();
    }

    private LockSettings lockSettings() {
        String ttl = launch.env().getOrDefault("LAMBDOKU_LOCK_TTL_SECONDS", "");
        if (!ttl.isEmpty() && !ttl.matches("[1-9][0-9]{0,5}")) {
            throw new UsageException("LAMBDOKU_LOCK_TTL_SECONDS must be a whole number of seconds, not '" + ttl + "'.");
        }
        return new LockSettings(ttl.isEmpty() ? LockSettings.DEFAULT_TTL : Duration.ofSeconds(Long.parseLong(ttl)),
                global.lockTimeout == null ? Duration.ZERO : DurationText.parse("--lock-timeout", global.lockTimeout));
    }

    /**
     * Rollouts on aliases, driven by this run as {@code user@host}: records beside the locks (a table of the store,
     * or objects in the artifact bucket), readings from the store's invocation records or from CloudWatch. A driver
     * ticks every second locally and every 5 s on AWS, where metrics land per minute anyway; its lease lives for
     * the lock TTL.
     */
    public Rollouts rollouts() {
        LambdaApi api = api();
        RolloutStore store = api instanceof LocalLambda l ? new LocalRolloutStore(l.database()) : ((AwsLambda) api).rolloutStore();
        RolloutHealth health = api instanceof LocalLambda l ? new LocalRolloutHealth(l) : ((AwsLambda) api).rolloutHealth();
        Duration tick = api instanceof LocalLambda ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
        return new Rollouts(api, store, health, invoker(), guard(), activity(), events(),
                new RolloutSettings(lockSettings().ttl(), tick), holder(), Clock.systemUTC());
    }

    /**
     * Roles, schedules and alarms around functions. Local: tables of the store (LocalInfra). AWS: IAM,
     * EventBridge and CloudWatch through the AwsLambda's own SDK clients (closed with it), one AwsInfra per
     * run so the account is asked once.
     */
    public Infra infra() {
        LambdaApi api = api();
        if (api instanceof AwsLambda a) {
            if (awsInfra == null) {
                awsInfra = new AwsInfra(a.clients());
            }
            return awsInfra;
        }
        return new LocalInfra((LocalLambda) api);
    }

    /**
     * Finds s3:// packages: on AWS through the AwsLambda's own S3 client; the local backend has no S3 and refuses
     * them in one sentence, without opening its store.
     */
    public S3PackageResolver s3Packages() {
        if ("local".equals(backendName())) {
            return new NoS3Packages();
        }
        return new S3Packages(((AwsLambda) api()).clients()); // api() refuses any backend but local and aws
    }

    /** KMS for sealed config vars: the local store's keys, or KMS through the SDK on AWS. */
    public Kms kms() {
        LambdaApi api = api();
        return api instanceof LocalLambda l ? new LocalKms(l) : ((AwsLambda) api).kms();
    }

    /**
     * The formation table: a table of the local store, or on AWS the DynamoDB table {@code table} names (--table),
     * else LAMBDOKU_FORMATION_TABLE, else lambdoku-formation, through the AwsLambda's own SDK clients.
     */
    public FormationStore formation(Optional<String> table) {
        LambdaApi api = api();
        if (api instanceof LocalLambda l) {
            if (table.isPresent()) {
                throw new UsageException("--table names a DynamoDB table of the aws backend; the local backend keeps its"
                        + " formation in its store.");
            }
            return new LocalFormationStore(l.database());
        }
        return new DynamoFormationStore(((AwsLambda) api).clients(), formationTable(table));
    }

    /** The formation's DynamoDB table: --table, else LAMBDOKU_FORMATION_TABLE, else lambdoku-formation. */
    public String formationTable(Optional<String> table) {
        return table.or(() -> Optional.ofNullable(launch.env().get("LAMBDOKU_FORMATION_TABLE")).filter(t -> !t.isBlank()))
                .orElse(DynamoFormationStore.DEFAULT_TABLE);
    }

    /** Sealed config vars of this run's backend, fingerprinted under this store's or user's key. */
    public Sealing sealing() {
        return new Sealing(api(), kms(), fingerprints(), events());
    }

    /** Fingerprints of config values, under the key of {@link #fingerprintKeyFile()}, made on first use. */
    public Fingerprints fingerprints() {
        return new Fingerprints(KeyFile.loadOrCreate(fingerprintKeyFile(), Fingerprints.KEY_BYTES));
    }

    /**
     * Local: a key of the store, beside its database, so everyone using that store sees the same
     * fingerprints. AWS: a key of this user, in ~/.config/lambdoku (XDG_CONFIG_HOME): configuration, not
     * cache, since a fingerprint is only useful while the key stays the same, and caches (LAMBDOKU_CACHE)
     * may be wiped at any time. Not in AWS itself (a tag, the artifact bucket): whoever can read the
     * function could then read the key too, and could test guesses of a weak secret against a fingerprint.
     */
    public Path fingerprintKeyFile() {
        if ("local".equals(backendName())) {
            return LocalOptions.fromEnvironment(launch.env()).storeDir().resolve("fingerprint.key");
        }
        String xdg = launch.env().get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("lambdoku").resolve("fingerprint.key");
    }

    /** Command line over environment; without --region, the region of a function ARN given with -a. */
    public AwsOptions awsOptions() {
        Optional<String> arnRegion = global.apps.stream().map(FunctionRef::parse)
                .flatMap(ref -> ref.region().stream()).findFirst();
        return AwsOptions.fromEnvironment(launch.env())
                .withRegion(Optional.ofNullable(global.region).or(() -> arnRegion))
                .withProfile(Optional.ofNullable(global.profile))
                .withEndpoint(Optional.ofNullable(global.endpointUrl))
                .withArtifactBucket(Optional.ofNullable(global.artifactBucket));
    }

    /** How this run shows each rollout record as it is written; set by the commands that drive one. */
    public void showRollouts(Consumer<io.lambdoku.core.rollout.Rollout> view) {
        rolloutView = view;
    }

    public Events events() {
        return new Events() {
            @Override
            public void rollout(io.lambdoku.core.rollout.Rollout rollout) {
                if (rolloutView != null) {
                    rolloutView.accept(rollout);
                }
            }

            @Override
            public void retrying(String function, int attempt, String reason) {
                if (global.debug) {
                    output.note("Retrying " + function + " (attempt " + (attempt + 1) + "): " + reason);
                }
            }

            /** A step of a function whose lock this run lost does not start: the new holder may be writing. */
            @Override
            public void step(String function, String step) {
                if (guard != null) {
                    guard.ensureHeld(function);
                }
                // progress for a person watching; scripts (no terminal, or --json) read only the results
                if (System.console() != null && !output.json()) {
                    output.note(function + ": " + step);
                }
            }

            @Override
            public void waitingForLock(String function, String holder, String operation, Duration age) {
                output.note("Waiting for the lock on " + function + ", held by " + holder + " (" + operation + ", "
                        + Ages.of(age) + " ago)…");
            }

            @Override
            public void lockTakenOver(String function, String holder, String operation, Duration silent) {
                output.note("Took over the lock on " + function + " from " + holder + " (" + operation + "): no heartbeat for "
                        + Ages.of(silent) + ", so that run is gone. Recorded in 'lambdoku activity -a " + function + "'.");
            }

            @Override
            public void lockLost(String function, String how) {
                output.note("Warning: lost the lock on " + function + " " + how + "; stopping at the next step.");
            }

            @Override
            public void functionsNotIsolated(String reason) {
                output.note("Warning: functions run without a sandbox, as plain processes that can read and change what you"
                        + " can: " + reason + ".");
            }
        };
    }

    /** The name the backend knows the function by; a qualifier is refused, as these commands change the function. */
    public static String functionName(String app) {
        FunctionRef ref = FunctionRef.parse(app);
        if (ref.qualifier().isPresent()) {
            throw new UsageException("'" + app + "' names " + ref.qualifier().get() + " of " + ref.name()
                    + "; name the function itself here, without ':" + ref.qualifier().get() + "'.");
        }
        return ref.name();
    }

    private Optional<AppFile> appFile() {
        if (appFile == null) {
            appFile = AppFile.find(launch.cwd());
        }
        return appFile;
    }

    /** Closes what was opened; then throws if invocations run here could not be recorded (a full disk). */
    @Override
    public void close() {
        if (guard != null) {
            guard.close();
        }
        if (localInvokers != null) {
            localInvokers.close();
        }
        if (local != null) {
            local.close();
        }
        if (aws != null) {
            aws.close();
        }
        if (localInvokers != null && localInvokers.recordingFailure().isPresent()) {
            throw localInvokers.recordingFailure().get();
        }
    }
}
