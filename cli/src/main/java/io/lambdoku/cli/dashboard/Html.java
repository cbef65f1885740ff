package io.lambdoku.cli.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Writes HTML where every text and attribute value is escaped: there is no way to put a string into the
 * page unescaped, so no page can be made to run a script from an app's name, a release message or a
 * config key. Tag and attribute names are the page's own and must look like names.
 */
public final class Html {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final StringBuilder out = new StringBuilder(4096);
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens {@code tag} with attributes given as name, value pairs; a null value leaves the attribute out. */
    public Html open(String tag, String... attributes) {
        start(tag, attributes);
        open.push(tag);
        return this;
    }

    /** Closes the innermost open element. */
    public Html close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** A void element ({@code input}, {@code meta}, {@code link}, {@code br}) with its attributes. */
    public Html empty(String tag, String... attributes) {
        start(tag, attributes);
        return this;
    }

    /** {@code <tag attributes>text</tag>}. */
    public Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close();
    }

    /** Text, escaped. */
    public Html text(String text) {
        escape(text, out);
        return this;
    }

    /** The document so far; every element opened must have been closed. */
    public String render() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    /** A path of this site from segments, each percent-encoded: {@code path("apps", name)} is {@code /apps/NAME}. */
    public static String path(String... segments) {
        StringBuilder b = new StringBuilder();
        for (String s : segments) {
            b.append('/').append(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return b.length() == 0 ? "/" : b.toString();
    }

    private void start(String tag, String... attributes) {
        requireName(tag);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs: " + String.join(", ", attributes));
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] == null) {
                continue;
            }
            requireName(attributes[i]);
            if (isUrl(attributes[i]) && attributes[i + 1].strip().toLowerCase(java.util.Locale.ROOT).startsWith("javascript:")) {
                throw new IllegalArgumentException("no javascript: URLs in " + attributes[i]);
            }
            out.append(' ').append(attributes[i]).append("=\"");
            escape(attributes[i + 1], out);
            out.append('"');
        }
        out.append('>');
    }

    private static boolean isUrl(String attribute) {
        return attribute.equals("href") || attribute.equals("src") || attribute.equals("action") || attribute.equals("formaction");
    }

    private static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an HTML name: " + name);
        }
    }

    static void escape(String text, StringBuilder to) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> to.append("&lt;");
                case '>' -> to.append("&gt;");
                case '&' -> to.append("&amp;");
                case '"' -> to.append("&quot;");
                case '\'' -> to.append("&#39;");
                default -> to.append(c);
            }
        }
    }
}
