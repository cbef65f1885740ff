package io.lambdoku.aws;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one inline policy lambdoku keeps on a role it created: the least-privilege default (create the
 * function's own log group, write streams and events in it — what Lambda needs to log, and nothing
 * more) followed by the user's statements. The default statements carry fixed Sids so that reading
 * the policy back reports only what the user asked for.
 */
final class RolePolicy {

    /** The name of the inline policy on every role lambdoku creates. */
    static final String NAME = "lambdoku";

    private static final String LOG_GROUP_SID = "LambdokuLogGroup";
    private static final String LOG_STREAMS_SID = "LambdokuLogStreams";
    private static final Set<String> DEFAULT_SIDS = Set.of(LOG_GROUP_SID, LOG_STREAMS_SID);

    private RolePolicy() {
    }

    /** The policy document for a function's role: the default statements, then the user's. */
    static String document(AwsArns arns, String function, List<Map<String, Object>> statements) {
        List<Object> all = new ArrayList<>();
        all.add(statement(LOG_GROUP_SID, "logs:CreateLogGroup", arns.logGroup(function)));
        all.add(statement(LOG_STREAMS_SID, List.of("logs:CreateLogStream", "logs:PutLogEvents"), arns.logStreams(function)));
        all.addAll(statements);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Version", "2012-10-17");
        policy.put("Statement", all);
        return write(policy);
    }

    /** The user's statements in a stored document, the default ones left out. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> userStatements(String stored) {
        Object statements = parse(stored).get("Statement");
        // IAM accepts a lone statement object where a list is expected
        List<Object> list = statements instanceof List<?> l ? (List<Object>) l
                : statements == null ? List.of() : List.of(statements);
        return list.stream().map(s -> (Map<String, Object>) s)
                .filter(s -> !DEFAULT_SIDS.contains(String.valueOf(s.get("Sid"))))
                .toList();
    }

    /**
     * A policy document as IAM returns it: URL-encoded (RFC 3986) by the real service, plain JSON from
     * some stand-ins. Decoding plain JSON would turn its '+' into spaces, so only text that is not
     * already a JSON object is decoded.
     */
    static Map<String, Object> parse(String stored) {
        String text = stored.strip();
        String json = text.startsWith("{") ? text : URLDecoder.decode(text, StandardCharsets.UTF_8);
        try {
            return JSON.std.mapFrom(json);
        } catch (IOException e) {
            throw new UncheckedIOException("IAM returned a policy that is not JSON: " + e.getMessage(), e);
        }
    }

    static String write(Map<String, Object> document) {
        try {
            return JSON.std.asString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> statement(String sid, Object action, String resource) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Sid", sid);
        s.put("Effect", "Allow");
        s.put("Action", action);
        s.put("Resource", resource);
        return s;
    }
}
