package io.lambdoku.core.deploy;

import io.lambdoku.core.code.PackageSpec;
import io.lambdoku.core.infra.FunctionInfra;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.secret.SealedSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function's lambdoku.json, already checked: what the function is (name, runtime, handler, memory,
 * timeout, role, architecture, description, default environment, layers, the KMS key that encrypts its
 * environment at rest) and how its folder is
 * packaged (include/exclude globs, build command, files to substitute #{tokens} in), and what lives
 * around it ({@link FunctionInfra}: role to create, schedules, alarms, concurrency, aliases).
 */
public record Manifest(
        Path dir,
        String name,
        String runtime,
        String handler,
        int memory,
        int timeout,
        Optional<String> role,
        String architecture,
        String description,
        Map<String, String> environment,
        List<String> layers,
        List<String> include,
        List<String> exclude,
        Optional<String> build,
        List<String> substitute,
        FunctionInfra infra,
        List<String> secrets,
        Optional<String> kmsKeyArn) {

    public static final String FILE = "lambdoku.json";

    public Manifest {
        environment = Map.copyOf(environment);
        layers = List.copyOf(layers);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        substitute = List.copyOf(substitute);
        infra = infra == null ? FunctionInfra.NONE : infra;
        secrets = List.copyOf(secrets);
        kmsKeyArn = kmsKeyArn == null ? Optional.empty() : kmsKeyArn;
    }

    /** A manifest whose function's environment is encrypted at rest with Lambda's default key. */
    public Manifest(Path dir, String name, String runtime, String handler, int memory, int timeout, Optional<String> role,
                    String architecture, String description, Map<String, String> environment, List<String> layers,
                    List<String> include, List<String> exclude, Optional<String> build, List<String> substitute,
                    FunctionInfra infra, List<String> secrets) {
        this(dir, name, runtime, handler, memory, timeout, role, architecture, description, environment, layers, include,
                exclude, build, substitute, infra, secrets, Optional.empty());
    }

    /** A manifest that names no secrets. */
    public Manifest(Path dir, String name, String runtime, String handler, int memory, int timeout, Optional<String> role,
                    String architecture, String description, Map<String, String> environment, List<String> layers,
                    List<String> include, List<String> exclude, Optional<String> build, List<String> substitute,
                    FunctionInfra infra) {
        this(dir, name, runtime, handler, memory, timeout, role, architecture, description, environment, layers, include,
                exclude, build, substitute, infra, List.of());
    }

    /** A manifest that declares nothing around its function. */
    public Manifest(Path dir, String name, String runtime, String handler, int memory, int timeout, Optional<String> role,
                    String architecture, String description, Map<String, String> environment, List<String> layers,
                    List<String> include, List<String> exclude, Optional<String> build, List<String> substitute) {
        this(dir, name, runtime, handler, memory, timeout, role, architecture, description, environment, layers, include,
                exclude, build, substitute, FunctionInfra.NONE);
    }

    /**
     * The same function under another name (deploy -a NAME of a folder). Its alarms are renamed with it
     * ({@code shop-Errors} becomes {@code shop-staging-Errors}): alarm names are the account's, so two
     * functions deployed from one folder must not share one.
     */
    public Manifest withName(String other) {
        FunctionInfra renamed = new FunctionInfra(infra.role(), infra.schedules(),
                infra.alarms().stream().map(a -> a.forFunction(name, other)).toList(), infra.reservedConcurrency(),
                infra.aliases());
        return new Manifest(dir, other, runtime, handler, memory, timeout, role, architecture, description, environment,
                layers, include, exclude, build, substitute, renamed, secrets, kmsKeyArn);
    }

    /** The same function with this execution role (the ARN of the role the manifest has created). */
    public Manifest withRole(String arn) {
        return new Manifest(dir, name, runtime, handler, memory, timeout, Optional.of(arn), architecture, description,
                environment, layers, include, exclude, build, substitute, infra, secrets, kmsKeyArn);
    }

    public Manifest withInfra(FunctionInfra other) {
        return new Manifest(dir, name, runtime, handler, memory, timeout, role, architecture, description, environment,
                layers, include, exclude, build, substitute, other, secrets, kmsKeyArn);
    }

    /** The same function with its environment encrypted at rest under this key (empty: Lambda's default key). */
    public Manifest withKmsKeyArn(Optional<String> arn) {
        return new Manifest(dir, name, runtime, handler, memory, timeout, role, architecture, description, environment,
                layers, include, exclude, build, substitute, infra, secrets, arn);
    }

    /**
     * The settings to deploy: the manifest's environment holds defaults, so a value set since with
     * config:set wins and is never wiped by a deploy.
     */
    public FunctionSettings settings(String fallbackRole, Map<String, String> currentEnvironment) {
        Map<String, String> env = new java.util.TreeMap<>(environment);
        env.putAll(currentEnvironment);
        return new FunctionSettings(runtime, handler, role.orElse(fallbackRole), memory, timeout, env, layers, architecture,
                kmsKeyArn);
    }

    /**
     * Refuses to ship a var named in "secrets" in plaintext (set, but not in the sealed list of {@code env}): one
     * sentence naming the file and the key. A secret not set at all is not refused: it may be set sealed later.
     */
    public void checkSecrets(Map<String, String> env) {
        SealedSet sealed = SealedSet.of(env);
        secrets.stream().filter(env::containsKey).filter(k -> !sealed.contains(k)).findFirst().ifPresent(k -> {
            throw new InvalidParameterException(dir.resolve(FILE) + " lists " + k + " in \"secrets\", but " + name
                    + " would ship it in plaintext; seal it with 'lambdoku config:seal -a " + name + " " + k
                    + "', or deploy with --secret-file.");
        });
    }

    public PackageSpec packageSpec(Map<String, String> vars, long epochSeconds) {
        return new PackageSpec(include, exclude, substitute, vars, epochSeconds);
    }
}
