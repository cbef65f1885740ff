package io.lambdoku.local.runtime;

import io.lambdoku.local.store.Trees;
import io.lambdoku.local.store.NoSpaceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Each version's code unpacked once per CodeSha256 under the store, read-only, as Lambda mounts
 * /var/task. The tree's hash is recorded next to it when it is unpacked and checked again before
 * every environment starts in it: an entry changed since (by a function running without the sandbox,
 * or by hand) is thrown away and unpacked again from the zip.
 *
 * <p>Unpacking holds a lock per code (a file lock against other lambdoku processes on the same store,
 * a monitor against other threads here), so concurrent first invocations unpack once and the others
 * wait for that tree instead of racing it.
 */
final class CodeCache {

    private final Path root;
    private final ConcurrentHashMap<String, Object> unpacking = new ConcurrentHashMap<>();

    CodeCache(Path root) {
        this.root = root;
    }

    /** The folder holding code {@code hex}, intact; {@code zip} is read only when it must be unpacked. */
    Path unpacked(String hex, Supplier<byte[]> zip) {
        Path dir = root.resolve(hex);
        if (intact(hex, dir)) {
            return dir;
        }
        synchronized (unpacking.computeIfAbsent(hex, k -> new Object())) {
            try {
                Files.createDirectories(root);
                try (FileChannel lockFile = FileChannel.open(root.resolve(hex + ".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                     FileLock held = lock(lockFile)) {
                    if (intact(hex, dir)) {
                        return dir; // another thread or process unpacked it while this one waited
                    }
                    discard(dir);
                    unpack(hex, zip.get(), dir);
                    return dir;
                }
            } catch (IOException e) {
                NoSpaceException.of(e, root.getParent()).ifPresent(full -> {
                    throw full;
                });
                throw new UncheckedIOException("cannot unpack code " + hex + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The OS lock keeps other processes out. Java holds file locks per JVM, so another cache on the same
     * store in this JVM (a server and a CLI run in one test) gets OverlappingFileLockException instead
     * of waiting: then it polls.
     */
    private static FileLock lock(FileChannel file) throws IOException {
        while (true) {
            try {
                return file.lock();
            } catch (OverlappingFileLockException heldHere) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for another unpack of the same code", e);
                }
            }
        }
    }

    /** Whether the folder is there and hashes as it did when it was unpacked. */
    private boolean intact(String hex, Path dir) {
        Optional<String> recorded = recorded(hex);
        if (recorded.isEmpty() || !Files.isDirectory(dir)) {
            return false;
        }
        try {
            return CodeTree.hash(dir).equals(recorded.get());
        } catch (IOException | UncheckedIOException e) {
            return false; // changing under us (another process discarding it) or unreadable: unpack again
        }
    }

    private Optional<String> recorded(String hex) {
        try {
            return Optional.of(Files.readString(treeFile(hex), StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recorded hash of code " + hex + ": " + e.getMessage(), e);
        }
    }

    /**
     * Unpacked into a temp folder, hashed, and renamed into place, so a crash never leaves half a tree
     * that looks whole. The hash is written first: a crash between the two leaves no folder, which is
     * unpacked again.
     */
    private void unpack(String hex, byte[] zip, Path dir) throws IOException {
        Path tmp = null;
        Path hashTmp = null;
        try {
            tmp = Files.createTempDirectory(root, ".unpack-");
            CodeTree.unzip(zip, tmp);
            CodeTree.readOnly(tmp);
            hashTmp = Files.createTempFile(root, ".tree-", ".tmp");
            Files.writeString(hashTmp, CodeTree.hash(tmp) + "\n", StandardCharsets.UTF_8);
            Files.move(hashTmp, treeFile(hex), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // judged before the half tree is removed: after that the disk no longer looks full
            Optional<NoSpaceException> full = NoSpaceException.of(e, root.getParent());
            Trees.deleteQuietly(tmp);
            Trees.deleteQuietly(hashTmp);
            if (full.isPresent()) {
                throw full.get();
            }
            throw e;
        }
    }

    /** Moves a missing or changed tree out of the way first (one rename), then deletes it. */
    private void discard(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path trash = root.resolve(".discarded-" + UUID.randomUUID());
        Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
        Trees.deleteQuietly(trash);
    }

    private Path treeFile(String hex) {
        return root.resolve(hex + ".tree");
    }
}
