package io.lambdoku.cli.dashboard;

import java.util.List;
import java.util.function.Consumer;

/**
 * The frame of every page: head, navigation, main. Styles and the script are static files of this server
 * (the Content-Security-Policy allows nothing else), so pages carry no inline code.
 */
public final class Layout {

    /** The navigation, in order. A top-level page adds its entry here. */
    static final List<Nav> NAV = List.of(
            new Nav("/", "Overview"),
            new Nav("/activity", "Activity"),
            new Nav("/rollouts", "Rollouts"),
            new Nav("/formation", "Formation"));

    /** One entry of the navigation: where it goes, what it says. */
    record Nav(String path, String label) {
    }

    private Layout() {
    }

    /** A whole page; {@code current} is the nav path to mark as the one shown. */
    public static Reply page(String title, String current, Consumer<Html> main) {
        return Reply.html(200, document(title, current, main));
    }

    static String document(String title, String current, Consumer<Html> main) {
        Html h = new Html();
        h.open("html", "lang", "en").open("head");
        h.empty("meta", "charset", "utf-8");
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        h.element("title", title + " · lambdoku");
        h.empty("link", "rel", "stylesheet", "href", StaticFiles.CSS);
        h.open("script", "src", StaticFiles.JS, "defer", "").close();
        h.close().open("body");
        h.element("a", "Skip to content", "class", "skip", "href", "#main");
        h.open("header").open("nav", "aria-label", "Main").open("ul");
        h.open("li").element("span", "lambdoku", "class", "brand").close();
        for (Nav item : NAV) {
            h.open("li").element("a", item.label(), "href", item.path(), "aria-current", item.path().equals(current) ? "page" : null)
                    .close();
        }
        h.close().close().close();
        h.open("main", "id", "main", "tabindex", "-1");
        h.element("h1", title);
        main.accept(h);
        h.close();
        h.close().close();
        return "<!doctype html>" + h.render();
    }

    /** The hidden field every POST form carries; without it the server refuses the POST. */
    public static void csrfField(Html h, Request request) {
        h.empty("input", "type", "hidden", "name", "csrf", "value", request.csrf());
    }

    /** A form holding one button that POSTs to {@code action} with the CSRF token and the given hidden fields. */
    public static void postButton(Html h, Request request, String action, String label, String... fields) {
        h.open("form", "method", "post", "action", action, "class", "inline");
        csrfField(h, request);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            h.empty("input", "type", "hidden", "name", fields[i], "value", fields[i + 1]);
        }
        h.element("button", label, "type", "submit");
        h.close();
    }

    /** A value or the sentence saying why it is missing, rendered in place. */
    public static <T> void fetched(Html h, Fetch.Fetched<T> fetched, Consumer<T> render) {
        if (fetched.value().isPresent()) {
            render.accept(fetched.value().get());
        } else {
            h.element("p", fetched.problem().orElse("Not available."), "class", "problem", "role", "status");
        }
    }

    /** A page with one sentence, for refusals and errors. */
    static Reply problem(int status, String sentence) {
        String title = switch (status) {
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            default -> status >= 500 ? "Error" : "Bad request";
        };
        return Reply.html(status, document(title, "", h -> h.element("p", sentence, "class", "problem")));
    }
}
