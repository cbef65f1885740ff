package io.lambdoku.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The launcher's per-build cache dir ({@code -Dlambdoku.cache}), keyed to this build's jars and JVM: what the
 * training run derives from the build (commands' shapes, the rendered help) for every later run to read.
 * Without it (no launcher, {@code LAMBDOKU_NO_CDS}), runs derive it themselves.
 */
final class BuildCache {

    private BuildCache() {
    }

    static Optional<Path> file(String folder, String name) {
        String cache = System.getProperty("lambdoku.cache");
        return cache == null ? Optional.empty() : Optional.of(Path.of(cache, folder, name));
    }

    /** Replaces {@code file} whole: a run reading it beside a training run sees the old bytes or the new. */
    static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
