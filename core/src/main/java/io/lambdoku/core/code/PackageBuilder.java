package io.lambdoku.core.code;

import io.lambdoku.core.deploy.HandlerCheck;
import io.lambdoku.core.deploy.Manifest;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.InvalidParameterException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns a function folder into its package: runs the manifest's build command (or a built-in recipe
 * for requirements.txt / package-lock.json, in a staging copy so the folder stays clean), then zips
 * reproducibly and checks the handler is in it. Fails before any call to a backend.
 */
public final class PackageBuilder {

    private final Map<String, String> vars;
    private final long epochSeconds;
    private final OutputStream log;

    /** {@code log}: where the build command's output goes (the terminal, or a buffer per function of many). */
    public PackageBuilder(Map<String, String> vars, long epochSeconds, OutputStream log) {
        this.vars = Map.copyOf(vars);
        this.epochSeconds = epochSeconds;
        this.log = log;
    }

    public CodeZip build(Manifest m) {
        m.build().ifPresent(command -> run(m.dir(), List.of("sh", "-c", command), "build command '" + command + "'"));
        Optional<Path> staging = recipe(m.dir());
        try {
            Path root = staging.orElse(m.dir());
            List<ReproducibleZip.Entry> entries = FolderPackage.entries(root, m.packageSpec(vars, epochSeconds));
            if (entries.isEmpty()) {
                throw new InvalidParameterException("Nothing to package in " + m.dir() + ": no files match its include globs.");
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            entries.forEach(e -> files.put(e.name(), e.content()));
            HandlerCheck.check(m.runtime(), m.handler(), files);
            return Zips.checked(ReproducibleZip.write(entries, epochSeconds), m.dir().toString());
        } finally {
            staging.ifPresent(PackageBuilder::delete);
        }
    }

    /** Node and Python dependencies are installed into a staging copy, never into the user's folder. */
    private Optional<Path> recipe(Path dir) {
        if (Files.isRegularFile(dir.resolve("package-lock.json"))) {
            Path staging = copy(dir);
            run(staging, List.of("npm", "ci", "--omit=dev", "--no-audit", "--no-fund"), "npm ci --omit=dev");
            return Optional.of(staging);
        }
        if (Files.isRegularFile(dir.resolve("requirements.txt")) && hasRequirements(dir.resolve("requirements.txt"))) {
            Path staging = copy(dir);
            run(staging, List.of("python3", "-m", "pip", "install", "--quiet", "-r", "requirements.txt", "-t", "."),
                    "pip install -r requirements.txt");
            return Optional.of(staging);
        }
        return Optional.empty();
    }

    private static boolean hasRequirements(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
        } catch (IOException e) {
            throw new InvalidParameterException("Cannot read " + file + ": " + e.getMessage() + ".");
        }
    }

    private void run(Path dir, List<String> command, String what) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getInputStream().transferTo(log);
            int exit = p.waitFor();
            if (exit != 0) {
                throw new InvalidParameterException("The " + what + " failed in " + dir + " (exit " + exit
                        + "); see its output above. Nothing was deployed.");
            }
        } catch (IOException e) {
            throw new InvalidParameterException("Cannot run the " + what + ": " + e.getMessage() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidParameterException("The " + what + " was interrupted.");
        }
    }

    private static Path copy(Path dir) {
        try {
            Path staging = Files.createTempDirectory("lambdoku-build");
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path rel = dir.relativize(p);
                    if (rel.startsWith("node_modules") || rel.startsWith(".git")) {
                        continue;
                    }
                    Path to = staging.resolve(rel.toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return staging;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir is harmless
        }
    }

    /** The variables --var-file and --var give, --var winning. */
    public static Map<String, String> vars(List<String> assignments, List<Path> files) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (Path f : files) {
            vars.putAll(io.lambdoku.core.config.EnvAssignments.parseDotEnv(f));
        }
        for (int i = 0; i < assignments.size(); i++) {
            String a = assignments.get(i);
            int eq = a.indexOf('=');
            if (eq <= 0) {
                // by position only: a --var may carry a secret into the package
                throw new InvalidParameterException("--var number " + (i + 1) + " is not NAME=VALUE (it is not shown,"
                        + " as it may hold a secret).");
            }
            vars.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return vars;
    }
}
