package io.lambdoku.core.plan;

import io.lambdoku.core.infra.SpecJson;
import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.code.ResolvedPackage;
import io.lambdoku.core.code.S3Package;
import io.lambdoku.core.deploy.Manifest;
import io.lambdoku.core.infra.FunctionInfra;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.S3Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan saved to apply later ({@code lambdoku plan -o FILE}): versioned JSON holding, per function, what
 * it should become (settings, role, schedules, alarms, concurrency, aliases, the release message), the
 * package itself (base64, checked against its CodeSha256 when read back; an S3 package by location, version and
 * ETag), what was observed, and the
 * changes. Written owner-only: a manifest's default environment may hold secrets.
 */
public final class PlanFile {

    static final String FORMAT = "lambdoku-plan";
    static final int VERSION = 1;

    /** A plan read back, and the backend it was made against. */
    public record Saved(Plan plan, String backend, Instant created) {
    }

    private PlanFile() {
    }

    public static void write(Plan plan, String backend, Path file) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("created", Instant.now().toString());
        root.put("backend", backend);
        root.put("summary", plan.summary());
        root.put("functions", plan.functions().stream().map(PlanFile::function).toList());
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".lambdoku-plan", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions apply
            }
            Files.write(tmp, JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asBytes(root));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InvalidParameterException("Cannot write the plan to " + file + ": " + e.getMessage() + ".");
        }
    }

    public static Saved read(Path file) {
        Map<String, Object> root;
        try {
            root = JSON.std.mapFrom(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new InvalidParameterException("No plan file " + file + "; make one with 'lambdoku plan -o " + file.getFileName() + "'.");
        } catch (IOException e) {
            throw new InvalidParameterException(file + " is not a lambdoku plan file (" + e.getMessage().lines().findFirst().orElse("") + ").");
        }
        if (root == null || !FORMAT.equals(root.get("format"))) {
            throw new InvalidParameterException(file + " is not a lambdoku plan file; make one with 'lambdoku plan -o FILE'.");
        }
        if (!Integer.valueOf(VERSION).equals(root.get("version"))) {
            throw new InvalidParameterException(file + " is a plan of format version " + root.get("version") + "; this lambdoku"
                    + " reads version " + VERSION + "; run 'lambdoku plan' again.");
        }
        try {
            List<FunctionPlan> functions = new ArrayList<>();
            for (Object f : SpecJson.list(root.get("functions"))) {
                functions.add(function(file, SpecJson.map(f)));
            }
            return new Saved(new Plan(functions), String.valueOf(root.get("backend")), Instant.parse((String) root.get("created")));
        } catch (ClassCastException | NullPointerException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new InvalidParameterException(file + " is a damaged plan file (" + e.getMessage() + "); run 'lambdoku plan' again.");
        }
    }

    private static Map<String, Object> function(FunctionPlan p) {
        Target t = p.target();
        Manifest m = t.manifest();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("function", t.function());
        Map<String, Object> fn = new LinkedHashMap<>();
        fn.put("dir", m.dir().toString());
        fn.put("runtime", m.runtime());
        fn.put("handler", m.handler());
        fn.put("memory", m.memory());
        fn.put("timeout", m.timeout());
        fn.put("role", m.role().orElse(null));
        fn.put("architecture", m.architecture());
        fn.put("description", m.description());
        fn.put("environment", m.environment());
        fn.put("layers", m.layers());
        fn.put("kmsKeyArn", m.kmsKeyArn().orElse(null));
        fn.put("secrets", m.secrets()); // so apply checks again that none of them ships in plaintext
        f.put("manifest", fn);
        FunctionInfra i = m.infra();
        Map<String, Object> infra = new LinkedHashMap<>();
        infra.put("role", i.role().map(SpecJson::role).orElse(null));
        infra.put("schedules", i.schedules().stream().map(SpecJson::schedule).toList());
        infra.put("alarms", i.alarms().stream().map(SpecJson::alarm).toList());
        infra.put("reservedConcurrency", i.reservedConcurrency().orElse(null));
        infra.put("aliases", i.aliases());
        f.put("infra", infra);
        f.put("managesInfra", t.managesInfra());
        f.put("release", t.release());
        f.put("package", pkg(t));
        f.put("observed", p.observed());
        f.put("changes", p.changes().stream().map(c -> Map.of("action", c.action().marker(), "resource", c.resource(),
                "line", c.line())).toList());
        return f;
    }

    @SuppressWarnings("unchecked")
    private static FunctionPlan function(Path file, Map<String, Object> f) {
        String name = (String) f.get("function");
        Map<String, Object> fn = SpecJson.map(f.get("manifest"));
        Map<String, Object> infra = SpecJson.map(f.get("infra"));
        FunctionInfra i = new FunctionInfra(
                Optional.ofNullable(infra.get("role")).map(r -> SpecJson.role(SpecJson.map(r))),
                SpecJson.list(infra.get("schedules")).stream().map(s -> SpecJson.schedule(SpecJson.map(s))).toList(),
                SpecJson.list(infra.get("alarms")).stream().map(a -> SpecJson.alarm(SpecJson.map(a))).toList(),
                Optional.ofNullable((Number) infra.get("reservedConcurrency")).map(Number::intValue),
                (Map<String, String>) (Map<?, ?>) SpecJson.map(infra.get("aliases")));
        Manifest m = new Manifest(Path.of((String) fn.get("dir")), name, (String) fn.get("runtime"), (String) fn.get("handler"),
                ((Number) fn.get("memory")).intValue(), ((Number) fn.get("timeout")).intValue(),
                Optional.ofNullable((String) fn.get("role")), (String) fn.get("architecture"), (String) fn.get("description"),
                (Map<String, String>) (Map<?, ?>) SpecJson.map(fn.get("environment")), SpecJson.strings(fn.get("layers")),
                List.of(), List.of(), Optional.empty(), List.of(), i, SpecJson.strings(fn.get("secrets")))
                .withKmsKeyArn(Optional.ofNullable((String) fn.get("kmsKeyArn")));
        Map<String, Object> pkg = SpecJson.map(f.get("package"));
        String release = (String) f.get("release");
        boolean managesInfra = Boolean.TRUE.equals(f.get("managesInfra"));
        Target t = pkg.containsKey("s3") ? Target.fromS3(m, s3(pkg), release, managesInfra)
                : new Target(m, code(file, name, pkg), release, managesInfra);
        List<ResourceChange> changes = SpecJson.list(f.get("changes")).stream().map(SpecJson::map)
                .map(c -> new ResourceChange(ResourceChange.Action.ofMarker((String) c.get("action")), (String) c.get("resource"),
                        (String) c.get("line"))).toList();
        return new FunctionPlan(t, (Map<String, String>) (Map<?, ?>) SpecJson.map(f.get("observed")), changes, Optional.empty());
    }

    /**
     * A zip is carried in the plan itself; an S3 package is not (it may be 250 MB, and it is already kept):
     * the plan records where it is, the version and ETag seen, and what Lambda will report for it.
     */
    private static Map<String, Object> pkg(Target t) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("codeSha256", t.code().codeSha256());
        p.put("size", t.code().size());
        if (t.s3().isPresent()) {
            ResolvedPackage r = t.s3().get();
            Map<String, Object> s3 = new LinkedHashMap<>();
            s3.put("requested", r.requested().uri());
            s3.put("bucket", r.code().bucket());
            s3.put("key", r.code().key());
            s3.put("versionId", r.code().version().orElse(null));
            s3.put("eTag", r.eTag());
            p.put("s3", s3);
        } else if (t.code() instanceof CodeZip zip) {
            p.put("zip", Base64.getEncoder().encodeToString(zip.bytes()));
        }
        return p;
    }

    private static ResolvedPackage s3(Map<String, Object> pkg) {
        Map<String, Object> s3 = SpecJson.map(pkg.get("s3"));
        String eTag = (String) s3.get("eTag");
        S3Code code = new S3Code((String) s3.get("bucket"), (String) s3.get("key"), Optional.ofNullable((String) s3.get("versionId")),
                (String) pkg.get("codeSha256"), ((Number) pkg.get("size")).longValue(), Optional.of(eTag));
        return new ResolvedPackage(S3Package.parse((String) s3.get("requested")), code, eTag, false);
    }

    /** The package carried in the plan, refused when its bytes are not the ones planned. */
    private static CodeZip code(Path file, String function, Map<String, Object> pkg) {
        CodeZip code = new CodeZip(Base64.getDecoder().decode((String) pkg.get("zip")));
        if (!code.codeSha256().equals(pkg.get("codeSha256"))) {
            throw new InvalidParameterException(file + ": the package of " + function + " does not match its CodeSha256 "
                    + pkg.get("codeSha256") + " (the file was changed or damaged); run 'lambdoku plan' again.");
        }
        return code;
    }
}
