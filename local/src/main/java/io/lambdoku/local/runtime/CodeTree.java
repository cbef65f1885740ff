package io.lambdoku.local.runtime;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The files of one unpacked package: unzipped, made read-only, hashed as a tree, deleted. */
final class CodeTree {

    private CodeTree() {
    }

    static void unzip(byte[] zip, Path into) throws IOException {
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
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                if (executables.contains(e.getName())) {
                    target.toFile().setExecutable(true, false);
                }
            }
        }
    }

    /** No write bits on files; folders keep the owner's, so the cache itself can be cleaned. */
    static void readOnly(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(p));
                perms.removeAll(Set.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE,
                        PosixFilePermission.OTHERS_WRITE));
                if (Files.isDirectory(p)) {
                    perms.add(PosixFilePermission.OWNER_WRITE);
                }
                Files.setPosixFilePermissions(p, perms);
            }
        }
    }

    /**
     * SHA-256 over every entry in path order: its kind, path, executable bit, size and bytes (a
     * symlink's target). Adding, removing, renaming, rewriting or chmod +x-ing anything changes it.
     */
    static String hash(Path dir) throws IOException {
        MessageDigest digest = sha256();
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(dir)) {
            entries = walk.filter(p -> !p.equals(dir)).sorted((a, b) -> relative(dir, a).compareTo(relative(dir, b))).toList();
        }
        byte[] buffer = new byte[64 * 1024];
        for (Path p : entries) {
            String name = relative(dir, p);
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String head;
            if (a.isSymbolicLink()) {
                head = "l " + name + " " + Files.readSymbolicLink(p);
            } else if (a.isDirectory()) {
                head = "d " + name;
            } else if (a.isRegularFile()) {
                head = "f " + name + " " + (Files.isExecutable(p) ? "x" : "-") + " " + a.size();
            } else {
                head = "o " + name;
            }
            digest.update((head + "\n").getBytes(StandardCharsets.UTF_8));
            if (a.isRegularFile()) {
                try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String relative(Path dir, Path p) {
        return dir.relativize(p).toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
