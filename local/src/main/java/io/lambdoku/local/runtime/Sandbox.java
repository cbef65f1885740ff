package io.lambdoku.local.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Each execution environment in its own bubblewrap sandbox (what Flatpak uses), as Lambda isolates
 * environments in microVMs: new PID, IPC and mount namespaces, so the function sees its own processes
 * only, and all of them die with the environment (its PID namespace ends with it) or with lambdoku
 * (--die-with-parent); the code read-only at /var/task and lambdoku's runtime client at /var/runtime;
 * a private 512 MB /tmp (uncapped with bwrap before 0.8, which lacks --size); the machine's /usr and
 * system libraries read-only, and of /etc only what programs need to run and reach the network.
 * Nothing else of the host: not the store, not other functions' code, not lambdoku's home or
 * environment variables.
 *
 * <p>The network namespace is shared: functions reach the network (and services on this machine) as
 * they do on Lambda, and the Runtime API on loopback, which is why that API is guarded by a secret
 * path of its own ({@link Environment#runtimeApi()}).
 *
 * <p>Where bubblewrap is missing or cannot run (a container without user namespaces, say), or with
 * LAMBDOKU_SANDBOX=off, functions run as plain processes and {@link #whyNot()} says why.
 */
final class Sandbox {

    static final Path TASK_ROOT = Path.of("/var/task");
    static final Path RUNTIME_DIR = Path.of("/var/runtime");
    /** Lambda's default ephemeral storage. */
    static final long TMP_BYTES = 512L * 1024 * 1024;
    /** Of /etc: name resolution, TLS roots, users, time zone, the dynamic linker's cache, Debian's Java and Python settings. */
    private static final List<String> ETC = List.of("alternatives", "ca-certificates", "ca-certificates.conf", "crypto-policies",
            "gai.conf", "group", "host.conf", "hosts", "ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "mime.types",
            "nsswitch.conf", "os-release", "passwd", "pki", "protocols", "resolv.conf", "services", "ssl", "timezone");
    private static final List<String> ETC_GLOBS = List.of("java-*", "python3*");
    private static final List<String> TOP_LEVEL = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

    /** How to start one environment's process: as the host runs it, with what its stdin carries. */
    record Launch(List<String> command, Path directory, Map<String, String> env, byte[] stdin, boolean sandboxed) {
        Launch {
            command = List.copyOf(command);
            env = Map.copyOf(env);
        }
    }

    /** Where the function finds its code (LAMBDA_TASK_ROOT) and lambdoku's runtime client (LAMBDA_RUNTIME_DIR). */
    record TaskPaths(Path taskRoot, Path runtimeDir) {
    }

    private final Optional<Path> bwrap;
    private final boolean sizedTmp;
    private final String whyNot;
    private final Path store;

    private Sandbox(Optional<Path> bwrap, boolean sizedTmp, String whyNot, Path store) {
        this.bwrap = bwrap;
        this.sizedTmp = sizedTmp;
        this.whyNot = whyNot;
        this.store = store.toAbsolutePath().normalize();
    }

    /** bwrap from PATH if it runs here (tried once, with the namespaces and mounts used), else none. */
    static Sandbox detect(Map<String, String> hostEnv, Path store) {
        if ("off".equalsIgnoreCase(hostEnv.getOrDefault("LAMBDOKU_SANDBOX", ""))) {
            return none("LAMBDOKU_SANDBOX=off", store);
        }
        Optional<Path> found = onPath("bwrap", hostEnv.getOrDefault("PATH", ""));
        if (found.isEmpty()) {
            return none("bubblewrap (bwrap) is not installed; install it (apt-get install bubblewrap, dnf install bubblewrap)", store);
        }
        Optional<String> failure = probe(found.get(), true);
        if (failure.isEmpty()) {
            return new Sandbox(found, true, "", store);
        }
        // bwrap before 0.8 (Ubuntu 22.04, RHEL 9) has no --size: a /tmp without a cap beats no sandbox
        Optional<String> unsized = probe(found.get(), false);
        return unsized.isEmpty() ? new Sandbox(found, false, "", store)
                : none("bwrap cannot run here (" + failure.get() + ")", store);
    }

    static Sandbox none(String why, Path store) {
        return new Sandbox(Optional.empty(), false, why, store);
    }

    boolean isolates() {
        return bwrap.isPresent();
    }

    /** Whether /tmp is capped at {@link #TMP_BYTES}, which needs bwrap 0.8's --size. */
    boolean capsTmp() {
        return sizedTmp;
    }

    /** Why functions run without a sandbox; empty when they run in one. */
    Optional<String> whyNot() {
        return bwrap.isPresent() ? Optional.empty() : Optional.of(whyNot);
    }

    TaskPaths paths(Path codeDir, Path runtimeDir) {
        return bwrap.isPresent() ? new TaskPaths(TASK_ROOT, RUNTIME_DIR) : new TaskPaths(codeDir, runtimeDir);
    }

    /**
     * The process for {@code runtime}: as is, in the code's folder, without a sandbox; else bwrap, whose
     * options travel on its stdin (--args 0) so that neither the host's process list nor the
     * function's /proc/1/cmdline shows where the store is. The environment goes through bwrap's own
     * (cleared and rebuilt by the caller), not --setenv: a command line is readable by every user.
     */
    Launch launch(RuntimeLauncher.RuntimeCommand runtime, Path codeDir, Path runtimeDir, Map<String, String> env) {
        if (bwrap.isEmpty()) {
            return new Launch(runtime.argv(), codeDir, env, new byte[0], false);
        }
        List<String> options = options(runtime, codeDir, runtimeDir);
        StringBuilder stdin = new StringBuilder();
        options.forEach(o -> stdin.append(o).append('\0'));
        List<String> command = new ArrayList<>(List.of(bwrap.get().toString(), "--args", "0"));
        command.addAll(runtime.argv());
        Map<String, String> inside = new java.util.HashMap<>(env);
        inside.put("PATH", path(runtime));
        return new Launch(command, codeDir, inside, stdin.toString().getBytes(StandardCharsets.UTF_8), true);
    }

    private List<String> options(RuntimeLauncher.RuntimeCommand runtime, Path codeDir, Path runtimeDir) {
        List<String> o = new ArrayList<>(List.of("--die-with-parent", "--unshare-pid", "--unshare-ipc", "--new-session",
                "--ro-bind", "/usr", "/usr"));
        for (String top : TOP_LEVEL) {
            Path p = Path.of(top);
            try {
                if (Files.isSymbolicLink(p)) {
                    o.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                } else if (Files.isDirectory(p)) {
                    o.addAll(List.of("--ro-bind", top, top));
                }
            } catch (IOException e) {
                // not there on this system
            }
        }
        for (Path entry : etc()) {
            o.addAll(List.of("--ro-bind-try", realPath(entry).toString(), entry.toString()));
        }
        o.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
        o.addAll(tmp(sizedTmp));
        o.addAll(List.of("--ro-bind", codeDir.toString(), TASK_ROOT.toString(), "--ro-bind", runtimeDir.toString(),
                RUNTIME_DIR.toString()));
        for (Path p : exposed(runtime.needs())) {
            o.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        }
        o.addAll(List.of("--chdir", TASK_ROOT.toString()));
        return o;
    }

    private static List<Path> etc() {
        List<Path> entries = new ArrayList<>();
        ETC.forEach(name -> entries.add(Path.of("/etc", name)));
        for (String glob : ETC_GLOBS) {
            try (DirectoryStream<Path> matches = Files.newDirectoryStream(Path.of("/etc"), glob)) {
                matches.forEach(entries::add);
            } catch (IOException e) {
                // no /etc to look in
            }
        }
        return entries;
    }

    /**
     * What of the host a runtime needs beyond /usr (a pyenv or nvm interpreter, a JDK in /opt,
     * lambdoku's own jar for java*), each read-only at its own path: an interpreter's whole
     * installation (the folder above its bin/), unless that would show the store or a home folder,
     * then the file alone.
     */
    private Set<Path> exposed(List<Path> needs) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path need : needs) {
            if (!need.isAbsolute()) {
                continue; // a bare name found on PATH inside the sandbox, as on the host
            }
            for (Path p : new LinkedHashSet<>(List.of(need.normalize(), realPath(need)))) {
                if (!Files.exists(p) || p.startsWith("/usr")) {
                    continue;
                }
                Path bin = p.getParent();
                Path installation = Files.isRegularFile(p) && bin != null && bin.getFileName() != null
                        && bin.getFileName().toString().equals("bin") ? bin.getParent() : p;
                if (installation != null && safe(installation)) {
                    out.add(installation);
                } else if (safe(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Never the store, a folder holding it, a home folder or the root. */
    private boolean safe(Path p) {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        return p.getNameCount() >= 2 && !store.startsWith(p) && !p.startsWith(store) && !home.startsWith(p);
    }

    /** The interpreter's own folder first, then the system's, as Lambda's PATH has /var/lang/bin first. */
    private static String path(RuntimeLauncher.RuntimeCommand runtime) {
        Path first = Path.of(runtime.argv().get(0));
        String system = "/usr/local/bin:/usr/bin:/bin";
        if (first.isAbsolute() && !first.startsWith(TASK_ROOT) && first.getParent() != null
                && !system.contains(first.getParent().toString())) {
            return first.getParent() + ":" + system;
        }
        return system;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private static Optional<Path> onPath(String name, String path) {
        for (String dir : path.split(":")) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> tmp(boolean sized) {
        return sized ? List.of("--size", String.valueOf(TMP_BYTES), "--tmpfs", "/tmp") : List.of("--tmpfs", "/tmp");
    }

    /** Runs {@code true} in a sandbox made as environments' are; what went wrong, if anything. */
    private static Optional<String> probe(Path bwrap, boolean sizedTmp) {
        List<String> command = new ArrayList<>(List.of(bwrap.toString(), "--die-with-parent", "--unshare-pid", "--unshare-ipc",
                "--new-session", "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev"));
        command.addAll(tmp(sizedTmp));
        command.add("true");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of("it did not finish within 10 s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 ? Optional.empty()
                    : Optional.of(out.lines().findFirst().orElse("exit status " + p.exitValue()));
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
