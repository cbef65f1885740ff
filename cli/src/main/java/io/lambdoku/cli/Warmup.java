package io.lambdoku.cli;

import io.lambdoku.aws.AwsWarmup;
import io.lambdoku.local.LocalWarmup;
import java.util.List;
import java.util.Map;

/**
 * The part of a backend's first call that no argument decides and that takes longest (see LocalWarmup and
 * AwsWarmup), started on a second thread as soon as the command is known, so it runs while the command's own
 * thread binds the arguments and does the rest. The session waits for the local one before it opens the store.
 */
final class Warmup {

    private static Thread running;
    private static String backend;

    private Warmup() {
    }

    /** For the backend the arguments and environment name (a guess; the wrong guess only costs the other core). */
    static synchronized void start(List<String> args, Map<String, String> env) {
        backend = namesAws(args, env) ? "aws" : "local";
        if (backend.equals("aws")) {
            // Not waited for: the client's build goes through the same two entry points (ServiceMetadata.of, the JCA
            // getInstance calls) and the JVM's class initialisation makes whichever thread comes second wait for the
            // first. A whole canned call here (earlier) only doubled the work; these two alone save ~8 ms.
            startDaemon(new AwsBackground());
            running = null;
            return;
        }
        // Not a lambda: the process's first one starts the JDK's lambda machinery (~5 ms), which would delay the
        // fork by as much; the longer half now starts at once and meets that machinery in the JDK's locale code.
        running = startDaemon(new LocalBackground());
    }

    private static Thread startDaemon(Runnable warmup) {
        Thread t = new Thread(warmup, "lambdoku-warmup");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits for the warm-up of {@code backendName}, if one runs; another backend's is left to run on. */
    static void await(String backendName) {
        Thread t;
        synchronized (Warmup.class) {
            if (!backendName.equals(backend)) {
                return;
            }
            t = running;
            running = null;
        }
        if (t == null) {
            return;
        }
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean namesAws(List<String> args, Map<String, String> env) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--backend=aws") || a.startsWith("arn:") || a.startsWith("--app=arn:")
                    || (a.equals("--backend") && i + 1 < args.size() && args.get(i + 1).equals("aws"))) {
                return true;
            }
        }
        return "aws".equals(env.get("LAMBDOKU_BACKEND"));
    }

    private static final class LocalBackground implements Runnable {
        @Override
        public void run() {
            LocalWarmup.background();
        }
    }

    private static final class AwsBackground implements Runnable {
        @Override
        public void run() {
            AwsWarmup.background();
        }
    }
}
