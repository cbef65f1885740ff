package io.lambdoku.cli.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A method and a path pattern such as {@code /apps/{app}/releases}: each {@code {name}} matches one
 * segment (decoded), handed to the handler as a path parameter.
 */
public record Route(String method, String pattern, Handler handler, Pattern regex, java.util.List<String> names) {

    private static final Pattern PARAM = Pattern.compile("\\{([a-z][a-zA-Z0-9]*)}");

    public Route {
        names = java.util.List.copyOf(names);
    }

    public static Route of(String method, String pattern, Handler handler) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a route's path starts with /: " + pattern);
        }
        Matcher m = PARAM.matcher(pattern);
        StringBuilder regex = new StringBuilder();
        java.util.List<String> names = new java.util.ArrayList<>();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pattern.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(pattern.substring(last)));
        return new Route(method, pattern, handler, Pattern.compile(regex.toString()), names);
    }

    /** The path parameters when {@code rawPath} (still percent-encoded) matches, each decoded. */
    Optional<Map<String, String>> match(String rawPath) {
        Matcher m = regex.matcher(rawPath);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            params.put(names.get(i), Request.decode(m.group(i + 1)));
        }
        return Optional.of(params);
    }

    /** The first segment of the pattern ("" for the root): what local serve hands to the dashboard. */
    String topSegment() {
        String rest = pattern.substring(1);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
