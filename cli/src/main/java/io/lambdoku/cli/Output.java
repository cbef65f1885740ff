package io.lambdoku.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** Where results go: human lines or JSON on stdout; notes and errors on stderr. */
public final class Output {

    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;

    public Output(PrintStream out, PrintStream err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    public boolean json() {
        return json;
    }

    public void line(String text) {
        out.println(text);
    }

    /** Prints a value made of maps, lists, strings and numbers as JSON. */
    public void json(Object value) {
        try {
            out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A progress or status note; never on stdout, so scripts can parse stdout. */
    public void note(String text) {
        err.println(text);
    }

    public void error(String text) {
        err.println("Error: " + text);
    }

    public PrintStream err() {
        return err;
    }
}
