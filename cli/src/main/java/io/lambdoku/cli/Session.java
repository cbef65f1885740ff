package io.lambdoku.cli;

import io.lambdoku.aws.AwsLambda;
import io.lambdoku.aws.AwsOptions;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.infra.Infra;
import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.invoke.FunctionInvoker;
import io.lambdoku.core.invoke.FunctionTelemetry;
import io.lambdoku.core.lambda.FunctionRef;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lock.Guard;
import io.lambdoku.local.LocalInvokers;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.infra.LocalInfra;
import io.lambdoku.local.runtime.InvocationQueries;
import io.lambdoku.core.secret.Fingerprints;
import io.lambdoku.core.secret.KeyFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
    private LocalInvokers localInvokers;

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

    /** --backend, LAMBDOKU_BACKEND, .lambdoku, an ARN among the apps (aws), else local. */
    public String backendName() {
        if (global.backend != null) {
            return global.backend;
        }
        String fromEnv = launch.env().get("LAMBDOKU_BACKEND");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Optional<String> fromFile = appFile().flatMap(AppFile::backend);
        if (fromFile.isPresent()) {
            return fromFile.get();
        }
        return global.apps.stream().anyMatch(a -> a.startsWith("arn:")) ? "aws" : "local";
    }

    public LambdaApi api() {
        String backend = backendName();
        if ("local".equals(backend)) {
            if (local == null) {
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

    /** Holds a function's lock around a write (deploy, apply…); the locks of issue 15 replace this body. */
    public Guard guard() {
        return Guard.NONE;
    }

    /** Roles, schedules and alarms around functions: tables of the local store; on AWS, not yet. */
    public Infra infra() {
        LambdaApi api = api();
        if (api instanceof LocalLambda l) {
            return new LocalInfra(l);
        }
        throw new BackendException("Roles, schedules and alarms are not yet supported on the aws backend; use the local"
                + " backend for now.");
    }

    /** Logs and metrics: the local store's records, or CloudWatch on AWS. */
    public FunctionTelemetry telemetry() {
        LambdaApi api = api();
        return api instanceof LocalLambda l ? new InvocationQueries(l) : (AwsLambda) api;
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

    public Events events() {
        return new Events() {
            @Override
            public void retrying(String function, int attempt, String reason) {
                if (global.debug) {
                    output.note("Retrying " + function + " (attempt " + (attempt + 1) + "): " + reason);
                }
            }

            @Override
            public void step(String function, String step) {
                // progress for a person watching; scripts (no terminal, or --json) read only the results
                if (System.console() != null && !output.json()) {
                    output.note(function + ": " + step);
                }
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
