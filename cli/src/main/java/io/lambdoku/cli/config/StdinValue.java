package io.lambdoku.cli.config;

import io.lambdoku.cli.Launch;
import io.lambdoku.cli.UsageException;
import io.lambdoku.core.config.EnvAssignments;
import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The value of {@code KEY=-}: typed at a hidden prompt on a terminal, else everything piped in, less one
 * trailing newline (as {@code $(...)} drops it), so {@code pass show db | lambdoku config:set DB_URL=-} sets
 * exactly the secret and neither {@code ps} nor the shell history ever holds it.
 */
final class StdinValue implements EnvAssignments.ValueReader {

    private final Launch launch;

    StdinValue(Launch launch) {
        this.launch = launch;
    }

    @Override
    public String read(String key) {
        Console console = System.console();
        if (console != null && launch.in() == System.in) {
            char[] typed = console.readPassword("Value of %s (not shown): ", key);
            if (typed == null) {
                throw new UsageException("No value typed for " + key + "; nothing was set.");
            }
            return new String(typed);
        }
        String piped = readAll();
        if (piped.isEmpty()) {
            throw new UsageException(key + "=- reads the value from standard input, which was empty; to set an empty"
                    + " value write " + key + "= instead.");
        }
        return piped.endsWith("\r\n") ? piped.substring(0, piped.length() - 2)
                : piped.endsWith("\n") ? piped.substring(0, piped.length() - 1) : piped;
    }

    private String readAll() {
        try {
            return new String(launch.in().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        }
    }
}
