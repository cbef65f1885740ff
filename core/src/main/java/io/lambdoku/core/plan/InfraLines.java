package io.lambdoku.core.plan;

import io.lambdoku.core.infra.SpecJson;
import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.RoleSpec;
import io.lambdoku.core.infra.RoleState;
import io.lambdoku.core.infra.ScheduleSpec;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.plan.ResourceChange.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The diff of what lives around a function: one line per role, concurrency, alias, schedule or alarm that changes. */
final class InfraLines {

    /** Release numbers an alias target means: the release this apply makes. */
    static final String NEW_RELEASE = "(new)";

    private InfraLines() {
    }

    static Optional<ResourceChange> role(RoleSpec want, Optional<RoleState> have) {
        String resource = "role " + want.name();
        String what = "Lambda's trust policy, " + plural(want.statements().size(), "statement") + ", "
                + plural(want.managed().size(), "managed policy", "managed policies");
        if (have.isEmpty()) {
            return Optional.of(ResourceChange.of(Action.ADD, resource, what));
        }
        if (SpecJson.role(have.get().spec()).equals(SpecJson.role(want))) {
            return Optional.empty();
        }
        return Optional.of(ResourceChange.of(Action.CHANGE, resource, "policies -> " + what));
    }

    static Optional<ResourceChange> concurrency(String function, int want, Optional<Integer> have) {
        String resource = "reserved concurrency " + function;
        if (have.isEmpty()) {
            return Optional.of(ResourceChange.of(Action.ADD, resource, String.valueOf(want)));
        }
        return have.get() == want ? Optional.empty()
                : Optional.of(ResourceChange.of(Action.CHANGE, resource, have.get() + " -> " + want));
    }

    static Optional<ResourceChange> alias(Target t, Observation o, String name, String version) {
        String target = target(t, o, version);
        Optional<Alias> have = o.aliases().get(name);
        String resource = "alias " + name;
        if (have == null || have.isEmpty()) {
            return Optional.of(ResourceChange.of(Action.ADD, resource, "(none) -> " + target));
        }
        Alias a = have.get();
        if (!target.equals(NEW_RELEASE) && a.functionVersion().equals(target) && a.additionalVersion().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ResourceChange.of(Action.CHANGE, resource, a.functionVersion()
                + a.additionalVersion().map(w -> " + " + w.version()).orElse("") + " -> " + target));
    }

    /** "release": the release this apply makes, else the newest; a number must be a release the function has. */
    static String target(Target t, Observation o, String version) {
        Optional<Integer> newest = o.function().newestRelease();
        if (version.equals("release")) {
            return o.function().releases() ? NEW_RELEASE : String.valueOf(newest.orElseThrow());
        }
        if (newest.isEmpty() || Integer.parseInt(version) > newest.get()) {
            throw new InvalidParameterException(t.manifest().dir().resolve("lambdoku.json") + ": aliases points at release "
                    + version + ", which " + t.function() + " does not have (newest: " + newest.map(n -> "v" + n).orElse("none")
                    + ").");
        }
        return version;
    }

    static List<ResourceChange> schedules(List<ScheduleSpec> want, List<ScheduleSpec> have) {
        return diff("schedule", want, have, ScheduleSpec::name, SpecJson::schedule, InfraLines::describe);
    }

    static List<ResourceChange> alarms(List<AlarmSpec> want, List<AlarmSpec> have) {
        return diff("alarm", want, have, AlarmSpec::name, SpecJson::alarm, InfraLines::describe);
    }

    /** + for names only wanted, ~ for names whose spec differs, - for names only the backend has. */
    private static <T> List<ResourceChange> diff(String kind, List<T> want, List<T> have, Function<T, String> name,
                                                 Function<T, Map<String, Object>> json, Function<T, String> describe) {
        Map<String, T> existing = new LinkedHashMap<>();
        have.forEach(h -> existing.put(name.apply(h), h));
        List<ResourceChange> out = new ArrayList<>();
        for (T w : want) {
            T h = existing.remove(name.apply(w));
            if (h == null) {
                out.add(ResourceChange.of(Action.ADD, kind + " " + name.apply(w), describe.apply(w)));
            } else if (!json.apply(h).equals(json.apply(w))) {
                out.add(ResourceChange.of(Action.CHANGE, kind + " " + name.apply(w), describe.apply(h) + " -> " + describe.apply(w)));
            }
        }
        existing.values().forEach(h -> out.add(ResourceChange.of(Action.DESTROY, kind + " " + name.apply(h), describe.apply(h))));
        return out;
    }

    static String describe(ScheduleSpec s) {
        return s.expression() + (s.timezone().equals("UTC") ? "" : " " + s.timezone())
                + s.payload().map(p -> " payload " + p).orElse("") + (s.enabled() ? "" : " (disabled)");
    }

    static String describe(AlarmSpec a) {
        String op = switch (a.comparison()) {
            case "GreaterThanThreshold" -> ">";
            case "LessThanThreshold" -> "<";
            case "LessThanOrEqualToThreshold" -> "<=";
            default -> ">=";
        };
        String threshold = a.threshold() == Math.rint(a.threshold()) ? String.valueOf((long) a.threshold())
                : String.format(Locale.ROOT, "%s", a.threshold());
        return a.metric() + " " + a.statistic() + " " + op + " " + threshold + " for " + a.evaluationPeriods() + " x "
                + a.period() + " s" + (a.actions().isEmpty() ? "" : " -> " + String.join(", ", a.actions()));
    }

    private static String plural(int n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
