package io.lambdoku.cli;

import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.server.LocalServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The AWS-wire server {@link CdsTraining} trains the aws backend against: lambdoku's own, on a loopback port. */
abstract class TrainingServer implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");
    /** Far longer than any of these takes (about a second), short of leaving a user at "preparing fast start". */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    abstract String endpoint();

    @Override
    public abstract void close();

    static TrainingServer inProcess(Path store) {
        LocalLambda lambda = LocalLambda.open(LocalOptions.fromEnvironment(Map.of("LAMBDOKU_HOME", store.toString())));
        LocalServer server = LocalServer.start(lambda, "127.0.0.1", 0);
        return new TrainingServer() {
            @Override
            String endpoint() {
                return "http://127.0.0.1:" + server.address().getPort();
            }

            @Override
            public void close() {
                server.close();
                lambda.close();
            }
        };
    }

    /**
     * {@code lambdoku local serve} in a JVM of its own, none of whose classes this one loads, serving a store that
     * each of {@code prepare} (lambdoku command lines, local backend) was run on first. Each child's stderr goes to
     * this JVM's (the launcher keeps it in training.log); none may take longer than {@link #PATIENCE}.
     */
    @SafeVarargs
    static TrainingServer child(Path store, List<String>... prepare) throws IOException {
        for (List<String> args : prepare) {
            Process p = lambdoku(store, args).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!finished(p) || p.exitValue() != 0) {
                throw new IllegalStateException("the training's 'lambdoku " + String.join(" ", args) + "' failed");
            }
        }
        Process process = lambdoku(store, List.of("local", "serve", "--port", "0")).start();
        try {
            String endpoint = endpoint(process);
            return new TrainingServer() {
                @Override
                String endpoint() {
                    return endpoint;
                }

                @Override
                public void close() {
                    process.destroy();
                    if (!finished(process)) {
                        process.destroyForcibly();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The endpoint local serve's banner names, read on a thread of its own so that a silent child cannot hang training. */
    private static String endpoint(Process serve) throws IOException {
        CompletableFuture<String> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        found.complete(m.group(1));
                        return;
                    }
                }
                found.completeExceptionally(new IOException("local serve ended without saying where it listens"));
            } catch (IOException e) {
                found.completeExceptionally(e);
            }
        }, "training-serve-banner");
        reader.setDaemon(true);
        reader.start();
        try {
            return found.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("local serve did not say where it listens within " + PATIENCE.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static boolean finished(Process p) {
        try {
            if (p.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        p.destroyForcibly();
        return false;
    }

    /**
     * lambdoku on the local backend with {@code store} as its home, in this JVM's java with its class path, in the
     * store's folder and an environment of its own: neither the user's LAMBDOKU_BACKEND, AWS_REGION or JVM options nor a
     * .lambdoku reach it, so it serves what the in-process server would.
     */
    private static ProcessBuilder lambdoku(Path store, List<String> args) throws IOException {
        List<String> command = ChildJvm.main(List.of("-Xlog:disable", "-Xlog:all=error:stderr"), args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .directory(Files.createDirectories(store).toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("LAMBDOKU_")
                || List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS").contains(k));
        env.put("LAMBDOKU_HOME", store.toString());
        env.put("LAMBDOKU_BACKEND", "local");
        env.put("LAMBDOKU_LOCAL_UPDATE_DELAY_MS", "0"); // as in-process: a write settles at once
        env.put("AWS_REGION", "us-east-1"); // the trainer's
        return builder;
    }
}
