package io.lambdoku.local.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Code zips as files named by the hex SHA-256 of their bytes. A blob appears only by an atomic rename
 * of a fully written, fsynced temp file, so no reader ever sees half a zip.
 */
public final class BlobStore {

    private final Path root;
    private final Path tmp;

    public BlobStore(Path blobs) {
        this.root = blobs.resolve("sha256");
        this.tmp = blobs.resolve("tmp");
    }

    public Path path(String hex) {
        return root.resolve(hex);
    }

    public boolean exists(String hex) {
        return Files.isRegularFile(path(hex));
    }

    /**
     * Stores the bytes under {@code hex}. A failed write (a full disk) removes its temp file before
     * reporting, so no {@code .part} is left behind.
     */
    public void put(String hex, byte[] bytes) {
        if (exists(hex)) {
            return;
        }
        Path part = null;
        try {
            Files.createDirectories(root);
            Files.createDirectories(tmp);
            part = Files.createTempFile(tmp, hex + ".", ".part");
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            moveIntoPlace(part, path(hex));
        } catch (IOException e) {
            // judged while the part still takes its space: after its removal the disk no longer looks full
            java.util.Optional<NoSpaceException> full = NoSpaceException.of(e, root.getParent().getParent());
            deleteQuietly(part);
            if (full.isPresent()) {
                throw full.get();
            }
            throw new UncheckedIOException("cannot store code blob " + hex + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // gc removes a .part no writer owns
        }
    }

    /** The folder of half-written blobs, {@code <hex>.<random>.part}. */
    public Path partsFolder() {
        return tmp;
    }

    /** The folder of the blobs themselves, named by hex. */
    public Path folder() {
        return root;
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
            Files.deleteIfExists(part); // another process stored the same bytes first
        }
    }

    public Optional<byte[]> read(String hex) {
        try {
            return exists(hex) ? Optional.of(Files.readAllBytes(path(hex))) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a blob and any temp files a dead writer left for it. */
    public void delete(String hex) {
        try {
            Files.deleteIfExists(path(hex));
            if (Files.isDirectory(tmp)) {
                try (var parts = Files.newDirectoryStream(tmp, hex + ".*.part")) {
                    for (Path p : parts) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
