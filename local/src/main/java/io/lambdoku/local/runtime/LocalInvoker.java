package io.lambdoku.local.runtime;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.invoke.FunctionInvoker;
import io.lambdoku.core.invoke.InvocationType;
import io.lambdoku.core.invoke.InvokeRequest;
import io.lambdoku.core.invoke.InvokeResult;
import io.lambdoku.core.invoke.ThrottledException;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.InvalidContentException;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.local.LocalLambda;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Invokes functions of the local backend for real: resolves the qualifier (an alias routes by its
 * weights), runs the version in a warm execution environment or starts one, caps environments per
 * function as Lambda's concurrency does, and records the invocation and its log lines.
 */
public final class LocalInvoker implements FunctionInvoker, AutoCloseable {

    /**
     * On-demand environments one function without reserved concurrency may run at once; more invocations are
     * throttled, as on Lambda when the account's pool is used up. Reserved concurrency replaces it.
     */
    public static final int CONCURRENCY = 10;
    static final int MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
    static final int MAX_ASYNC_PAYLOAD = 256 * 1024;
    private static final long IDLE_MILLIS = 10 * 60 * 1000;

    private final LocalLambda lambda;
    private final CodeCache code;
    private final RuntimeLauncher runtimes;
    private final InvocationRecords records;
    private final Sandbox sandbox;
    private final FunctionKms kms;
    private final Map<String, Deque<Environment>> idle = new HashMap<>();
    /** Invocations running per function, on-demand and provisioned: what reserved concurrency caps. */
    private final Map<String, Integer> busy = new HashMap<>();
    /** Of those, the ones in on-demand environments: what {@link #CONCURRENCY} caps. */
    private final Map<String, Integer> busyOnDemand = new HashMap<>();
    private final WarmPools pools = new WarmPools(config -> start(config, "provisioned-concurrency"));
    private final ExecutorService async = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lambdoku-async-invoke");
        t.setDaemon(true);
        return t;
    });

    private final java.util.concurrent.ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lambdoku-env-reaper");
        t.setDaemon(true);
        return t;
    });

    /** Starts every environment's process; see {@link Environment#start} for why one thread. */
    private final ExecutorService launcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lambdoku-env-launcher");
        t.setDaemon(true);
        return t;
    });

    public LocalInvoker(LocalLambda lambda) {
        this(lambda, Events.NONE);
    }

    /** Runs functions in a bubblewrap sandbox where it works; where not, tells {@code events} once, now. */
    public LocalInvoker(LocalLambda lambda, Events events) {
        this(lambda, events, FunctionKms.NONE);
    }

    /** As above, functions reaching KMS through {@code kms} (closed with this invoker). */
    public LocalInvoker(LocalLambda lambda, Events events, FunctionKms kms) {
        this(lambda, Sandbox.detect(System.getenv(), lambda.options().storeDir()), events, kms);
    }

    LocalInvoker(LocalLambda lambda, Sandbox sandbox, Events events) {
        this(lambda, sandbox, events, FunctionKms.NONE);
    }

    LocalInvoker(LocalLambda lambda, Sandbox sandbox, Events events, FunctionKms kms) {
        reaper.scheduleWithFixedDelay(this::retireIdle, 1, 1, TimeUnit.MINUTES);
        this.lambda = lambda;
        Path store = lambda.options().storeDir();
        this.code = new CodeCache(store.resolve("code"));
        this.runtimes = new RuntimeLauncher(store.resolve("runtime"));
        this.records = new InvocationRecords(lambda.database());
        this.sandbox = sandbox;
        this.kms = kms;
        sandbox.whyNot().ifPresent(events::functionsNotIsolated);
    }

    @Override
    public InvokeResult invoke(InvokeRequest request) {
        String qualifier = request.qualifier() == null || request.qualifier().isBlank() ? FunctionConfig.LATEST : request.qualifier();
        byte[] payload = request.payload() == null ? new byte[0] : request.payload();
        int limit = request.type() == InvocationType.EVENT ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD;
        if (payload.length > limit) {
            throw new InvalidContentException("The payload is " + payload.length + " bytes; Lambda takes at most " + limit
                    + " bytes for a" + (request.type() == InvocationType.EVENT ? "n Event" : " RequestResponse") + " invocation.",
                    request.type() == InvocationType.EVENT
                            ? payload.length + " byte payload is too large for the Event invocation type (limit " + limit + " bytes)"
                            : "Request must be smaller than " + limit + " bytes for the InvokeFunction operation", true);
        }
        checkJson(payload);
        String version = resolve(request.function(), qualifier);
        FunctionConfig config = lambda.getFunction(request.function(), version);
        return switch (request.type()) {
            case DRY_RUN -> new InvokeResult(204, version, Optional.empty(), new byte[0], Optional.empty());
            case EVENT -> {
                async.execute(() -> {
                    try {
                        run(config, qualifier, payload, false);
                    } catch (RuntimeException ignored) {
                        // recorded as an error invocation, as Lambda's async queue would after its retries
                    }
                });
                yield new InvokeResult(202, version, Optional.empty(), new byte[0], Optional.empty());
            }
            case REQUEST_RESPONSE -> run(config, qualifier, payload, request.tailLog());
        };
    }

    private InvokeResult run(FunctionConfig config, String qualifier, byte[] payload, boolean tail) {
        String function = config.name();
        String version = config.version();
        String key = function + "\n" + version + "\n" + config.codeSha256() + "\n" + config.settings().hashCode();
        String requestId = UUID.randomUUID().toString();
        long started = System.currentTimeMillis();
        Optional<Integer> reserved = lambda.reservedConcurrency(function);
        Slot slot = acquire(config, key, started, requestId, qualifier, reserved);
        Environment env = slot.env();
        try {
            if (env == null) {
                env = start(config, "on-demand");
            }
        } catch (RuntimeException e) {
            release(function, key, slot, null);
            throw e;
        }
        Outcome outcome;
        try {
            outcome = env.invoke(requestId, payload, arn(config, qualifier));
        } catch (RuntimeException e) {
            env.close();
            release(function, key, slot, null);
            throw e;
        }
        release(function, key, slot, outcome.environmentLost() || !env.usable() ? closeAndNull(env) : env);
        List<String> log = logLines(requestId, version, config.settings(), outcome);
        records.record(new InvocationRecords.Invocation(function, version, qualifier, requestId, started, outcome.durationMs(),
                outcome.initMs(), outcome.functionError().isPresent(), false, env.logStream(), log));
        Optional<String> tailText = tail ? Optional.of(tail(log)) : Optional.empty();
        return new InvokeResult(200, version, outcome.functionError(), outcome.payload(), tailText);
    }

    /** Where an invocation runs: a provisioned environment (lease), a warm on-demand one, or none yet (env null). */
    private record Slot(Environment env, Optional<WarmPools.Lease> lease) {
    }

    /**
     * A free provisioned environment of the version first, as Lambda uses them; else an on-demand one. Reserved
     * concurrency caps both together (0 throttles every invocation); without it, on-demand ones are capped at
     * {@link #CONCURRENCY}.
     */
    private Slot acquire(FunctionConfig config, String key, long started, String requestId, String qualifier,
                         Optional<Integer> reserved) {
        String function = config.name();
        synchronized (this) {
            int running = busy.getOrDefault(function, 0);
            if (reserved.isPresent() && running >= reserved.get()) {
                // Lambda's throttle reason here is ReservedFunctionConcurrentInvocationLimitExceeded
                throw throttled(config, started, requestId, qualifier, reserved.get() == 0
                        ? "Rate Exceeded: " + function + " has a reserved concurrency of 0, so every invocation is throttled;"
                                + " raise or remove its reserved concurrency to run it."
                        : "Rate Exceeded: all " + reserved.get() + " execution environments of " + function
                                + " are busy (its reserved concurrency); try again, or raise it.");
            }
            Optional<WarmPools.Lease> lease = pools.take(config);
            if (lease.isPresent()) {
                busy.put(function, running + 1);
                return new Slot(lease.get().env(), lease);
            }
            int onDemand = busyOnDemand.getOrDefault(function, 0);
            if (reserved.isEmpty() && onDemand >= CONCURRENCY) {
                throw throttled(config, started, requestId, qualifier, "Rate Exceeded: all " + CONCURRENCY
                        + " execution environments of " + function + " are busy; try again, or give it reserved concurrency"
                        + " above " + CONCURRENCY + ".");
            }
            busy.put(function, running + 1);
            busyOnDemand.put(function, onDemand + 1);
            return new Slot(warm(key), Optional.empty());
        }
    }

    private ThrottledException throttled(FunctionConfig config, long started, String requestId, String qualifier,
                                          String message) {
        records.record(new InvocationRecords.Invocation(config.name(), config.version(), qualifier, requestId, started, 0, 0,
                false, true, "", List.of()));
        return new ThrottledException(message);
    }

    /** A warm on-demand environment of {@code key}, or null; called holding this invoker's lock. */
    private Environment warm(String key) {
        Deque<Environment> warm = idle.get(key);
        while (warm != null && !warm.isEmpty()) {
            Environment env = warm.pollFirst();
            if (env.usable() && System.currentTimeMillis() - env.lastUsedMillis() < IDLE_MILLIS) {
                return env;
            }
            env.close();
        }
        return null;
    }

    private synchronized void release(String function, String key, Slot slot, Environment env) {
        busy.merge(function, -1, Integer::sum);
        if (slot.lease().isPresent()) {
            pools.giveBack(slot.lease().get(), env);
            return;
        }
        busyOnDemand.merge(function, -1, Integer::sum);
        if (env != null) {
            idle.computeIfAbsent(key, k -> new ArrayDeque<>()).addFirst(env);
        }
    }

    /** The provisioned environments of this invoker, which a {@link ProvisionedKeeper} keeps as configured. */
    WarmPools pools() {
        return pools;
    }

    private static Environment closeAndNull(Environment env) {
        env.close();
        return null;
    }

    /** {@code initType}: AWS_LAMBDA_INITIALIZATION_TYPE, on-demand or provisioned-concurrency, as Lambda sets it. */
    private Environment start(FunctionConfig config, String initType) {
        String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(config.codeSha256()));
        Path codeDir = code.unpacked(hex, () -> lambda.readCode(config.codeSha256()).orElseThrow(() -> new ResourceNotFoundException(
                "The code of " + config.name() + " (" + config.codeSha256() + ") is missing from the local store.")));
        Sandbox.TaskPaths seen = sandbox.paths(codeDir, runtimes.dir());
        FunctionSettings s = config.settings();
        String stream = LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/') + "/[" + config.version() + "]"
                + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> env = new HashMap<>(s.environment());
        String region = lambda.options().region();
        env.put("AWS_LAMBDA_FUNCTION_NAME", config.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", config.version());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(s.memorySize()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", stream);
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + s.runtime());
        env.put("_HANDLER", s.handler());
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", initType);
        env.put("LAMBDA_TASK_ROOT", seen.taskRoot().toString());
        env.put("LAMBDA_RUNTIME_DIR", seen.runtimeDir().toString());
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        env.put("PYTHONUNBUFFERED", "1");
        // a function's own AWS_ENDPOINT_URL_KMS wins, as it would on Lambda; the keys are reserved names it cannot set
        kms.environment().forEach(env::putIfAbsent);
        RuntimeLauncher.RuntimeCommand command = runtimes.command(s.runtime(), codeDir, seen);
        Environment.Spec spec = new Environment.Spec(sandbox.launch(command, codeDir, runtimes.dir(), env), s.timeout(),
                RuntimeLauncher.marksEnds(s.runtime()), stream);
        return Environment.start(spec, launcher);
    }

    private String resolve(String function, String qualifier) {
        if (qualifier.equals(FunctionConfig.LATEST) || qualifier.matches("[0-9]{1,9}")) {
            return qualifier;
        }
        Alias alias = lambda.getAlias(function, qualifier);
        if (alias.additionalVersion().isPresent()
                && ThreadLocalRandom.current().nextDouble() < alias.additionalVersion().get().weight()) {
            return alias.additionalVersion().get().version();
        }
        return alias.functionVersion();
    }

    private static String arn(FunctionConfig config, String qualifier) {
        String base = config.arn().replaceAll(":(\\$LATEST|[0-9]+)$", "");
        return base + ":" + qualifier;
    }

    /** Lambda's START/END/REPORT lines around what the function printed. */
    private static List<String> logLines(String id, String version, FunctionSettings s, Outcome o) {
        List<String> lines = new ArrayList<>();
        lines.add("START RequestId: " + id + " Version: " + version);
        lines.addAll(o.log());
        lines.add("END RequestId: " + id);
        long billed = (long) Math.ceil(o.durationMs());
        String report = String.format(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\t"
                + "Memory Size: %d MB\tMax Memory Used: %d MB", id, o.durationMs(), Math.max(1, billed), s.memorySize(),
                o.maxMemoryMb());
        if (o.initMs() > 0) {
            report += String.format(Locale.ROOT, "\tInit Duration: %.2f ms", o.initMs());
        }
        lines.add(report);
        return lines;
    }

    /** The last 4 KB of the invocation's log, base64 as X-Amz-Log-Result carries it. */
    private static String tail(List<String> log) {
        byte[] all = (String.join("\n", log) + "\n").getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, all.length - 4096);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(all, from, all.length));
    }

    private static void checkJson(byte[] payload) {
        if (payload.length == 0) {
            return;
        }
        try {
            JSON.std.anyFrom(payload);
        } catch (IOException e) {
            String why = e.getMessage().lines().findFirst().orElse("");
            throw new InvalidContentException("Could not parse request body into json: the payload is not valid JSON ("
                    + why + ").", "Could not parse request body into json: Could not parse payload into json: " + why, false);
        }
    }

    /** Returns once every invocation so far is recorded, for readers of logs and metrics in this process. */
    public void flush() {
        records.flush();
    }

    /** Environments idle for 10 minutes are stopped, as Lambda reclaims them. */
    private synchronized void retireIdle() {
        long now = System.currentTimeMillis();
        for (Deque<Environment> envs : idle.values()) {
            envs.removeIf(env -> {
                boolean retire = !env.usable() || now - env.lastUsedMillis() >= IDLE_MILLIS;
                if (retire) {
                    env.close();
                }
                return retire;
            });
        }
    }

    /**
     * Why invocations of this invoker could not be recorded (a full disk), if they could not; asked after
     * {@link #close}, so a command can report it rather than lose the log without a word.
     */
    public Optional<RuntimeException> recordingFailure() {
        return records.failure();
    }

    /** Waits for Event invocations still running, then stops every environment. */
    @Override
    public void close() {
        reaper.shutdownNow();
        async.shutdown();
        try {
            async.awaitTermination(15, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            idle.values().forEach(d -> d.forEach(Environment::close));
            idle.clear();
        }
        pools.close();
        launcher.shutdown();
        records.close();
        kms.close();
    }
}
