package io.lambdoku.core.config;

import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code KEY=VALUE} arguments and .env files into config vars, checking every name. */
public final class EnvAssignments {

    private EnvAssignments() {
    }

    /** The value is everything after the first '=', so values may hold '=', quotes and spaces. */
    public static Map<String, String> parseArguments(List<String> args) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new InvalidParameterException("'" + arg + "' is not KEY=VALUE; write it as NAME=value.");
            }
            put(vars, arg.substring(0, eq), arg.substring(eq + 1));
        }
        return vars;
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
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InvalidParameterException(file + " line " + (i + 1) + " is not KEY=VALUE: '" + line + "'.");
            }
            put(vars, line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        return vars;
    }

    private static void put(Map<String, String> vars, String key, String value) {
        LambdaLimits.checkEnvName(key);
        vars.put(key, value);
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
