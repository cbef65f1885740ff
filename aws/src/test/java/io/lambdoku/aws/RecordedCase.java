package io.lambdoku.aws;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.aws.SignedLambdaHttp.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of recorded-aws/lambda-cases.json: where AWS's answer was recorded, the calls that set the
 * scene, the call itself and what AWS answered to it, and where moto answers otherwise. See the file's
 * "format" member for the shape.
 */
record RecordedCase(String name, String key, String recorded, List<Map<String, Object>> setup,
        Map<String, Object> request, Map<String, Object> expect, Optional<String> motoDeviation) {

    /** A member that the answer does not have; distinct from a JSON null. */
    private static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "(absent)";
        }
    };

    @SuppressWarnings("unchecked")
    static List<RecordedCase> load(InputStream json) throws IOException {
        Map<String, Object> doc = JSON.std.mapFrom(json);
        List<RecordedCase> out = new ArrayList<>();
        for (Object o : (List<Object>) doc.get("cases")) {
            Map<String, Object> c = (Map<String, Object>) o;
            out.add(new RecordedCase((String) c.get("name"), (String) c.get("key"), (String) c.get("recorded"),
                    (List<Map<String, Object>>) c.getOrDefault("setup", List.of()),
                    (Map<String, Object>) c.get("request"), (Map<String, Object>) c.get("expect"),
                    Optional.ofNullable((String) c.get("motoDeviation"))));
        }
        return out;
    }

    /** How the answer differs from AWS's, one phrase per difference; empty when it matches. */
    @SuppressWarnings("unchecked")
    List<String> differences(Answer answer, Placeholders p) {
        List<String> diffs = new ArrayList<>();
        int status = ((Number) expect.get("status")).intValue();
        if (answer.status() != status) {
            diffs.add("status " + answer.status() + " (AWS " + status + ")");
        }
        Optional<String> error = Optional.ofNullable((String) expect.get("error"));
        if (!error.equals(answer.errorType())) {
            diffs.add("error " + answer.errorType().orElse("none") + " (AWS " + error.orElse("none") + ")");
        }
        if (expect.containsKey("message")) {
            String want = p.resolve((String) expect.get("message"));
            String got = message(answer.body()).orElse("(no message)");
            if (!want.equals(got)) {
                diffs.add("message \"" + got + "\" (AWS \"" + want + "\")");
            }
        }
        ((Map<String, Object>) expect.getOrDefault("fields", Map.of())).forEach((path, value) ->
                compare(path, p.resolve(value), member(answer.body(), path), false, diffs));
        ((Map<String, Object>) expect.getOrDefault("anyOrder", Map.of())).forEach((path, value) ->
                compare(path, p.resolve(value), member(answer.body(), path), true, diffs));
        return diffs;
    }

    private static void compare(String path, Object want, Object got, boolean anyOrder, List<String> diffs) {
        Object expected = want == null ? ABSENT : want;
        boolean same = anyOrder && expected instanceof List<?> w && got instanceof List<?> g
                ? sameItems(w, g) : same(expected, got);
        if (!same) {
            diffs.add(path + "=" + show(got) + " (AWS " + show(expected) + ")");
        }
    }

    private static Optional<String> message(Object body) {
        if (body instanceof Map<?, ?> m) {
            for (String k : List.of("message", "Message", "errorMessage")) {
                if (m.get(k) instanceof String s) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    /** The value at a dotted path; "List[*].X" maps over a list. */
    static Object member(Object node, String path) {
        if (path.isEmpty()) {
            return node;
        }
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? "" : path.substring(dot + 1);
        boolean each = head.endsWith("[*]");
        String name = each ? head.substring(0, head.length() - 3) : head;
        if (!(node instanceof Map<?, ?> m) || !m.containsKey(name)) {
            return ABSENT;
        }
        Object child = m.get(name);
        if (each) {
            return child instanceof List<?> l ? l.stream().map(x -> member(x, rest)).toList() : ABSENT;
        }
        return member(child, rest);
    }

    private static boolean sameItems(List<?> want, List<?> got) {
        if (want.size() != got.size()) {
            return false;
        }
        List<Object> left = new ArrayList<>(got);
        for (Object w : want) {
            int i = indexOfSame(left, w);
            if (i < 0) {
                return false;
            }
            left.remove(i);
        }
        return true;
    }

    private static int indexOfSame(List<Object> items, Object w) {
        for (int i = 0; i < items.size(); i++) {
            if (same(w, items.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** JSON equality, numbers by value (0.2 == 0.20, 512 == 512.0). */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.size() == y.size() && x.keySet().stream().allMatch(k -> y.containsKey(k) && same(x.get(k), y.get(k)));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static String show(Object v) {
        if (v == ABSENT) {
            return "(absent)";
        }
        try {
            String s = v instanceof String str ? "\"" + str + "\"" : JSON.std.asString(v);
            return s.length() > 120 ? s.substring(0, 117) + "..." : s;
        } catch (IOException e) {
            return String.valueOf(v);
        }
    }
}
