package io.lambdoku.cli;

import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.server.LocalServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The AWS-wire server {@link CdsTraining} trains the aws backend against: lambdoku's own, on a loopback port. */
abstract class TrainingServer implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");

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
     * each of {@code prepare} (lambdoku command lines, local backend) was run on first.
     */
    @SafeVarargs
    static TrainingServer child(Path store, List<String>... prepare) throws IOException {
        for (List<String> args : prepare) {
            try {
                int exit = lambdoku(store, args).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                if (exit != 0) {
                    throw new IllegalStateException("the training's 'lambdoku " + String.join(" ", args) + "' exited " + exit);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        Process process = lambdoku(store, List.of("local", "serve", "--port", "0")).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        Matcher m = LISTENING.matcher(first == null ? "" : first);
        if (!m.find()) {
            process.destroyForcibly();
            throw new IllegalStateException("the training's local serve did not say where it listens: " + first);
        }
        String endpoint = m.group(1);
        return new TrainingServer() {
            @Override
            String endpoint() {
                return endpoint;
            }

            @Override
            public void close() {
                process.destroy();
                try {
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    /** lambdoku on the local backend with {@code store} as its home, in this JVM's java with its class path. */
    private static ProcessBuilder lambdoku(Path store, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED"); // sqlite-jdbc's library, without a warning
        }
        String cache = System.getProperty("lambdoku.cache");
        if (cache != null) {
            command.add("-Dlambdoku.cache=" + cache); // the native library extracted there already
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        // in the store's folder, with the backend named: neither the user's LAMBDOKU_BACKEND nor a .lambdoku decides it
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                .directory(Files.createDirectories(store).toFile());
        builder.environment().put("LAMBDOKU_HOME", store.toString());
        builder.environment().put("LAMBDOKU_BACKEND", "local");
        builder.environment().put("LAMBDOKU_LOCAL_UPDATE_DELAY_MS", "0"); // as in-process: a write settles at once
        return builder;
    }
}
