package io.lambdoku.cli.config;

/** Single-quotes a value the way a POSIX shell reads it back, so `config` output can be sourced. */
final class ShellQuote {

    private ShellQuote() {
    }

    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
