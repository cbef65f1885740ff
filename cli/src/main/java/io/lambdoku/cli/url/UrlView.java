package io.lambdoku.cli.url;

import io.lambdoku.core.lambda.Cors;
import io.lambdoku.core.lambda.FunctionUrl;
import java.util.LinkedHashMap;
import java.util.Map;

/** A function URL as one line for people and as an object for --json; shared by the url commands and apps:info. */
public final class UrlView {

    private UrlView() {
    }

    /** {@code hello:live  https://…/  auth NONE  CORS https://shop.example} */
    public static String line(FunctionUrl u) {
        return u.target() + "  " + u.url() + "  auth " + u.auth()
                + u.cors().map(c -> "  CORS " + String.join(", ", c.allowOrigins())).orElse("");
    }

    public static Map<String, Object> json(FunctionUrl u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("function", u.function());
        m.put("alias", u.qualifier().orElse(null));
        m.put("url", u.url());
        m.put("auth", u.auth().name());
        m.put("cors", u.cors().map(UrlView::json).orElse(null));
        m.put("created", u.creationTime());
        m.put("lastModified", u.lastModifiedTime());
        return m;
    }

    private static Map<String, Object> json(Cors c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("allowOrigins", c.allowOrigins());
        m.put("allowMethods", c.allowMethods());
        m.put("allowHeaders", c.allowHeaders());
        m.put("exposeHeaders", c.exposeHeaders());
        m.put("allowCredentials", c.allowCredentials());
        c.maxAge().ifPresent(a -> m.put("maxAge", a));
        return m;
    }
}
