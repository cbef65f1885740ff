package io.lambdoku.core.rollout;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.invoke.FunctionInvoker;
import io.lambdoku.core.invoke.InvocationType;
import io.lambdoku.core.invoke.InvokeRequest;
import io.lambdoku.core.invoke.InvokeResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a rollout's hook and says whether it passed. A function hook passes when it answers without a
 * function error and without {@code "status": "Failed"} (CodeDeploy's lifecycle-hook convention); a command
 * passes when it exits 0. Hooks may run again when a rollout is resumed, so they should be safe to repeat.
 */
final class HookRunner {

    /** What a failure message quotes of a command's output: enough to see why, short enough for one line. */
    private static final int TAIL = 400;

    private final FunctionInvoker invoker;
    private volatile Process running;

    HookRunner(FunctionInvoker invoker) {
        this.invoker = invoker;
    }

    record Outcome(boolean passed, String detail) {
    }

    Outcome run(Hook hook, Rollout r, double weight) throws InterruptedException {
        return hook.kind() == Hook.Kind.FUNCTION ? invoke(hook, r, weight) : command(hook, r, weight);
    }

    private Outcome invoke(Hook hook, Rollout r, double weight) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("function", r.function());
        event.put("alias", r.alias());
        event.put("newVersion", r.newVersion());
        event.put("oldVersion", r.oldVersion().orElse(null));
        event.put("weight", weight);
        try {
            InvokeResult result = invoker.invoke(new InvokeRequest(hook.target(), "$LATEST",
                    JSON.std.asBytes(event), InvocationType.REQUEST_RESPONSE, false));
            String answer = new String(result.payload(), StandardCharsets.UTF_8);
            if (result.failed()) {
                return new Outcome(false, hook.describe() + " failed: " + shorten(answer));
            }
            if (saysFailed(answer)) {
                return new Outcome(false, hook.describe() + " answered " + shorten(answer));
            }
            return new Outcome(true, hook.describe() + " passed");
        } catch (IOException | RuntimeException e) {
            return new Outcome(false, hook.describe() + " could not run: " + e.getMessage());
        }
    }

    private static boolean saysFailed(String answer) {
        try {
            Object parsed = JSON.std.anyFrom(answer);
            return parsed instanceof Map<?, ?> m && m.get("status") instanceof String s && s.equalsIgnoreCase("Failed");
        } catch (IOException | RuntimeException notJson) {
            return false;
        }
    }

    private Outcome command(Hook hook, Rollout r, double weight) throws InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of("/bin/sh", "-c", hook.target())).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("LAMBDOKU_FUNCTION", r.function());
        env.put("LAMBDOKU_ALIAS", r.alias());
        env.put("LAMBDOKU_NEW_VERSION", r.newVersion());
        env.put("LAMBDOKU_OLD_VERSION", r.oldVersion().orElse(""));
        env.put("LAMBDOKU_WEIGHT", Weights.text(weight).replace("%", ""));
        Process p;
        try {
            p = pb.start();
            running = p;
        } catch (IOException e) {
            return new Outcome(false, hook.describe() + " could not start: " + e.getMessage());
        }
        try (InputStream out = p.getInputStream()) {
            // Read all of it, or a chatty smoke test would block on a full pipe; keep the end for the reason.
            byte[] all = out.readAllBytes();
            int code = p.waitFor();
            String tail = shorten(new String(all, Math.max(0, all.length - TAIL), Math.min(all.length, TAIL), StandardCharsets.UTF_8));
            return code == 0 ? new Outcome(true, hook.describe() + " passed")
                    : new Outcome(false, hook.describe() + " exited " + code + (tail.isEmpty() ? "" : ": " + tail));
        } catch (IOException e) {
            return new Outcome(false, hook.describe() + " failed: " + e.getMessage());
        } finally {
            running = null;
        }
    }

    /**
     * Stops a command hook still running (its rollout was paused, aborted or interrupted), its children first,
     * so a smoke test does not go on sending traffic to a version nobody is watching.
     */
    void cancel() {
        Process p = running;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
    }

    private static String shorten(String s) {
        String line = s.strip().replaceAll("\\s*\\n\\s*", " | ");
        return line.length() <= TAIL ? line : "…" + line.substring(line.length() - TAIL);
    }
}
