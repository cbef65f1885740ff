package io.lambdoku.aws;

import io.lambdoku.aws.AwsErrors.Subject;
import io.lambdoku.core.invoke.FunctionInvoker;
import io.lambdoku.core.invoke.FunctionTelemetry;
import io.lambdoku.core.invoke.LogEvent;
import io.lambdoku.core.invoke.MinuteMetrics;
import io.lambdoku.core.invoke.InvokeRequest;
import io.lambdoku.core.invoke.InvokeResult;
import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.lambda.CodeChangedException;
import io.lambdoku.core.lambda.CodeSource;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.FunctionUrlSpec;
import io.lambdoku.core.lambda.ProvisionedConcurrency;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.S3Code;
import io.lambdoku.core.lambda.StoredCode;
import io.lambdoku.core.formation.UrlProbe;
import io.lambdoku.core.lock.LockStore;
import io.lambdoku.core.rollout.RolloutHealth;
import io.lambdoku.core.rollout.RolloutStore;
import io.lambdoku.core.secret.Kms;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;

/**
 * {@link LambdaApi} over the AWS SDK for Java v2: AWS Lambda itself, or anything that speaks its API
 * (moto, LocalStack, {@code lambdoku local serve}). Sends every RevisionId it is given, follows every
 * page, and keeps each uploaded zip in the artifact bucket when one is configured.
 */
public final class AwsLambda implements LambdaApi, FunctionInvoker, FunctionTelemetry, AutoCloseable {

    /** Lambda's limit for a zip sent inside the request; beyond it code must come from S3. */
    static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;

    private final AwsClients clients;
    private final AwsErrors errors;
    private final RolePropagation propagation = new RolePropagation();
    private final Map<String, String> arns = new ConcurrentHashMap<>();
    /** Release code fetched from Code.Location by {@link #hasCode}, kept for the update that follows. */
    private final Map<String, byte[]> fetched = new ConcurrentHashMap<>();
    private final AwsFunctionUrls urls;
    private final AwsProvisioned provisioned;

    public AwsLambda(AwsClients clients) {
        this.clients = clients;
        this.errors = new AwsErrors(clients.options().endpointFor(AwsOptions.Service.LAMBDA).map(Object::toString)
                .orElse("AWS Lambda"));
        this.urls = new AwsFunctionUrls(clients, errors);
        this.provisioned = new AwsProvisioned(clients, errors);
    }

    public static AwsLambda open(AwsOptions options) {
        return new AwsLambda(new AwsClients(options));
    }

    /** The SDK clients this adapter owns and closes, for the adapters that share them (AwsInfra). */
    public AwsClients clients() {
        return clients;
    }

    @Override
    public FunctionConfig createFunction(NewFunction f) {
        FunctionCode code = errors.call(Subject.function(f.name()), () -> codeOf(f.code()));
        FunctionSettings s = f.settings();
        return remember(errors.call(Subject.function(f.name()), () -> propagation.retry(s.role(), () -> lambda().createFunction(b -> b
                .functionName(f.name()).runtime(s.runtime()).handler(s.handler()).role(s.role())
                .memorySize(s.memorySize()).timeout(s.timeout()).environment(Shapes.environment(s.environment()))
                .layers(s.layers()).description(f.description()).code(code).tags(f.tags())
                .architecturesWithStrings(s.architecture()).kmsKeyArn(s.kmsKeyArn().orElse(null)).publish(false)))));
    }

    @Override
    public FunctionConfig getFunction(String name, String qualifier) {
        return remember(errors.call(Subject.version(name, qualifier), () -> lambda().getFunctionConfiguration(b -> b
                .functionName(name).qualifier(qualifier))));
    }

    @Override
    public List<FunctionConfig> listFunctions() {
        return errors.call(Subject.function("(all)"), () -> lambda().listFunctionsPaginator(b -> b.maxItems(50))
                .functions().stream().map(c -> remember(c)).toList());
    }

    /**
     * Lambda changes a function's architecture only with UpdateFunctionCode, so a new architecture is a
     * second write of the same code once the configuration update has settled.
     */
    @Override
    public FunctionConfig updateFunctionConfiguration(String name, FunctionSettings s, Optional<String> description,
                                                      Optional<String> revisionId) {
        FunctionConfig updated = remember(errors.call(Subject.update(name), () -> propagation.retry(s.role(), () -> lambda()
                .updateFunctionConfiguration(b -> b
                .functionName(name).runtime(s.runtime()).handler(s.handler()).role(s.role())
                .memorySize(s.memorySize()).timeout(s.timeout()).environment(Shapes.environment(s.environment()))
                .layers(s.layers()).description(description.orElse(null)).kmsKeyArn(Shapes.kmsKeyArn(s))
                .revisionId(Shapes.revision(revisionId).orElse(null))))));
        if (updated.settings().architecture().equals(s.architecture())) {
            return updated;
        }
        errors.run(Subject.function(name), () -> lambda().waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(name)));
        FunctionConfig settled = getFunction(name, FunctionConfig.LATEST);
        FunctionCode source = errors.call(Subject.function(name), () -> codeOf(new StoredCode(settled.codeSha256(), name, 0)));
        UpdateFunctionCodeRequest request = UpdateFunctionCodeRequest.builder().functionName(name)
                .zipFile(source.zipFile()).s3Bucket(source.s3Bucket()).s3Key(source.s3Key()).s3ObjectVersion(source.s3ObjectVersion())
                .architecturesWithStrings(s.architecture())
                .revisionId(Shapes.revision(Optional.of(settled.revisionId())).orElse(null)).publish(false).build();
        return remember(errors.call(Subject.update(name), () -> lambda().updateFunctionCode(request)));
    }

    @Override
    public FunctionConfig updateFunctionCode(String name, CodeSource code, Optional<String> revisionId) {
        FunctionCode source = errors.call(Subject.function(name), () -> codeOf(code));
        UpdateFunctionCodeRequest request = UpdateFunctionCodeRequest.builder().functionName(name)
                .zipFile(source.zipFile()).s3Bucket(source.s3Bucket()).s3Key(source.s3Key()).s3ObjectVersion(source.s3ObjectVersion())
                .revisionId(Shapes.revision(revisionId).orElse(null)).publish(false).build();
        return remember(errors.call(Subject.update(name), () -> lambda().updateFunctionCode(request)));
    }

    @Override
    public FunctionConfig publishVersion(String name, String description, Optional<String> codeSha256,
                                         Optional<String> revisionId) {
        try {
            return remember(errors.call(Subject.update(name), () -> lambda().publishVersion(b -> b
                    .functionName(name).description(description).codeSha256(codeSha256.orElse(null))
                    .revisionId(Shapes.revision(revisionId).orElse(null)))));
        } catch (InvalidParameterException e) {
            // AWS answers a stale CodeSha256 with 400 InvalidParameterValueException, not 412. Told apart from
            // other bad parameters by $LATEST itself, never by the message text: the race AtomicRelease retries.
            if (codeSha256.isPresent() && !codeSha256.get().equals(getFunction(name, FunctionConfig.LATEST).codeSha256())) {
                throw new CodeChangedException("The code of " + name + " changed since it was read ("
                        + codeSha256.get() + " is no longer $LATEST's).", e.getMessage());
            }
            throw e;
        }
    }

    /** Lambda pages 50 at a time, oldest first: the newest version is on the last page. */
    @Override
    public List<FunctionConfig> listVersions(String name) {
        return errors.call(Subject.function(name), () -> lambda().listVersionsByFunctionPaginator(b -> b
                        .functionName(name).maxItems(50)).versions().stream()
                .filter(v -> !FunctionConfig.LATEST.equals(v.version()))
                .map(v -> Shapes.function(v))
                .sorted((a, b) -> Integer.compare(a.versionNumber(), b.versionNumber()))
                .toList());
    }

    @Override
    public void deleteFunction(String name) {
        errors.run(Subject.function(name), () -> lambda().deleteFunction(b -> b.functionName(name)));
        arns.remove(name);
    }

    @Override
    public void deleteVersion(String name, int version) {
        errors.run(Subject.version(name, String.valueOf(version)), () -> lambda().deleteFunction(b -> b
                .functionName(name).qualifier(String.valueOf(version))));
    }

    @Override
    public Map<String, String> listTags(String name) {
        String arn = arn(name);
        return errors.call(Subject.function(name), () -> lambda().listTags(b -> b.resource(arn)).tags());
    }

    @Override
    public void tagFunction(String name, Map<String, String> tags) {
        String arn = arn(name);
        errors.run(Subject.function(name), () -> lambda().tagResource(b -> b.resource(arn).tags(tags)));
    }

    @Override
    public void untagFunction(String name, Set<String> keys) {
        String arn = arn(name);
        errors.run(Subject.function(name), () -> lambda().untagResource(b -> b.resource(arn).tagKeys(keys)));
    }

    /** A 404 on an alias call names the alias, unless the function itself is missing. */
    private <T> T aliasCall(String function, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceNotFoundException e) {
            getFunction(function, FunctionConfig.LATEST);
            throw e;
        }
    }

    @Override
    public Alias createAlias(String function, AliasSpec a) {
        return aliasCall(function, () -> Shapes.alias(errors.call(Subject.version(function, a.functionVersion()),
                () -> lambda().createAlias(b -> b.functionName(function).name(a.name()).functionVersion(a.functionVersion())
                        .description(a.description()).routingConfig(Shapes.routing(a))))));
    }

    @Override
    public Alias updateAlias(String function, AliasSpec a, Optional<String> revisionId) {
        return aliasCall(function, () -> Shapes.alias(errors.call(Subject.alias(function, a.name()), () -> lambda().updateAlias(b -> b
                        .functionName(function).name(a.name()).functionVersion(a.functionVersion())
                        .description(a.description()).routingConfig(Shapes.routing(a))
                        .revisionId(Shapes.revision(revisionId).orElse(null))))));
    }

    @Override
    public Alias getAlias(String function, String alias) {
        return aliasCall(function, () -> Shapes.alias(errors.call(Subject.alias(function, alias), () -> lambda().getAlias(b -> b
                .functionName(function).name(alias)))));
    }

    @Override
    public List<Alias> listAliases(String function) {
        return errors.call(Subject.function(function), () -> lambda().listAliasesPaginator(b -> b
                .functionName(function).maxItems(50)).aliases().stream().map(a -> Shapes.alias(a)).toList());
    }

    @Override
    public void deleteAlias(String function, String alias) {
        errors.run(Subject.alias(function, alias), () -> lambda().deleteAlias(b -> b.functionName(function).name(alias)));
    }

    @Override
    public Optional<Integer> reservedConcurrency(String name) {
        return Optional.ofNullable(errors.call(Subject.function(name), () -> lambda().getFunctionConcurrency(b -> b
                .functionName(name)).reservedConcurrentExecutions()));
    }

    /** Empty removes the reservation: the function goes back to the account's unreserved pool. */
    @Override
    public void putReservedConcurrency(String name, Optional<Integer> reserved) {
        if (reserved.isPresent()) {
            errors.run(Subject.function(name), () -> lambda().putFunctionConcurrency(b -> b
                    .functionName(name).reservedConcurrentExecutions(reserved.get())));
        } else {
            errors.run(Subject.function(name), () -> lambda().deleteFunctionConcurrency(b -> b.functionName(name)));
        }
    }

    /** In the artifact bucket, or else downloadable from the release's Code.Location (then copied to the bucket). */
    @Override
    public boolean hasCode(StoredCode code) {
        Optional<ArtifactStore> store = store();
        if (store.isPresent() && errors.call(Subject.function(code.function()), () -> store.get().has(code.codeSha256()))) {
            return true;
        }
        return fetch(code).isPresent();
    }

    @Override
    public InvokeResult invoke(InvokeRequest r) {
        software.amazon.awssdk.services.lambda.model.InvokeResponse answer = errors.call(
                Subject.version(r.function(), r.qualifier() == null ? FunctionConfig.LATEST : r.qualifier()),
                () -> lambda().invoke(b -> b.functionName(r.function()).qualifier(r.qualifier())
                        .payload(SdkBytes.fromByteArray(r.payload() == null ? new byte[0] : r.payload()))
                        .invocationType(r.type().wire())
                        .logType(r.tailLog() ? "Tail" : "None")));
        return new InvokeResult(answer.statusCode(), answer.executedVersion() == null ? "" : answer.executedVersion(),
                Optional.ofNullable(answer.functionError()), answer.payload() == null ? new byte[0] : answer.payload().asByteArray(),
                Optional.ofNullable(answer.logResult()));
    }

    @Override
    public List<LogEvent> logs(String function, long sinceMs, Optional<String> filter, int limit) {
        return new AwsTelemetry(clients, errors).logs(function, sinceMs, filter, limit);
    }

    @Override
    public List<MinuteMetrics> metrics(String function, long sinceMs, Optional<String> qualifier) {
        return new AwsTelemetry(clients, errors).metrics(function, sinceMs, qualifier);
    }

    /** Functions' locks, kept in the artifact bucket (see {@link S3LockStore}). */
    public LockStore lockStore() {
        return new S3LockStore(new ConditionalObjects(clients.s3(), lockBucket(), errors));
    }

    /** The apps' activity, kept in the artifact bucket (see {@link S3Activity}). */
    public Activity activity() {
        return new S3Activity(clients.s3(), lockBucket(), errors);
    }

    /** Rollout records, kept in the artifact bucket beside the locks (see {@link S3RolloutStore}). */
    public RolloutStore rolloutStore() {
        return new S3RolloutStore(new ConditionalObjects(clients.s3(), lockBucket(), errors));
    }

    /** A rollout's gates read CloudWatch (see {@link AwsRolloutHealth}); no bucket needed. */
    public RolloutHealth rolloutHealth() {
        return new AwsRolloutHealth(clients);
    }

    /** Sealed config vars' KMS (see {@link AwsKms}); no bucket needed. */
    public Kms kms() {
        return new AwsKms(clients);
    }

    /**
     * Without the bucket there is nowhere every run can see to keep a lock, and writing unlocked would let two
     * deploys interleave: refused, naming the one command that makes it.
     */
    private String lockBucket() {
        return clients.options().artifactBucket().orElseThrow(() -> new BackendException("The aws backend keeps each"
                + " function's lock and rollouts in the artifact bucket, and none is set; run 'lambdoku setup' once (or pass"
                + " --artifact-bucket / set LAMBDOKU_ARTIFACT_BUCKET)."));
    }

    @Override
    public void close() {
        clients.close();
    }

    private FunctionCode codeOf(CodeSource code) {
        Optional<ArtifactStore> store = store();
        if (code instanceof CodeZip zip) {
            return upload(store, zip.codeSha256(), zip.bytes());
        }
        if (code instanceof S3Code object) {
            if (store.isPresent()) {
                // copied into the artifact store first (server-side), so the release stays restorable by rollback and
                // promote however the user's object changes later; Lambda then reads that immutable copy
                return FunctionCode.builder().s3Bucket(store.get().bucket()).s3Key(store.get().copy(object)).build();
            }
            // by reference: Lambda reads the user's object itself, with the caller's s3:GetObject (no bytes pass through us);
            // rollback then finds the code where it finds any release's without a bucket, at the version's Code.Location
            return FunctionCode.builder().s3Bucket(object.bucket()).s3Key(object.key())
                    .s3ObjectVersion(object.version().orElse(null)).build();
        }
        StoredCode stored = (StoredCode) code;
        if (store.isPresent() && store.get().has(stored.codeSha256())) {
            return FunctionCode.builder().s3Bucket(store.get().bucket()).s3Key(ArtifactStore.key(stored.codeSha256())).build();
        }
        byte[] bytes = fetch(stored).orElseThrow(() -> new ResourceNotFoundException("The code of v" + stored.version()
                + " of " + stored.function() + " (" + stored.codeSha256() + ") is neither in the artifact bucket nor "
                + "downloadable from Lambda, so it cannot be restored; nothing was changed."));
        return upload(store, stored.codeSha256(), bytes);
    }

    private FunctionCode upload(Optional<ArtifactStore> store, String codeSha256, byte[] bytes) {
        if (store.isPresent()) {
            String key = store.get().put(codeSha256, bytes);
            return FunctionCode.builder().s3Bucket(store.get().bucket()).s3Key(key).build();
        }
        if (bytes.length > DIRECT_UPLOAD_LIMIT) {
            throw new InvalidParameterException("The zip is " + (bytes.length >> 20) + " MB, over Lambda's 50 MB limit for "
                    + "a direct upload; set an artifact bucket (--artifact-bucket or LAMBDOKU_ARTIFACT_BUCKET) so it goes through S3.");
        }
        return FunctionCode.builder().zipFile(SdkBytes.fromByteArray(bytes)).build();
    }

    private Optional<byte[]> fetch(StoredCode code) {
        byte[] known = fetched.get(code.codeSha256());
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> location;
        try {
            location = errors.call(Subject.version(code.function(), String.valueOf(code.version())), () -> Optional.ofNullable(
                    lambda().getFunction(b -> b.functionName(code.function()).qualifier(String.valueOf(code.version())))
                            .code().location()));
        } catch (ResourceNotFoundException gone) {
            return Optional.empty();
        }
        Optional<byte[]> bytes = location.flatMap(l -> CodeDownload.fetch(l, code.codeSha256()));
        bytes.ifPresent(b -> {
            fetched.put(code.codeSha256(), b);
            store().ifPresent(s -> errors.call(Subject.function(code.function()), () -> s.put(code.codeSha256(), b)));
        });
        return bytes;
    }

    private Optional<ArtifactStore> store() {
        return clients.options().artifactBucket().map(bucket -> new ArtifactStore(clients.s3(), bucket));
    }

    private FunctionConfig remember(software.amazon.awssdk.core.SdkPojo c) {
        FunctionConfig config = Shapes.function(c);
        if (config.arn() != null) {
            arns.put(config.name(), unqualified(config.arn()));
        }
        return config;
    }

    /** Tags live on the unqualified function ARN; learn it from a read when we have not seen it yet. */
    private String arn(String name) {
        String known = arns.get(name);
        return known != null ? known : unqualified(getFunction(name, FunctionConfig.LATEST).arn());
    }

    private static String unqualified(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 7 ? String.join(":", java.util.Arrays.copyOf(parts, 7)) : arn;
    }

    private LambdaClient lambda() {
        return clients.lambda();
    }

    @Override
    public FunctionUrl createFunctionUrl(String function, Optional<String> qualifier, FunctionUrlSpec spec) {
        return urls.create(function, qualifier, spec);
    }

    @Override
    public FunctionUrl getFunctionUrl(String function, Optional<String> qualifier) {
        return urls.get(function, qualifier);
    }

    @Override
    public FunctionUrl updateFunctionUrl(String function, Optional<String> qualifier, FunctionUrlSpec spec) {
        return urls.update(function, qualifier, spec);
    }

    @Override
    public void deleteFunctionUrl(String function, Optional<String> qualifier) {
        urls.delete(function, qualifier);
    }

    @Override
    public List<FunctionUrl> listFunctionUrls(String function) {
        return urls.list(function);
    }

    @Override
    public ProvisionedConcurrency putProvisionedConcurrency(String function, String qualifier, int requested) {
        return provisioned.put(function, qualifier, requested);
    }

    @Override
    public Optional<ProvisionedConcurrency> provisionedConcurrency(String function, String qualifier) {
        return provisioned.get(function, qualifier);
    }

    @Override
    public void deleteProvisionedConcurrency(String function, String qualifier) {
        provisioned.delete(function, qualifier);
    }

    @Override
    public List<ProvisionedConcurrency> listProvisionedConcurrency(String function) {
        return provisioned.list(function);
    }

    /** Whether a function URL answers, for the reactor (see {@link AwsUrlProbe}). */
    public UrlProbe urlProbe() {
        return new AwsUrlProbe(clients);
    }
}
