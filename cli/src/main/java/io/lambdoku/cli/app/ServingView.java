package io.lambdoku.cli.app;

import io.lambdoku.cli.Output;
import io.lambdoku.cli.url.UrlView;
import io.lambdoku.core.app.Serving;
import io.lambdoku.core.lambda.ProvisionedConcurrency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** apps:info's lines for reserved and provisioned concurrency and the function URLs; a part the backend could not tell says why. */
final class ServingView {

    private static final String INDENT = "              ";

    private ServingView() {
    }

    static void print(Output out, Serving s) {
        out.line("Reserved:     " + s.reserved().map(n -> n == 0 ? "0 (every invoke is throttled)" : String.valueOf(n))
                .orElse("none (the account's unreserved concurrency)"));
        lines(out, "Provisioned:  ", s.provisioned(), ServingView::line);
        lines(out, "URLs:         ", s.urls(), UrlView::line);
    }

    private static <T> void lines(Output out, String label, Serving.Part<List<T>> part, java.util.function.Function<T, String> line) {
        if (part.unknown().isPresent()) {
            out.line(label + "unknown: " + part.unknown().get());
            return;
        }
        List<T> items = part.value().orElse(List.of());
        if (items.isEmpty()) {
            out.line(label + "none");
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            out.line((i == 0 ? label : INDENT) + line.apply(items.get(i)));
        }
    }

    private static String line(ProvisionedConcurrency p) {
        return p.qualifier() + ": " + p.requested() + " requested, " + p.allocated() + " allocated, " + p.available()
                + " available, " + p.status() + p.statusReason().map(r -> " (" + r + ")").orElse("");
    }

    static Map<String, Object> json(Serving s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reservedConcurrency", s.reserved().orElse(null));
        m.put("provisionedConcurrency", s.provisioned().value().map(l -> (Object) l.stream().map(ServingView::json).toList())
                .orElse(null));
        s.provisioned().unknown().ifPresent(u -> m.put("provisionedConcurrencyUnknown", u));
        m.put("urls", s.urls().value().map(l -> (Object) l.stream().map(UrlView::json).toList()).orElse(null));
        s.urls().unknown().ifPresent(u -> m.put("urlsUnknown", u));
        return m;
    }

    private static Map<String, Object> json(ProvisionedConcurrency p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("qualifier", p.qualifier());
        m.put("requested", p.requested());
        m.put("allocated", p.allocated());
        m.put("available", p.available());
        m.put("status", p.status().name());
        m.put("statusReason", p.statusReason().orElse(null));
        m.put("lastModified", p.lastModified());
        return m;
    }
}
