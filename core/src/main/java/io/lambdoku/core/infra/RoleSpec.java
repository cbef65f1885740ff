package io.lambdoku.core.infra;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A function's execution role as its lambdoku.json asks for it ({@code "role": {"create": true, …}}):
 * created with Lambda's trust policy; besides the user's statements and managed policy ARNs, the backend
 * always grants writing to the function's own log group and nothing more (the least-privilege default).
 * {@code statements} are IAM policy statements as parsed JSON objects (maps compare by content);
 * {@code managed} is kept sorted and without repeats, as IAM keeps attachments: a set with no order.
 */
public record RoleSpec(String name, String function, List<Map<String, Object>> statements, List<String> managed) {

    /** The trust policy of every role lambdoku creates: only the Lambda service may assume it. */
    public static final String LAMBDA_TRUST_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    public RoleSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        statements = List.copyOf(statements);
        managed = List.copyOf(new TreeSet<>(managed));
    }

    /** The name of the role lambdoku creates for a function that names none: IAM allows 64 characters. */
    public static String defaultName(String function) {
        String name = "lambdoku-" + function;
        return name.length() <= 64 ? name : name.substring(0, 64);
    }
}
