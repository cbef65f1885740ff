package io.lambdoku.core.formation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A row's Source read at a git ref ("git:main", "git:3f2a9c1"): the commit the ref names now, and that
 * commit of the folder exported into a directory. The folder may be a subdirectory of its repository; only
 * that subdirectory is exported, as it was at the commit, whatever the checkout holds (uncommitted edits,
 * another branch).
 */
public final class GitSource {

    private static final String PREFIX = "git:";

    private static final long TIMEOUT_SECONDS = 120;

    private final Path folder;

    public GitSource(Path folder) {
        this.folder = folder;
    }

    /** The full commit SHA {@code ref} names now; a {@link FormationException} when it names none. */
    public String commit(String ref) {
        if (ref.isBlank() || ref.startsWith("-")) {
            throw new FormationException("'" + PREFIX + ref + "' names no git ref; give a branch, tag or commit after '" + PREFIX + "'.");
        }
        if (!Files.isDirectory(folder)) {
            throw new FormationException("Source " + folder + " is not a folder.");
        }
        Result r = git(List.of("rev-parse", "--verify", "--quiet", ref + "^{commit}"), null);
        if (r.code() != 0 || !r.out().strip().matches("[0-9a-f]{40,64}")) {
            if (git(List.of("rev-parse", "--git-dir"), null).code() != 0) {
                throw new FormationException("Source " + folder + " is not in a git repository, so '" + PREFIX + ref
                        + "' cannot be read from it.");
            }
            throw new FormationException("No commit '" + ref + "' in the git repository of " + folder + ".");
        }
        return r.out().strip();
    }

    /** Exports {@code commit}'s copy of the folder into {@code into} (an empty directory). */
    public void export(String commit, Path into) {
        String prefix = git(List.of("rev-parse", "--show-prefix"), null).out().strip();
        String top = git(List.of("rev-parse", "--show-toplevel"), null).out().strip();
        Path tar = into.resolve(".lambdoku-export.tar");
        String tree = prefix.isEmpty() ? commit : commit + ":" + prefix;
        // from the top: archive reads a tree's paths relative to where it runs
        Result archive = run(List.of("git", "-C", top, "archive", "--format=tar", "-o", tar.toString(), tree), null);
        if (archive.code() != 0) {
            throw new FormationException("git archive of " + tree + " in " + folder + " failed: " + firstLine(archive.err()));
        }
        Result untar = run(List.of("tar", "-xf", tar.toString(), "-C", into.toString()), into);
        try {
            Files.deleteIfExists(tar);
        } catch (IOException e) {
            // the temp dir goes as a whole afterwards
        }
        if (untar.code() != 0) {
            throw new FormationException("Unpacking the export of " + tree + " failed: " + firstLine(untar.err()));
        }
    }

    private Result git(List<String> args, Path dir) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", folder.toString()));
        cmd.addAll(args);
        return run(cmd, dir);
    }

    /** Output goes to files, not pipes: reading a pipe to its end would wait on a hanging git past the timeout. */
    private static Result run(List<String> cmd, Path dir) {
        try {
            Path out = Files.createTempFile("lambdoku-git", ".out");
            Path err = Files.createTempFile("lambdoku-git", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
                if (dir != null) {
                    pb.directory(dir.toFile());
                }
                Process p = pb.start();
                p.getOutputStream().close();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new FormationException(String.join(" ", cmd) + " took over " + TIMEOUT_SECONDS
                            + " s, so it was stopped (a git asking for credentials, or a lock held by another git?).");
                }
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new FormationException("Cannot run " + cmd.get(0) + ": " + e.getMessage() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FormationException("Interrupted while running " + cmd.get(0) + ".");
        }
    }

    private static String firstLine(String text) {
        String s = text.strip();
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)) + (s.endsWith(".") ? "" : ".");
    }

    private record Result(int code, String out, String err) {
    }
}
