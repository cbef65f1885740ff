package io.lambdoku.aws.formation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One UpdateItem's expressions as they are built: every attribute name and value goes through a placeholder
 * (#a0, :v0), so names DynamoDB reserves (Name, Status, Source, Public…) need no special care.
 */
final class Update {

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();

    void set(String attribute, AttributeValue value) {
        sets.add(name(attribute) + " = " + value(value));
    }

    /** SET only where the item has no such attribute yet: a new row's default. */
    void setIfAbsent(String attribute, AttributeValue value) {
        String n = name(attribute);
        sets.add(n + " = if_not_exists(" + n + ", " + value(value) + ")");
    }

    void remove(String attribute) {
        removes.add(name(attribute));
    }

    String name(String attribute) {
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (e.getValue().equals(attribute)) {
                return e.getKey();
            }
        }
        String placeholder = "#a" + names.size();
        names.put(placeholder, attribute);
        return placeholder;
    }

    String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    String setClause() {
        return sets.isEmpty() ? "" : "SET " + String.join(", ", sets);
    }

    String removeClause() {
        return removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes);
    }

    Map<String, String> names() {
        return names;
    }

    Map<String, AttributeValue> values() {
        return values;
    }
}
