package io.lambdoku.cli.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The stylesheet and the script every page links, from this jar; no third-party files. */
final class StaticFiles implements Page {

    static final String CSS = "/static/dashboard.css";
    static final String JS = "/static/dashboard.js";

    @Override
    public void register(Routes routes, Dashboard dashboard) {
        byte[] css = resource("dashboard.css");
        byte[] js = resource("dashboard.js");
        routes.get(CSS, r -> Reply.bytes(200, "text/css; charset=utf-8", css));
        routes.get(JS, r -> Reply.bytes(200, "text/javascript; charset=utf-8", js));
    }

    private static byte[] resource(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + StaticFiles.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
