package io.lambdoku.core.deploy;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.FunctionInfra;
import io.lambdoku.core.infra.RoleSpec;
import io.lambdoku.core.infra.ScheduleExpression;
import io.lambdoku.core.infra.ScheduleSpec;
import io.lambdoku.core.lambda.LambdaLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a lambdoku.json declares around its function (role to create, schedules, alarms, reserved
 * concurrency, aliases) with the checks IAM, EventBridge Scheduler, CloudWatch and Lambda make, so a bad
 * value is refused here, naming file, line and key, rather than halfway through an apply.
 */
final class InfraReader {

    private static final String ROLE_ARN = "arn:aws[a-zA-Z-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-/]+";
    private static final String POLICY_ARN = "arn:aws[a-zA-Z-]*:iam::(aws|\\d{12}):policy/[a-zA-Z_0-9+=,.@\\-/]+";
    /** IAM quota: managed policies attached to one role (10 by default, 20 at most). */
    private static final int MAX_MANAGED = 20;
    /** CloudWatch: at most 5 actions per alarm state. */
    private static final int MAX_ACTIONS = 5;
    /** The account's default concurrency; AWS refuses a reservation that leaves fewer than 100 unreserved. */
    private static final int MAX_RESERVED = 1000;

    private final JsonFields f;
    private final String function;

    InfraReader(JsonFields f, String function) {
        this.f = f;
        this.function = function;
    }

    FunctionInfra read() {
        if (f.has("url")) {
            throw f.error("url", "'url': function URLs are not supported yet; remove the key");
        }
        return new FunctionInfra(role(), schedules(), alarms(), reservedConcurrency(), aliases());
    }

    /** An ARN string is the function's role as it is (Manifest.role); an object asks for one to be created. */
    private Optional<RoleSpec> role() {
        Optional<Object> raw = f.raw("role");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.get() instanceof String arn) {
            if (!arn.isBlank() && !arn.matches(ROLE_ARN)) {
                throw f.error("role", "role '" + arn + "' is not an IAM role ARN like arn:aws:iam::123456789012:role/NAME;"
                        + " to have one created write {\"create\": true}");
            }
            return Optional.empty();
        }
        JsonFields r = JsonFields.of(f.json(), "role", raw.get(),
                "\"arn:aws:iam::123456789012:role/NAME\" or {\"create\": true, \"policies\": [...]}")
                .allow(List.of("create", "name", "policies", "managed"));
        if (!r.bool("create").orElse(false)) {
            throw r.error("create", "'role' as an object asks for a role to be created and needs \"create\": true;"
                    + " to use an existing role give its ARN as a string");
        }
        String name = r.string("name").orElse(RoleSpec.defaultName(function));
        if (!name.matches("[\\w+=,.@-]{1,64}")) {
            throw r.error("name", "role name '" + name + "' is not an IAM role name (1 to 64 of letters, digits and +=,.@_-)");
        }
        List<Map<String, Object>> statements = new ArrayList<>();
        List<Object> policies = r.array("policies", "[{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]");
        for (int i = 0; i < policies.size(); i++) {
            statements.add(statement(r, "role.policies[" + i + "]", policies.get(i)));
        }
        List<String> managed = r.strings("managed");
        for (int i = 0; i < managed.size(); i++) {
            if (!managed.get(i).matches(POLICY_ARN)) {
                throw f.json().error("role.managed[" + i + "]", "role.managed[" + i + "] '" + managed.get(i)
                        + "' is not a managed policy ARN like arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
            }
        }
        if (managed.size() > MAX_MANAGED) {
            throw r.error("managed", "role.managed lists " + managed.size() + " policies; IAM attaches at most " + MAX_MANAGED);
        }
        return Optional.of(new RoleSpec(name, function, statements, managed));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> statement(JsonFields r, String path, Object value) {
        JsonFields s = JsonFields.of(f.json(), path, value, "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}");
        String effect = s.string("Effect").orElse("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw s.error("Effect", path + ".Effect must be \"Allow\" or \"Deny\"");
        }
        if (!s.has("Action") && !s.has("NotAction")) {
            throw s.error("Effect", path + " needs an Action (or NotAction)");
        }
        if (!s.has("Resource") && !s.has("NotResource")) {
            throw s.error("Effect", path + " needs a Resource (or NotResource)");
        }
        if (s.has("Principal") || s.has("NotPrincipal")) {
            throw s.error("Principal", path + " has a Principal, which an identity policy may not have; the role's"
                    + " trust policy is Lambda's and written by lambdoku");
        }
        return (Map<String, Object>) value;
    }

    private List<ScheduleSpec> schedules() {
        List<Object> items = f.array("schedules", "[{\"expression\": \"rate(5 minutes)\"}]");
        List<ScheduleSpec> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "schedules[" + i + "]";
            JsonFields s = JsonFields.of(f.json(), path, items.get(i), "{\"expression\": \"rate(5 minutes)\"}")
                    .allow(List.of("name", "expression", "timezone", "payload", "enabled"));
            String name = s.string("name").orElse(ScheduleSpec.defaultName(function, i + 1));
            if (!name.matches("[0-9a-zA-Z\\-_.]{1,64}")) {
                throw s.error("name", path + ".name '" + name + "' is not a schedule name (1 to 64 of letters, digits and -_.)");
            }
            if (!names.add(name)) {
                throw s.error("name", path + " is named '" + name + "' like an earlier schedule; give each its own \"name\"");
            }
            String expression = s.string("expression").orElseThrow(() -> s.error("expression",
                    path + " needs an \"expression\", like \"rate(5 minutes)\" or \"cron(0 12 * * ? *)\""));
            String zone = s.string("timezone").orElse("UTC");
            s.check("timezone", () -> ScheduleExpression.zone(zone));
            s.check("expression", () -> ScheduleExpression.parse(expression, zone));
            Optional<String> payload = s.raw("payload").map(InfraReader::jsonText);
            out.add(new ScheduleSpec(name, expression, zone, payload, s.bool("enabled").orElse(true)));
        }
        return out;
    }

    private List<AlarmSpec> alarms() {
        List<Object> items = f.array("alarms", "[{\"metric\": \"Errors\", \"threshold\": 1}]");
        List<AlarmSpec> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "alarms[" + i + "]";
            JsonFields a = JsonFields.of(f.json(), path, items.get(i), "{\"metric\": \"Errors\", \"threshold\": 1}")
                    .allow(List.of("name", "metric", "statistic", "threshold", "comparison", "period", "evaluationPeriods",
                            "actions"));
            AlarmSpec spec = AlarmChecks.spec(a, path, function);
            if (!names.add(spec.name())) {
                throw a.error("name", path + " is named '" + spec.name() + "' like an earlier alarm; give each its own \"name\"");
            }
            if (spec.actions().size() > MAX_ACTIONS) {
                throw a.error("actions", path + ".actions lists " + spec.actions().size() + "; CloudWatch takes at most " + MAX_ACTIONS);
            }
            out.add(spec);
        }
        return out;
    }

    private Optional<Integer> reservedConcurrency() {
        Optional<Long> n = f.whole("reservedConcurrency");
        if (n.isPresent() && (n.get() < 0 || n.get() > MAX_RESERVED)) {
            throw f.error("reservedConcurrency", "reservedConcurrency " + n.get() + " is out of range; Lambda takes 0 (no"
                    + " invocations at all) to the account's concurrency less 100 (" + (MAX_RESERVED - 100) + " by default)");
        }
        return n.map(Long::intValue);
    }

    /** {"live": "release"} points live at the release a deploy makes; {"stable": "7"} at version 7. */
    private Map<String, String> aliases() {
        if (!f.has("aliases")) {
            return Map.of();
        }
        JsonFields a = JsonFields.of(f.json(), "aliases", f.raw("aliases").orElse(null), "{\"live\": \"release\"}");
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : aliasNames()) {
            a.check(name, () -> LambdaLimits.checkAliasName(name));
            Object target = a.raw(name).orElse(null);
            String version = target instanceof Number n && n.longValue() > 0 ? String.valueOf(n.longValue())
                    : target instanceof String s ? s : "";
            if (!version.equals("release") && !version.matches("[1-9][0-9]*")) {
                throw a.error(name, "aliases." + name + " must be \"release\" (the release this deploy makes) or a"
                        + " release number like \"7\"");
            }
            out.put(name, version);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Set<String> aliasNames() {
        return ((Map<String, Object>) f.raw("aliases").orElseThrow()).keySet();
    }

    /** A payload is kept as the JSON text it was written as (re-serialised compactly). */
    private static String jsonText(Object value) {
        try {
            return JSON.std.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
