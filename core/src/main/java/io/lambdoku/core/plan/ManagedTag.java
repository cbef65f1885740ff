package io.lambdoku.core.plan;

import io.lambdoku.core.infra.FunctionInfra;
import io.lambdoku.core.lambda.LambdaApi;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which kinds of resources around a function lambdoku manages for it ({@value #SCHEDULES}, {@value #ALARMS}),
 * recorded in the function tag {@value #KEY} (e.g. {@code "alarms schedules"}).
 *
 * <p>Why a record at all: the planner lists a kind (EventBridge rules, CloudWatch alarms on AWS) only when the
 * manifest declares some of it or this tag says lambdoku made some before. So a function that has none
 * costs no IAM, EventBridge or CloudWatch call on any deploy (and needs no such permission), while
 * removing the last alarm from a manifest still destroys it: the tag still names alarms. Apply widens the
 * tag before creating anything of a kind and narrows it only after the last of a kind is deleted, so a run
 * killed in between leaves a tag naming too much (one listing too many), never too little (a leftover
 * never destroyed). Space-separated because Lambda tag values may not hold commas.
 */
final class ManagedTag {

    static final String KEY = "lambdoku:manages";
    static final String SCHEDULES = "schedules";
    static final String ALARMS = "alarms";

    private ManagedTag() {
    }

    /** The kinds the tag names; words lambdoku does not know (a newer version's) are kept out. */
    static Set<String> read(Map<String, String> tags) {
        String value = tags.getOrDefault(KEY, "");
        Set<String> kinds = new TreeSet<>(Arrays.asList(value.trim().split("\\s+")));
        kinds.retainAll(Set.of(SCHEDULES, ALARMS));
        return Set.copyOf(kinds);
    }

    /** The kinds a manifest declares some of. */
    static Set<String> declared(FunctionInfra want) {
        Set<String> kinds = new TreeSet<>();
        if (!want.schedules().isEmpty()) {
            kinds.add(SCHEDULES);
        }
        if (!want.alarms().isEmpty()) {
            kinds.add(ALARMS);
        }
        return Set.copyOf(kinds);
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** Makes the tag name exactly {@code kinds}; none removes it. */
    static void write(LambdaApi api, String function, Set<String> kinds) {
        if (kinds.isEmpty()) {
            api.untagFunction(function, Set.of(KEY));
        } else {
            api.tagFunction(function, Map.of(KEY, String.join(" ", new TreeSet<>(kinds))));
        }
    }
}
