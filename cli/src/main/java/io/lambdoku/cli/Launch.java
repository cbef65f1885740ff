package io.lambdoku.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What one run of the CLI starts from: its environment, working directory and standard streams. */
public record Launch(Map<String, String> env, Path cwd, PrintStream out, PrintStream err, InputStream in) {

    /** A run with nothing on standard input. */
    public Launch(Map<String, String> env, Path cwd, PrintStream out, PrintStream err) {
        this(env, cwd, out, err, InputStream.nullInputStream());
    }

    public static Launch ofProcess() {
        return new Launch(System.getenv(), Path.of("").toAbsolutePath(), System.out, System.err, System.in);
    }
}
