package io.lambdoku.local.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lambda's list paging: at most 50 items per page, Marker/NextMarker as an opaque position. */
final class Page {

    static final int MAX_ITEMS = 50;

    private Page() {
    }

    static Map<String, Object> of(String member, List<?> all, WireExchange ex) {
        int start = ex.query("Marker").map(Page::position).orElse(0);
        int max = ex.query("MaxItems").map(Page::maxItems).orElse(MAX_ITEMS);
        int end = Math.min(all.size(), start + max);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put(member, start >= all.size() ? List.of() : all.subList(start, end));
        if (end < all.size()) {
            page.put("NextMarker", String.valueOf(end));
        }
        return page;
    }

    private static int position(String marker) {
        if (!marker.matches("[0-9]{1,9}")) {
            throw WireError.invalid("Marker '" + marker + "' is not one this server handed out.");
        }
        return Integer.parseInt(marker);
    }

    private static int maxItems(String text) {
        Optional<Integer> n = text.matches("[0-9]{1,4}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
        if (n.isEmpty() || n.get() < 1 || n.get() > 10_000) {
            throw WireError.validation("1 validation error detected: Value '" + text + "' at 'maxItems' failed to satisfy"
                    + " constraint: Member must have value " + (n.isPresent() && n.get() < 1
                    ? "greater than or equal to 1" : "less than or equal to 10000"));
        }
        return Math.min(n.get(), MAX_ITEMS);
    }
}
