package io.lambdoku.core.secret;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A random key kept in one file, made on first use: readable by its owner only (mode 0600, in a folder
 * made 0700), and never replaced, so fingerprints stay comparable from one run to the next.
 */
public final class KeyFile {

    private KeyFile() {
    }

    /** The key in {@code file}, creating it with {@code bytes} random bytes if it does not exist yet. */
    public static byte[] loadOrCreate(Path file, int bytes) {
        try {
            if (!Files.exists(file)) {
                create(file, bytes);
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != bytes) {
                throw new InvalidParameterException(file + " is not a key of " + bytes + " bytes; delete it and"
                        + " lambdoku makes a new one (fingerprints shown before will not match those shown after).");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Written to a private temporary file, then linked into place: a link never replaces a file, so of
     * two processes making the key at once one wins and both read the winner's.
     */
    private static void create(Path file, int bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, ownerOnly("rwx------"));
        }
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp", ownerOnly("rw-------"));
        try {
            Files.write(temp, key);
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: use theirs
            } catch (UnsupportedOperationException | FileSystemException noLinks) {
                if (!Files.exists(file)) {
                    Files.move(temp, file);
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileAttribute<?>[] ownerOnly(String mode) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))}
                : new FileAttribute<?>[0];
    }
}
