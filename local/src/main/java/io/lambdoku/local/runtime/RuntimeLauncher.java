package io.lambdoku.local.runtime;

import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.local.store.NoSpaceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/** The command that starts a runtime: lambdoku's own small runtime clients, shipped as resources. */
final class RuntimeLauncher {

    private final Path dir;

    RuntimeLauncher(Path dir) {
        this.dir = dir;
    }

    /** Whether the runtime client marks the end of each invocation's output (ours do; a custom bootstrap does not). */
    static boolean marksEnds(String runtime) {
        return !runtime.startsWith("provided");
    }

    /**
     * A runtime's command line, with paths as the function sees them, and what of the host it needs to
     * see besides /usr (its interpreter or JVM, lambdoku's own classes), each at its own path.
     */
    record RuntimeCommand(List<String> argv, List<Path> needs) {
        RuntimeCommand {
            argv = List.copyOf(argv);
            needs = List.copyOf(needs);
        }
    }

    /** {@code codeDir} is the code on the host; {@code seen} where the function finds it and the runtime client. */
    RuntimeCommand command(String runtime, Path codeDir, Sandbox.TaskPaths seen) {
        if (runtime.startsWith("python3")) {
            resource("bootstrap.py");
            String python = interpreter("python3", "-c", "import sys; print(sys.executable)");
            return new RuntimeCommand(List.of(python, seen.runtimeDir().resolve("bootstrap.py").toString()), List.of(Path.of(python)));
        }
        if (runtime.startsWith("nodejs")) {
            resource("bootstrap.mjs");
            String node = interpreter("node", "-p", "process.execPath");
            return new RuntimeCommand(List.of(node, seen.runtimeDir().resolve("bootstrap.mjs").toString()), List.of(Path.of(node)));
        }
        if (runtime.startsWith("provided")) {
            if (!Files.isRegularFile(codeDir.resolve("bootstrap"))) {
                throw new InvalidParameterException("A " + runtime + " function needs an executable named bootstrap at the top of its package.");
            }
            return new RuntimeCommand(List.of(seen.taskRoot().resolve("bootstrap").toString()), List.of());
        }
        if (runtime.startsWith("java")) {
            return new RuntimeCommand(JavaRuntime.command(seen.taskRoot()), JavaRuntime.needs());
        }
        throw new InvalidParameterException("The local backend cannot run " + runtime + " functions yet; it runs python3.x,"
                + " nodejs*, java* and provided* runtimes.");
    }

    /** lambdoku's runtime clients on this machine, shown to sandboxed functions as /var/runtime: there even when empty. */
    Path dir() {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The real interpreter behind {@code name} on PATH. Version managers put shell-script shims there
     * (pyenv's costs ~80 ms per start); asked once, remembered in the store until PATH changes.
     */
    private String interpreter(String name, String... probe) {
        String path = System.getenv().getOrDefault("PATH", "");
        Path memo = dir.resolve(name + ".path");
        try {
            if (Files.isRegularFile(memo)) {
                List<String> lines = Files.readAllLines(memo);
                if (lines.size() == 2 && lines.get(0).equals(path) && Files.isExecutable(Path.of(lines.get(1)))) {
                    return lines.get(1);
                }
            }
            List<String> command = new java.util.ArrayList<>(List.of(name));
            command.addAll(List.of(probe));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String found = new String(p.getInputStream().readAllBytes()).strip();
            if (p.waitFor() != 0 || !Files.isExecutable(Path.of(found))) {
                return name;
            }
            writeAtomically(memo, (path + "\n" + found + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return found;
        } catch (IOException e) {
            return name; // not installed: starting the environment says so
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return name;
        }
    }

    /** Written once per content into the store, atomically, so concurrent processes agree. */
    private Path resource(String name) {
        Path target = dir.resolve(name);
        try (InputStream in = RuntimeLauncher.class.getResourceAsStream(name)) {
            byte[] bytes = in.readAllBytes();
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return target;
            }
            writeAtomically(target, bytes);
            return target;
        } catch (IOException e) {
            NoSpaceException.rethrowIfFull(e, dir.getParent());
            throw new UncheckedIOException("cannot write the runtime client " + name + ": " + e.getMessage(), e);
        }
    }

    /** Through a temp file that a failure (a full disk) removes again. */
    private void writeAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
