package io.lambdoku.local.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A CloudWatch Logs filter pattern for unstructured events, as FilterLogEvents reads it: terms that
 * must all appear ({@code ERROR Exception}), quoted phrases ({@code "Task timed out"}), any-of terms
 * ({@code ?ERROR ?WARN}), excluded terms ({@code ERROR -Exiting}) and regular expressions
 * ({@code %[0-9]{3}%}). Matching is case-sensitive, as on CloudWatch. JSON ({@code { $.x = 1 }}) and
 * space-delimited ({@code [ip, user]}) patterns are refused rather than silently matching nothing.
 * See https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
 */
public final class FilterPattern {

    private static final FilterPattern EVERYTHING = new FilterPattern(List.of(), List.of(), List.of(), null);

    private final List<String> required;
    private final List<String> anyOf;
    private final List<String> excluded;
    private final Pattern regex;

    private FilterPattern(List<String> required, List<String> anyOf, List<String> excluded, Pattern regex) {
        this.required = List.copyOf(required);
        this.anyOf = List.copyOf(anyOf);
        this.excluded = List.copyOf(excluded);
        this.regex = regex;
    }

    /** An empty or blank pattern matches every event. */
    public static FilterPattern parse(String text) {
        String p = text.strip();
        if (p.isEmpty()) {
            return EVERYTHING;
        }
        if (p.startsWith("{") || p.startsWith("[")) {
            throw LogsError.invalidParameter("lambdoku local serve matches terms, quoted phrases and %regex% patterns;"
                    + " JSON and space-delimited filter patterns such as '" + p + "' are not supported.");
        }
        if (p.length() >= 2 && p.startsWith("%") && p.endsWith("%")) {
            return regex(p.substring(1, p.length() - 1));
        }
        List<String> required = new ArrayList<>();
        List<String> anyOf = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (String token : tokens(p)) {
            if (token.startsWith("?") && token.length() > 1) {
                anyOf.add(unquote(token.substring(1), p));
            } else if (token.startsWith("-") && token.length() > 1) {
                excluded.add(unquote(token.substring(1), p));
            } else {
                required.add(unquote(token, p));
            }
        }
        return new FilterPattern(required, anyOf, excluded, null);
    }

    public boolean matches(String message) {
        if (regex != null) {
            return regex.matcher(message).find();
        }
        return required.stream().allMatch(message::contains)
                && (anyOf.isEmpty() || anyOf.stream().anyMatch(message::contains))
                && excluded.stream().noneMatch(message::contains);
    }

    private static FilterPattern regex(String expression) {
        try {
            return new FilterPattern(List.of(), List.of(), List.of(), Pattern.compile(expression));
        } catch (PatternSyntaxException e) {
            throw LogsError.invalidParameter("Invalid regular expression in filterPattern: " + e.getDescription()
                    + " in '" + expression + "'.");
        }
    }

    /** Splits on spaces outside double quotes; a quote may follow a ? or - prefix ({@code -"no such"}). */
    private static List<String> tokens(String p) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && quoted && i + 1 < p.length()) {
                current.append(c).append(p.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!current.isEmpty()) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw LogsError.invalidParameter("Invalid filterPattern '" + p + "': a double quote is not closed.");
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static String unquote(String token, String pattern) {
        if (token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")) {
            return token.substring(1, token.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (token.contains("\"")) {
            throw LogsError.invalidParameter("Invalid filterPattern '" + pattern + "': quote the whole term, as in \"a b\".");
        }
        return token;
    }
}
