package io.lambdoku.cli.deploy;

import io.lambdoku.cli.UsageException;
import io.lambdoku.core.deploy.Manifest;
import io.lambdoku.core.deploy.ManifestReader;
import io.lambdoku.core.plan.Parallel;
import io.lambdoku.core.plan.Target;
import io.lambdoku.core.plan.Targets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** plan and apply DIR: one function folder, or a folder of them (read and built in parallel; a plan is whole or nothing). */
final class Folders {

    private Folders() {
    }

    static List<Target> targets(Path dir, String given, Targets targets, Targets.Request request, OutputStream log) {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("No such folder: " + given + ".");
        }
        if (ManifestReader.present(dir)) {
            return List.of(targets.folder(dir, request, log));
        }
        List<Parallel.Attempt<Target>> built = Parallel.each(functionFolders(dir, given), 4,
                f -> targets.folder(f, request, OutputStream.nullOutputStream()));
        built.forEach(a -> a.failure().ifPresent(e -> {
            throw e;
        }));
        return built.stream().map(a -> a.value().orElseThrow()).toList();
    }

    /** The subfolders of {@code dir}, a folder without a manifest of its own, that hold one; none is refused. */
    static List<Path> functionFolders(Path dir, String given) {
        List<Path> functions = Targets.functionFolders(dir);
        if (functions.isEmpty()) {
            throw new UsageException("No " + Manifest.FILE + " in " + given + " nor in its subfolders; write one (see examples/).");
        }
        return functions;
    }
}
