package io.lambdoku.aws;

import io.lambdoku.aws.AwsErrors.Subject;
import io.lambdoku.core.infra.ScheduleSpec;
import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.lambda.InvalidParameterException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.ListRuleNamesByTargetResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * A function's schedules as EventBridge rules on the default bus: PutRule with the ScheduleExpression,
 * one target (the function, with the payload as Input), and a statement in the function's resource
 * policy letting events.amazonaws.com invoke it from that rule only (SourceArn).
 *
 * <p>Why rules and not EventBridge Scheduler, though Scheduler has time zones and moto 5.2.1 serves both
 * (tried: CreateSchedule/GetSchedule/ListSchedules and PutRule/PutTargets/ListRuleNamesByTarget): the
 * SDK's scheduler module is on no Maven mirror we can use, so Scheduler would mean a hand-written
 * signed REST-JSON client (paging, errors) to maintain; Scheduler also needs an IAM role it may
 * assume per function, i.e. a second role to create, propagate (the same "cannot be assumed" wait as
 * CreateFunction) and pass (iam:PassRole for the deployer), where a rule needs only Lambda's resource
 * policy; and a rule without Input sends EventBridge's "Scheduled Event", the default ScheduleSpec
 * promises and {@code local serve} emulates, where Scheduler sends only the input it is given. The
 * cost is time zones: rules run in UTC, so a schedule with another zone is refused, in one sentence.
 *
 * <p>Rules are found per function by their target (ListRuleNamesByTarget), named after the function
 * (rule names are unique per bus, so two functions may both have a schedule "nightly"), and carry the
 * schedule's own name in their description, which also marks them as lambdoku's: rules someone else
 * pointed at the function are not listed, so never deleted by a plan.
 */
final class AwsSchedules {

    /** The Id of the one target on every rule lambdoku makes. */
    static final String TARGET_ID = "lambdoku";
    private static final String MARK = "lambdoku schedule ";

    private final AwsClients clients;
    private final AwsErrors errors;
    private final AwsArns arns;

    AwsSchedules(AwsClients clients, AwsErrors errors, AwsArns arns) {
        this.clients = clients;
        this.errors = errors;
        this.arns = arns;
    }

    List<ScheduleSpec> schedules(String function) {
        return rulesTargeting(function).stream().map(rule -> read(function, rule)).flatMap(Optional::stream)
                .sorted(Comparator.comparing(ScheduleSpec::name)).toList();
    }

    /** Rules run in UTC only: a schedule in another zone is refused (the planner asks before any write). */
    static void check(String function, ScheduleSpec schedule) {
        if (!"UTC".equals(schedule.timezone())) {
            throw new InvalidParameterException("Schedule " + schedule.name() + " of " + function + " asks for time zone "
                    + schedule.timezone() + ", but on the aws backend schedules are EventBridge rules, which run in UTC "
                    + "only; write the expression in UTC and drop \"timezone\".");
        }
    }

    void putSchedule(String function, ScheduleSpec schedule) {
        check(function, schedule);
        String rule = RuleNames.of(function, schedule.name());
        // the permission first, from the rule's known ARN: a missing function then fails before any rule exists
        new InvokePermission(clients, errors).allow(function, rule, arns.rule(rule));
        events(function, schedule, () -> events().putRule(b -> b.name(rule)
                .scheduleExpression(schedule.expression())
                .state(schedule.enabled() ? RuleState.ENABLED : RuleState.DISABLED)
                .description(MARK + schedule.name() + " of " + function)));
        PutTargetsResponse put = events(function, schedule, () -> events().putTargets(b -> b.rule(rule)
                .targets(Target.builder().id(TARGET_ID).arn(arns.function(function)).input(schedule.payload().orElse(null)).build())));
        if (put.failedEntryCount() != null && put.failedEntryCount() > 0) {
            throw new BackendException("EventBridge would not point the rule " + rule + " at " + function + ": "
                    + put.failedEntries().get(0).errorMessage());
        }
    }

    /** Target, rule, then the permission the rule used; whatever is already gone is skipped. */
    void deleteSchedule(String function, String name) {
        String rule = RuleNames.of(function, name);
        errors.run(Subject.function(function), () -> {
            try {
                events().removeTargets(b -> b.rule(rule).ids(TARGET_ID));
                events().deleteRule(b -> b.name(rule));
            } catch (ResourceNotFoundException gone) {
                // no such rule: nothing to delete
            }
        });
        new InvokePermission(clients, errors).revoke(function, rule);
    }

    /** EventBridge's SDK has no paginator for this call: NextToken is followed by hand. */
    private List<String> rulesTargeting(String function) {
        String target = arns.function(function);
        List<String> rules = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            ListRuleNamesByTargetResponse page = errors.call(Subject.function(function), () -> events()
                    .listRuleNamesByTarget(b -> b.targetArn(target).nextToken(token)));
            rules.addAll(page.ruleNames());
            next = page.nextToken();
        } while (next != null && !next.isEmpty());
        return rules;
    }

    private Optional<ScheduleSpec> read(String function, String rule) {
        DescribeRuleResponse r = errors.call(Subject.function(function), () -> events().describeRule(b -> b.name(rule)));
        String description = r.description() == null ? "" : r.description();
        String suffix = " of " + function;
        if (!description.startsWith(MARK) || !description.endsWith(suffix) || r.scheduleExpression() == null) {
            return Optional.empty();
        }
        String name = description.substring(MARK.length(), description.length() - suffix.length());
        Optional<String> payload = errors.call(Subject.function(function), () -> events().listTargetsByRule(b -> b.rule(rule))
                .targets().stream().filter(t -> TARGET_ID.equals(t.id())).findFirst().map(Target::input));
        return Optional.of(new ScheduleSpec(name, r.scheduleExpression(), "UTC", payload, r.state() == RuleState.ENABLED));
    }

    /** EventBridge's refusal of an expression or payload is the user's to fix: one sentence naming the schedule. */
    private <T> T events(String function, ScheduleSpec schedule, java.util.function.Supplier<T> call) {
        return errors.call(Subject.function(function), () -> {
            try {
                return call.get();
            } catch (EventBridgeException e) {
                String code = AwsErrors.code(e);
                if (!"ValidationException".equals(code) && !"InvalidEventPatternException".equals(code)) {
                    throw e;
                }
                throw new InvalidParameterException("EventBridge refused schedule " + schedule.name() + " of " + function
                        + " (" + schedule.expression() + "): " + e.awsErrorDetails().errorMessage());
            }
        });
    }

    private EventBridgeClient events() {
        return clients.events();
    }
}
