package io.lambdoku.cli.dashboard;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an action did, kept for the page the browser is redirected to after its POST (so a reload shows it again and
 * repeats nothing). Only the newest few are kept, in memory: they are a receipt, not a record; the releases and the
 * activity feed are the record.
 */
public final class Results {

    private static final int KEPT = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Result> kept = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Result> eldest) {
            return size() > KEPT;
        }
    };

    /** A finished action: a title, one sentence per thing it did, whether all went well, and where to go next. */
    public record Result(String title, List<String> lines, boolean ok, String next, String nextLabel) {

        public Result {
            lines = List.copyOf(lines);
        }
    }

    /** Keeps {@code result}; the answer is the path of its page, to redirect to. */
    public synchronized String keep(Result result) {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        kept.put(key, result);
        return Html.path("results", key);
    }

    synchronized Optional<Result> get(String id) {
        return Optional.ofNullable(kept.get(id));
    }

    /** The page of a kept result. */
    static final class ResultPage implements Page {

        @Override
        public void register(Routes routes, Dashboard dashboard) {
            routes.get("/results/{id}", r -> dashboard.results().get(r.param("id"))
                    .map(ResultPage::render)
                    .orElseGet(() -> Layout.problem(404, "That result is no longer kept; see the activity page.")));
        }

        private static Reply render(Result result) {
            return Layout.page(result.title(), "", h -> {
                h.open("ul", "class", result.ok() ? "result ok" : "result problem", "role", "status");
                result.lines().forEach(line -> h.element("li", line));
                h.close();
                h.open("p", "class", "actions").element("a", result.nextLabel(), "href", result.next()).close();
            });
        }
    }
}
