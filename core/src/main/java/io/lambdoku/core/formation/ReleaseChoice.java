package io.lambdoku.core.formation;

import io.lambdoku.core.code.ReproducibleZip;
import io.lambdoku.core.deploy.DeployMessage;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.plan.Applied;
import io.lambdoku.core.plan.Engine;
import io.lambdoku.core.plan.FunctionPlan;
import io.lambdoku.core.plan.Target;
import io.lambdoku.core.plan.Targets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Turns a row's Version into the release its alias {@code live} should serve: a release ("7", "v7") that must
 * exist; an alias of the function (the release it points at now); "git:REF" of Source, exported at the commit
 * and deployed as one release {@code Deploy <sha8> (git <sha>)}; no Version with a Source, the folder as it is;
 * neither, the function's newest release. Deploys go through the deploy engine, which makes no release when
 * nothing changed, so the same commit deployed again (a resync, a restarted reactor) makes none.
 */
final class ReleaseChoice {

    /** What the row resolved to: the release number, and the release message when this call made it. */
    record Chosen(String release, Optional<String> deployed) {
    }

    private final LambdaApi api;
    private final Engine engine;
    private final Events steps;
    private final Path base;

    ReleaseChoice(LambdaApi api, Engine engine, Events steps, Path base) {
        this.api = api;
        this.engine = engine;
        this.steps = steps;
        this.base = base;
    }

    /** {@code deploying} is told what will be deployed before the engine changes anything. */
    Chosen choose(String name, Desired d, Consumer<String> deploying) {
        Optional<String> version = d.version().map(String::strip).filter(v -> !v.isEmpty());
        Optional<Path> source = d.source().map(String::strip).filter(s -> !s.isEmpty()).map(s -> base.resolve(s).normalize());
        Optional<String> ref = version.flatMap(DesiredRules::gitRef);
        if (ref.isPresent()) {
            Path folder = source.orElseThrow(() -> new FormationException("Version " + version.get()
                    + " is a git ref of Source, and the row has no Source."));
            return fromGit(name, folder, ref.get(), deploying);
        }
        if (version.isPresent()) {
            return new Chosen(existing(name, version.get()), Optional.empty());
        }
        if (source.isPresent()) {
            return deploy(name, source.get(), Optional.empty(), deploying);
        }
        return new Chosen(newest(name), Optional.empty());
    }

    private Chosen fromGit(String name, Path folder, String ref, Consumer<String> deploying) {
        GitSource git = new GitSource(folder);
        String commit = git.commit(ref);
        Path dir = tempDir();
        try {
            git.export(commit, dir);
            return deploy(name, dir, Optional.of(commit), deploying);
        } finally {
            deleteTree(dir);
        }
    }

    private Chosen deploy(String name, Path dir, Optional<String> commit, Consumer<String> deploying) {
        Targets.Request request = new Targets.Request(Optional.of(name), Optional.empty(), Optional.empty(), Map.of(),
                ReproducibleZip.DEFAULT_EPOCH_SECONDS);
        ByteArrayOutputStream buildLog = new ByteArrayOutputStream();
        Target built = new Targets(steps).folder(dir, request, buildLog);
        Target target = commit.isEmpty() ? built : new Target(built.manifest(), built.code(),
                DeployMessage.of(built.code(), Optional.empty(), commit), true);
        FunctionPlan plan = engine.plan(target);
        if (!plan.changed()) {
            return new Chosen(String.valueOf(plan.newestRelease().orElseThrow(() -> new FormationException(
                    name + " has no release to serve."))), Optional.empty());
        }
        deploying.accept(target.release());
        Applied applied = engine.deploy(target);
        return new Chosen(String.valueOf(applied.version()), applied.release().map(r -> target.release()));
    }

    /** A release number that exists, or the release an alias points at. */
    private String existing(String name, String version) {
        Optional<String> release = DesiredRules.release(version);
        if (release.isPresent()) {
            String n = release.get();
            try {
                return api.getFunction(name, n).version();
            } catch (ResourceNotFoundException e) {
                if (!exists(name)) {
                    throw new FormationException("No function " + name + " to serve release v" + n
                            + " of; give the row a Source to deploy it from.");
                }
                throw new FormationException("No release v" + n + " of " + name + " (newest: " + newestOrNone(name) + ").");
            }
        }
        if (Reconciler.LIVE.equals(version)) {
            throw new FormationException("Version live names the alias the reactor points; give a release, another alias or git:REF.");
        }
        try {
            Alias a = api.getAlias(name, version);
            return a.functionVersion();
        } catch (ResourceNotFoundException e) {
            throw new FormationException("Version " + version + " is neither a release (7, v7), an alias of " + name
                    + " nor git:REF.");
        }
    }

    private boolean exists(String name) {
        try {
            api.getFunction(name, FunctionConfig.LATEST);
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private String newest(String name) {
        try {
            List<FunctionConfig> versions = api.listVersions(name);
            return versions.stream().filter(v -> !v.isLatest()).map(FunctionConfig::version).reduce((a, b) -> b)
                    .orElseThrow(() -> new FormationException(name + " has no release yet; give the row a Version or a Source."));
        } catch (ResourceNotFoundException e) {
            throw new FormationException("No function " + name + " and the row has no Source to deploy it from.");
        }
    }

    private String newestOrNone(String name) {
        try {
            return "v" + newest(name);
        } catch (FormationException e) {
            return "none";
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("lambdoku-reactor-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a temp dir for the git export", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir is harmless
        }
    }
}
