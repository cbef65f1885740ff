package io.lambdoku.core.plan;

import io.lambdoku.core.code.PackageBuilder;
import io.lambdoku.core.code.ResolvedPackage;
import io.lambdoku.core.code.S3PackageResolver;
import io.lambdoku.core.code.Zips;
import io.lambdoku.core.deploy.DeployMessage;
import io.lambdoku.core.deploy.HandlerCheck;
import io.lambdoku.core.deploy.Manifest;
import io.lambdoku.core.deploy.ManifestReader;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.infra.FunctionInfra;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.LambdaLimits;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The first steps of every deploy and plan: read the manifest, build the package, word the release
 * message. A folder of functions is the folders below it that hold a lambdoku.json.
 */
public final class Targets {

    /**
     * What a run adds to each manifest: {@code name} (deploy -a), an {@code alias} to point at the release
     * made, a {@code message} for the release, values for #{tokens}, the zip timestamp.
     */
    public record Request(Optional<String> name, Optional<String> alias, Optional<String> message, Map<String, String> vars,
                          long epochSeconds) {
        public Request {
            vars = Map.copyOf(vars);
            alias.ifPresent(LambdaLimits::checkAliasName);
        }
    }

    private final Events events;

    public Targets(Events events) {
        this.events = events;
    }

    /** Folders below {@code dir} holding a lambdoku.json, sorted. */
    public static List<Path> functionFolders(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).filter(ManifestReader::present).sorted().toList();
        } catch (IOException e) {
            throw new InvalidParameterException("Cannot read folder " + dir + ": " + e.getMessage() + ".");
        }
    }

    /** Reads and builds one function folder; the build command's output goes to {@code buildLog}. */
    public Target folder(Path dir, Request request, OutputStream buildLog) {
        Manifest m = manifest(dir, request);
        events.step(m.name(), "build");
        CodeZip code = new PackageBuilder(request.vars(), request.epochSeconds(), buildLog).build(m);
        return new Target(m, code, DeployMessage.of(code, request.message(), DeployMessage.gitSha(dir)), true);
    }

    /**
     * A function folder whose package is already in S3 ({@code deploy DIR --package s3://…}: build once, deploy
     * that artifact to each stage): the manifest's settings and what lives around the function, with the object as
     * its code; nothing is built. The handler is checked only when the function is new or its runtime or handler
     * change, the one case that reads the object's bytes.
     */
    public Target folder(Path dir, Request request, ResolvedPackage found, LambdaApi api, S3PackageResolver packages) {
        Manifest m = manifest(dir, request);
        Optional<FunctionSettings> current = settings(api, m.name());
        if (current.map(s -> !s.runtime().equals(m.runtime()) || !s.handler().equals(m.handler())).orElse(true)) {
            HandlerCheck.check(m.runtime(), m.handler(), packages.download(m.name(), found, events),
                    "fix the handler in " + Manifest.FILE + " or the package");
        }
        return Target.fromS3(m, found, DeployMessage.of(found.code(), request.message(), DeployMessage.gitSha(dir)), true);
    }

    private Manifest manifest(Path dir, Request request) {
        events.step(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString(), "read manifest");
        Manifest m = ManifestReader.read(dir);
        m = request.name().map(m::withName).orElse(m);
        return withAlias(m, request.alias());
    }

    private static Optional<FunctionSettings> settings(LambdaApi api, String function) {
        try {
            return Optional.of(api.getFunction(function, FunctionConfig.LATEST).settings());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * A zip deployed as it is, to an existing function: it carries no manifest, so the function keeps its
     * settings and nothing around it (schedules, alarms) is managed.
     */
    public Target zip(LambdaApi api, Path zip, String function, Request request) {
        CodeZip code = Zips.load(zip);
        Manifest m = withAlias(kept(api, function, zip.toAbsolutePath().getParent()), request.alias());
        return new Target(m, code, DeployMessage.of(code, request.message(), Optional.empty()), false);
    }

    /**
     * An S3 package ({@code s3://BUCKET/KEY[?versionId=V]}, resolved by the backend's {@link S3PackageResolver}
     * first, so a backend without S3 refuses before anything is read) deployed by reference to an existing
     * function, as a zip is: it keeps its settings, so its handler does not change and the object is never
     * downloaded for a handler check (only to compute a CodeSha256 S3 does not hold).
     */
    public Target s3(LambdaApi api, ResolvedPackage found, String function, Request request) {
        Manifest m = withAlias(kept(api, function, Path.of("").toAbsolutePath()), request.alias());
        return Target.fromS3(m, found, DeployMessage.of(found.code(), request.message(), Optional.empty()), false);
    }

    /** The manifest of an existing function as it is: what a package without a manifest deploys under. */
    private static Manifest kept(LambdaApi api, String function, Path dir) {
        FunctionConfig current = api.getFunction(function, FunctionConfig.LATEST);
        FunctionSettings s = current.settings();
        return new Manifest(dir, function, s.runtime(), s.handler(), s.memorySize(), s.timeout(), Optional.of(s.role()),
                s.architecture(), current.description(), Map.of(), s.layers(), List.of(), List.of(), Optional.empty(), List.of())
                .withKmsKeyArn(s.kmsKeyArn());
    }

    /** deploy --alias A: A points at the release made, besides the manifest's own aliases. */
    private static Manifest withAlias(Manifest m, Optional<String> alias) {
        if (alias.isEmpty()) {
            return m;
        }
        FunctionInfra i = m.infra();
        Map<String, String> aliases = new LinkedHashMap<>(i.aliases());
        aliases.put(alias.get(), "release");
        return m.withInfra(new FunctionInfra(i.role(), i.schedules(), i.alarms(), i.reservedConcurrency(), aliases));
    }
}
