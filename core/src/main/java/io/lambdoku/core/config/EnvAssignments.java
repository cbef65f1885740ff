package io.lambdoku.core.config;

import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code KEY=VALUE} arguments and .env files into config vars, checking every name. A bad
 * argument or line is named by its position (and its name, once that is a valid one), never quoted:
 * {@code K:secret} is a value with a typo in front of it, and errors end up in terminals, CI logs and
 * bug reports.
 */
public final class EnvAssignments {

    /** {@code KEY=-}: the value is read from standard input, so it is neither in {@code ps} nor in shell history. */
    public static final String FROM_STDIN = "-";

    /** Where a {@code KEY=-} value comes from; given the key, so a prompt can name it. */
    @FunctionalInterface
    public interface ValueReader {
        String read(String key);
    }

    private static final ValueReader NO_STDIN = new NoStdin();

    private EnvAssignments() {
    }

    /**
     * A class, not a lambda: this field is made when the class loads, on config:set's path before the store opens, and
     * a command thread's first lambda starts the JDK's lambda machinery (~5 ms), which the warm-up thread starts
     * anyway, in parallel.
     */
    private static final class NoStdin implements ValueReader {
        @Override
        public String read(String key) {
            throw new InvalidParameterException("KEY=- reads the value of " + key + " from standard input, which is"
                    + " not available here.");
        }
    }

    public static Map<String, String> parseArguments(List<String> args) {
        return parseArguments(args, NO_STDIN);
    }

    /**
     * The value is everything after the first '=', so values may hold '=', quotes and spaces. At most one
     * argument may be {@code KEY=-}: its value is what {@code stdin} reads.
     */
    public static Map<String, String> parseArguments(List<String> args, ValueReader stdin) {
        Map<String, String> vars = new LinkedHashMap<>();
        String fromStdin = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String where = "KEY=VALUE argument " + (i + 1);
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new InvalidParameterException(where + (arg.startsWith("-")
                        ? " starts with '-' but is no option of this command (see --help)"
                        : " is not NAME=value (no '=' after a name)") + "; it is not shown here, as it may hold a secret.");
            }
            String key = checkedName(arg.substring(0, eq), where);
            String value = arg.substring(eq + 1);
            if (FROM_STDIN.equals(value)) {
                if (fromStdin != null) {
                    throw new InvalidParameterException(where + " (" + key + "=-) would read standard input a second time,"
                            + " after " + fromStdin + "=-; set one of them with --file or another command.");
                }
                fromStdin = key;
            }
            vars.put(key, value);
        }
        if (fromStdin != null) {
            vars.put(fromStdin, stdin.read(fromStdin));
        }
        return vars;
    }

    /** Config var names, as {@code config:unset} and {@code config:get} take them; a NAME=value is refused unshown. */
    public static List<String> parseNames(List<String> args) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String where = "Argument " + (i + 1);
            if (args.get(i).contains("=")) {
                throw new InvalidParameterException(where + " is NAME=value; give names only here (the argument"
                        + " is not shown, as it may hold a secret).");
            }
            names.add(checkedName(args.get(i), where));
        }
        return names;
    }

    /**
     * A .env file: {@code KEY=VALUE} lines, optional {@code export }, '#' comments, values optionally
     * in single quotes (taken literally) or double quotes (with \n, \", \\ escapes).
     */
    public static Map<String, String> parseDotEnv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidParameterException("No such file: " + file + ".");
        } catch (IOException e) {
            // an IOException names the file and the failure, never the file's content
            throw new InvalidParameterException("Cannot read " + file + ": " + e.getMessage() + ".");
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            String where = file + " line " + (i + 1);
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InvalidParameterException(where + " is not KEY=VALUE (the line is not shown, as it may hold"
                        + " a secret).");
            }
            vars.put(checkedName(line.substring(0, eq).strip(), where), unquote(line.substring(eq + 1).strip()));
        }
        return vars;
    }

    /**
     * A name that fails Lambda's pattern is not echoed: with a typo for '=' (K:secret=x) the text before
     * the first '=' is mostly the value. A well-formed name is safe to show.
     */
    private static String checkedName(String key, String where) {
        if (!LambdaLimits.isEnvNameShaped(key)) {
            throw new InvalidParameterException(where + ": the text before '=' is not a config var name (a letter,"
                    + " then at least one more letter, digit or underscore); it is not shown, as it may hold a secret.");
        }
        if (LambdaLimits.isReservedEnvName(key)) {
            throw new InvalidParameterException(where + ": config var name '" + key
                    + "' is reserved by Lambda; choose another name.");
        }
        return key;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
            return v.substring(1, v.length() - 1);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return unescape(v.substring(1, v.length() - 1));
        }
        return v;
    }

    private static String unescape(String v) {
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
