package io.lambdoku.core.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Allow statement of an IAM policy: its Sid says what lambdoku feature needs it; {@code condition}
 * is IAM's {@code {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}} form, empty for none.
 */
public record PolicyStatement(String sid, List<String> actions, List<String> resources, Map<String, Map<String, Object>> condition) {

    public PolicyStatement {
        Objects.requireNonNull(sid, "sid");
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        condition = Map.copyOf(condition);
    }

    public PolicyStatement(String sid, List<String> actions, List<String> resources) {
        this(sid, actions, resources, Map.of());
    }

    /** As IAM reads it: Sid, Effect, Action, Resource (a string when there is one), Condition when any. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Sid", sid);
        m.put("Effect", "Allow");
        m.put("Action", actions.size() == 1 ? actions.get(0) : actions);
        m.put("Resource", resources.size() == 1 ? resources.get(0) : resources);
        if (!condition.isEmpty()) {
            m.put("Condition", condition);
        }
        return m;
    }
}
