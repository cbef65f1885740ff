package io.lambdoku.aws;

import io.lambdoku.aws.SignedLambdaHttp.Answer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays one recorded case over HTTP: the setup calls (each must succeed), waiting after every change to
 * a function as the recorded tests did (function_active_v2 / function_updated_v2), then the call AWS
 * answered, compared with that answer.
 */
final class CaseReplay {

    /** A case's result: the differences from AWS's answer, none when it matches. */
    record Outcome(RecordedCase recorded, List<String> differences) {
        boolean matches() {
            return differences.isEmpty();
        }
    }

    private static final long WAIT_MILLIS = 10_000;

    private final SignedLambdaHttp http;
    private final Placeholders placeholders;
    private final String function;

    CaseReplay(SignedLambdaHttp http, Placeholders placeholders, String function) {
        this.http = http;
        this.placeholders = placeholders;
        this.function = function;
    }

    Outcome run(RecordedCase c) {
        for (int i = 0; i < c.setup().size(); i++) {
            Map<String, Object> step = request(c.setup().get(i));
            Answer a = send(step);
            if (a.status() >= 300) {
                return new Outcome(c, List.of("setup step " + (i + 1) + " (" + step.get("method") + " " + step.get("path")
                        + ") answered " + a.status() + " " + a.errorType().orElse("") + ": " + abbreviate(a.text())));
            }
            if (changesFunction(step)) {
                awaitSettled();
            }
        }
        return new Outcome(c, c.differences(send(c.request()), placeholders));
    }

    /** A setup step in request form; {"create": {...}} is CreateFunction of the case's function. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> request(Map<String, Object> step) {
        if (!step.containsKey("create")) {
            return step;
        }
        Map<String, Object> body = new LinkedHashMap<>(Map.of("FunctionName", "{fn}", "Runtime", "python3.12",
                "Handler", "handler.handler", "Role", "{role}", "Code", Map.of("ZipFile", "{zip}")));
        body.putAll((Map<String, Object>) step.get("create"));
        return Map.of("method", "POST", "path", "/2015-03-31/functions", "body", body);
    }

    @SuppressWarnings("unchecked")
    private Answer send(Map<String, Object> request) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        ((Map<String, Object>) request.getOrDefault("query", Map.of())).forEach((k, v) -> query.put(k,
                v instanceof List<?> l ? l.stream().map(x -> placeholders.resolve(String.valueOf(x))).toList()
                        : List.of(placeholders.resolve(String.valueOf(v)))));
        return http.send((String) request.get("method"), placeholders.resolve((String) request.get("path")), query,
                Optional.ofNullable(request.get("body")).map(placeholders::resolve));
    }

    private static boolean changesFunction(Map<String, Object> step) {
        String method = (String) step.get("method");
        return ((String) step.get("path")).startsWith("/2015-03-31/functions") && (method.equals("POST") || method.equals("PUT"));
    }

    /** Polls GetFunctionConfiguration until the function is neither Pending nor InProgress. */
    private void awaitSettled() {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Answer a = http.send("GET", "/2015-03-31/functions/" + function + "/configuration", Map.of(), Optional.empty());
            if (a.status() != 200 || !(a.body() instanceof Map<?, ?> c)
                    || !"Pending".equals(c.get("State")) && !"InProgress".equals(c.get("LastUpdateStatus"))) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }
}
