package io.lambdoku.core.code;

import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder packaged reproducibly: the files the spec selects, sorted by path, #{tokens} substituted,
 * zipped by {@link ReproducibleZip}. Symlinks to files inside the folder are packaged as the file
 * they point to; a symlink leading out of the folder is refused, so a package never carries a host's files.
 */
public final class FolderPackage {

    private FolderPackage() {
    }

    public static CodeZip build(Path dir, PackageSpec spec) {
        List<ReproducibleZip.Entry> entries = entries(dir, spec);
        if (entries.isEmpty()) {
            throw new InvalidParameterException("Nothing to package in " + dir + ": no files"
                    + (spec.include().isEmpty() ? "" : " match include " + spec.include()) + ".");
        }
        return Zips.checked(ReproducibleZip.write(entries, spec.epochSeconds()), dir.toString());
    }

    /** The files that go in, with their final contents, sorted by their path in the zip. */
    public static List<ReproducibleZip.Entry> entries(Path dir, PackageSpec spec) {
        Path root = realRoot(dir);
        Globs include = new Globs(spec.include());
        List<String> excludes = new ArrayList<>(PackageSpec.ALWAYS_EXCLUDED);
        excludes.addAll(spec.exclude());
        Globs exclude = new Globs(excludes);
        Globs substitute = new Globs(spec.substitute());
        List<String> missing = new ArrayList<>();
        List<ReproducibleZip.Entry> entries = new ArrayList<>();
        long unzipped = 0;
        for (Path file : files(root)) {
            Path relative = root.relativize(file);
            if (exclude.matches(relative) || !include.isEmpty() && !include.matches(relative)) {
                continue;
            }
            Path real = followInside(root, file, relative);
            byte[] content = read(real);
            unzipped += content.length;
            if (unzipped > LambdaLimits.MAX_UNZIPPED_BYTES) {
                throw new InvalidParameterException(dir + " holds over 250 MB of files to package, Lambda's unzipped limit;"
                        + " exclude some in lambdoku.json.");
            }
            String name = relative.toString().replace('\\', '/');
            if (substitute.matches(relative)) {
                Optional<byte[]> replaced = Substitution.apply(name, content, spec.vars(), missing);
                if (replaced.isPresent()) {
                    content = replaced.get();
                }
            }
            entries.add(new ReproducibleZip.Entry(name, content, Files.isExecutable(real)));
        }
        if (!missing.isEmpty()) {
            throw new InvalidParameterException("Unresolved substitution tokens (pass --var NAME=VALUE or --var-file): "
                    + String.join(", ", missing) + ".");
        }
        entries.sort((a, b) -> a.name().compareTo(b.name()));
        return entries;
    }

    private static Path realRoot(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new InvalidParameterException("No such folder: " + dir + ".");
        }
    }

    private static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidParameterException("Cannot read folder " + root + ": " + e.getMessage() + ".");
        }
    }

    private static Path followInside(Path root, Path file, Path relative) {
        if (!Files.isSymbolicLink(file)) {
            return file;
        }
        Path target;
        try {
            target = file.toRealPath();
        } catch (IOException e) {
            throw new InvalidParameterException("The symlink " + relative + " points nowhere; remove it or exclude it.");
        }
        if (!target.startsWith(root)) {
            throw new InvalidParameterException("The symlink " + relative + " points out of the folder (" + target
                    + "); a package may only hold the folder's own files.");
        }
        if (Files.isDirectory(target)) {
            throw new InvalidParameterException("The symlink " + relative + " points to a folder; link files, or exclude it.");
        }
        return target;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidParameterException("Cannot read " + file + ": " + e.getMessage() + ".");
        }
    }
}
