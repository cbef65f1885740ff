package io.lambdoku.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What one run of the CLI starts from: its environment, working directory and output streams. */
public record Launch(Map<String, String> env, Path cwd, PrintStream out, PrintStream err) {

    public static Launch ofProcess() {
        return new Launch(System.getenv(), Path.of("").toAbsolutePath(), System.out, System.err);
    }
}
