package io.lambdoku.cli.rollout;

import io.lambdoku.cli.ChildJvm;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Session;
import io.lambdoku.core.rollout.Rollout;
import io.lambdoku.core.rollout.RolloutJson;
import io.lambdoku.core.rollout.Rollouts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code --no-wait}: the same command, without it, in a process of its own session (setsid: a Ctrl-C in this
 * terminal does not reach it) writing to a log under the lambdoku home. The child both starts and drives the
 * rollout, so it holds the lease from the first write and no lease has to change hands; this process waits
 * until the record names the child as its driver (or the child has failed, whose last words it repeats).
 */
final class DetachedDriver {

    /** Starting a JVM and checking both versions takes seconds on a busy machine; a minute means it is stuck. */
    private static final long START_WAIT_MS = 60_000;

    private DetachedDriver() {
    }

    static int start(Session session, Rollouts rollouts, String function, String alias, String command, List<String> args) {
        Path log = logFile(session, function, alias);
        java.time.Instant spawned = java.time.Instant.now().minusSeconds(1); // the record's start is the child's clock, in ms
        Process child = spawn(session, command, args, log);
        long deadline = System.currentTimeMillis() + START_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            Optional<Rollout> r = rollouts.status(function, alias);
            // its lease names the child; or it already finished (all-at-once, a new alias), leaving no lease to name it
            if (r.isPresent() && (r.get().lease().map(l -> l.pid() == child.pid()).orElse(false)
                    || r.get().phase().finished() && r.get().started().isAfter(spawned))) {
                return started(session, r.get(), child, log);
            }
            if (waitFor(child)) {
                Optional<Rollout> ended = rollouts.status(function, alias);
                if (child.exitValue() == 0 && ended.isPresent() && ended.get().started().isAfter(spawned)) {
                    return started(session, ended.get(), child, log);
                }
                return failed(session, child, log);
            }
        }
        session.output().error("The detached driver (pid " + child.pid() + ") did not start the rollout within a minute; see "
                + log + ".");
        return ExitCodes.FAILURE;
    }

    private static int started(Session session, Rollout r, Process child, Path log) {
        if (session.output().json()) {
            session.output().json(RolloutJson.map(r));
        } else {
            session.output().line("Started rolling out v" + r.newVersion() + " on " + r.alias() + " (" + r.strategy().text()
                    + "), driven by pid " + child.pid() + " (log: " + log + ").");
            session.output().line("Follow it with 'lambdoku rollout --watch -a " + r.function() + " --alias " + r.alias() + "'.");
        }
        return ExitCodes.OK;
    }

    /** The child ended before it drove anything: its last line says why (another rollout, a missing version). */
    private static int failed(Session session, Process child, Path log) {
        List<String> lines = read(log);
        session.output().note(lines.isEmpty() ? "Error: the detached driver exited with " + child.exitValue() + "; see " + log + "."
                : lines.get(lines.size() - 1));
        return child.exitValue() == 0 ? ExitCodes.FAILURE : child.exitValue();
    }

    private static Process spawn(Session session, String command, List<String> args, Path log) {
        List<String> line = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            line.add("/usr/bin/setsid");
        }
        List<String> commandLine = new ArrayList<>(List.of(command));
        commandLine.addAll(args);
        line.addAll(ChildJvm.main(List.of(), commandLine));
        ProcessBuilder pb = new ProcessBuilder(line).directory(session.launch().cwd().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(session.launch().env());
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a detached driver: " + e.getMessage(), e);
        }
    }

    /** $LAMBDOKU_HOME/rollouts/FUNCTION-ALIAS-TIME.log: beside the local store, and there for the aws backend too. */
    private static Path logFile(Session session, String function, String alias) {
        String home = session.launch().env().getOrDefault("LAMBDOKU_HOME", System.getProperty("user.home") + "/.lambdoku");
        Path dir = Path.of(home, "rollouts");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(function + "-" + alias + "-" + Instant.now().toString().replace(':', '-') + ".log");
    }

    private static boolean waitFor(Process child) {
        try {
            return child.waitFor(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static List<String> read(Path log) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
