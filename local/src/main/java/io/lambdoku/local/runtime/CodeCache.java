package io.lambdoku.local.runtime;

import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.local.store.NoSpaceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Each version's code unpacked once per CodeSha256 under the store, read-only, as Lambda mounts
 * /var/task. Unpacked into a temp folder and renamed, so a crash never leaves half a tree in use.
 */
final class CodeCache {

    private final Path root;

    CodeCache(Path root) {
        this.root = root;
    }

    Path unpacked(String hex, byte[] zip) {
        Path dir = root.resolve(hex);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path tmp = null;
        try {
            Files.createDirectories(root);
            tmp = Files.createTempDirectory(root, ".unpack-");
            unzip(zip, tmp);
            readOnly(tmp);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException raced) {
                delete(tmp); // another process unpacked the same code first
            }
            return dir;
        } catch (IOException | RuntimeException e) {
            // judged before the half tree is removed: after that the disk no longer looks full
            Optional<NoSpaceException> full = NoSpaceException.of(e, root.getParent());
            deleteQuietly(tmp);
            if (full.isPresent()) {
                throw full.get();
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException("cannot unpack code " + hex + ": " + e.getMessage(), (IOException) e);
        }
    }

    private static void unzip(byte[] zip, Path into) throws IOException {
        Set<String> executables = ZipModes.executables(zip);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new InvalidParameterException("The code holds " + e.getName() + ", outside its folder.");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                copy(in, target);
                if (executables.contains(e.getName())) {
                    target.toFile().setExecutable(true, false);
                }
            }
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void readOnly(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(p));
                perms.removeAll(Set.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE,
                        PosixFilePermission.OTHERS_WRITE));
                if (Files.isDirectory(p)) {
                    perms.add(PosixFilePermission.OWNER_WRITE); // so the cache itself can be cleaned
                }
                Files.setPosixFilePermissions(p, perms);
            }
        }
    }

    /** No {@code .unpack-*} is left behind by a failed unpack (a full disk, a bad zip). */
    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            delete(dir);
        } catch (IOException e) {
            // gc removes stale .unpack-* folders
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
