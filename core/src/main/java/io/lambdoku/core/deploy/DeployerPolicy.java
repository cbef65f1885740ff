package io.lambdoku.core.deploy;

import io.lambdoku.core.code.S3Package;
import io.lambdoku.core.infra.RoleSpec;
import io.lambdoku.core.lambda.InvalidParameterException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The least-privilege IAM policy lambdoku itself needs to deploy and run a folder's functions on AWS
 * ({@code lambdoku setup --print-policy}): each statement one feature the manifests use, on the ARNs of
 * those functions, their roles, rules, alarms, log groups and the artifact bucket's objects. {@code *}
 * only where IAM has no narrower resource for the action, and then a note says so.
 */
public final class DeployerPolicy {

    /** Where the functions live; {@code artifactBucket} also holds locks and activity (lambdoku/locks/, lambdoku/activity/). */
    public record Scope(String region, String account, Optional<String> artifactBucket) {

        private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
        private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

        public Scope {
            if (!REGION.matcher(region).matches()) {
                throw new InvalidParameterException("The region '" + region + "' is not an AWS region like eu-west-1.");
            }
            if (!ACCOUNT.matcher(account).matches()) {
                throw new InvalidParameterException("The account '" + account + "' is not an AWS account id (12 digits).");
            }
        }

        /** aws-cn and aws-us-gov have ARNs of their own. */
        String partition() {
            return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        }
    }

    /** The statements, and what a reader should know about them (every {@code *}, every guess). */
    public record Result(List<PolicyStatement> statements, List<String> notes) {

        public Result {
            statements = List.copyOf(statements);
            notes = List.copyOf(notes);
        }

        /** The policy document, as IAM reads it. */
        public Map<String, Object> document() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("Version", "2012-10-17");
            d.put("Statement", statements.stream().map(PolicyStatement::toMap).toList());
            return d;
        }
    }

    /** What every deployed function needs: releases, config, aliases, tags, invoke (all by RevisionId on its ARN). */
    static final List<String> FUNCTION_ACTIONS = List.of("lambda:GetFunction", "lambda:GetFunctionConfiguration",
            "lambda:CreateFunction", "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
            "lambda:PublishVersion", "lambda:ListVersionsByFunction", "lambda:DeleteFunction",
            "lambda:CreateAlias", "lambda:UpdateAlias", "lambda:GetAlias", "lambda:ListAliases", "lambda:DeleteAlias",
            "lambda:ListTags", "lambda:TagResource", "lambda:UntagResource", "lambda:InvokeFunction");
    static final List<String> ROLE_ACTIONS = List.of("iam:GetRole", "iam:CreateRole", "iam:TagRole", "iam:ListRoleTags",
            "iam:UpdateAssumeRolePolicy", "iam:PutRolePolicy", "iam:GetRolePolicy", "iam:ListRolePolicies",
            "iam:DeleteRolePolicy", "iam:ListAttachedRolePolicies", "iam:DetachRolePolicy", "iam:DeleteRole");
    static final List<String> RULE_ACTIONS = List.of("events:PutRule", "events:DescribeRule", "events:DeleteRule",
            "events:PutTargets", "events:RemoveTargets", "events:ListTargetsByRule");
    static final List<String> ALARM_ACTIONS = List.of("cloudwatch:PutMetricAlarm", "cloudwatch:DescribeAlarms",
            "cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarmHistory");
    /** EventBridge rule names are at most 64 characters; a long FUNCTION-SCHEDULE keeps this much of its start. */
    private static final int RULE_PREFIX = 53;

    private final Scope scope;

    private DeployerPolicy(Scope scope) {
        this.scope = scope;
    }

    public static Result of(Scope scope, List<Manifest> manifests, List<S3Package> packages) {
        return new DeployerPolicy(scope).build(manifests.stream().sorted(Comparator.comparing(Manifest::name)).toList(), packages);
    }

    private Result build(List<Manifest> ms, List<S3Package> packages) {
        List<PolicyStatement> s = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        s.add(new PolicyStatement("Identity", List.of("sts:GetCallerIdentity"), List.of("*")));
        notes.add("sts:GetCallerIdentity has no resource in IAM (and is never denied): Resource is *.");
        s.add(new PolicyStatement("Functions", FUNCTION_ACTIONS, each(ms, m -> true, this::functionArns)));
        optional(s, "Layers", List.of("lambda:GetLayerVersion"), each(ms, m -> !m.layers().isEmpty(), Manifest::layers));
        optional(s, "ReservedConcurrency", List.of("lambda:GetFunctionConcurrency", "lambda:PutFunctionConcurrency",
                "lambda:DeleteFunctionConcurrency"), each(ms, m -> m.infra().reservedConcurrency().isPresent(), m -> List.of(functionArn(m))));
        bucket(s, notes, ms);
        optional(s, "Packages", List.of("s3:GetObject", "s3:GetObjectVersion"), packages.stream()
                .map(p -> arn("s3", "", "", p.bucket() + "/" + p.key())).distinct().toList());
        roles(s, notes, ms);
        schedules(s, notes, ms);
        optional(s, "Alarms", ALARM_ACTIONS, each(ms, m -> !m.infra().alarms().isEmpty(),
                m -> List.of(arn("cloudwatch", "alarm:" + m.name() + "-*"))));
        s.add(new PolicyStatement("Logs", List.of("logs:FilterLogEvents"), each(ms, m -> true,
                m -> List.of(arn("logs", "log-group:/aws/lambda/" + m.name() + ":*")))));
        s.add(new PolicyStatement("Metrics", List.of("cloudwatch:GetMetricStatistics"), List.of("*")));
        notes.add("cloudwatch:GetMetricStatistics (lambdoku metrics) has no resource-level permissions in IAM: Resource is *.");
        if (ms.stream().anyMatch(m -> !m.secrets().isEmpty())) {
            s.add(new PolicyStatement("SealedConfigVars", List.of("kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"),
                    List.of(arn("kms", "key/*"))));
            notes.add("kms:Encrypt/Decrypt/DescribeKey (sealed config vars, \"secrets\") are on every key of the account, as"
                    + " lambdoku.json does not name the key: narrow it to the app's (lambdoku config:key). The functions' roles"
                    + " need kms:Decrypt on it too.");
        }
        return new Result(s, notes);
    }

    /** Artifacts are shared by content hash; locks and activity are per function. */
    private void bucket(List<PolicyStatement> s, List<String> notes, List<Manifest> ms) {
        if (scope.artifactBucket().isEmpty()) {
            notes.add("No artifact bucket is set (--artifact-bucket or LAMBDOKU_ARTIFACT_BUCKET): the policy grants no S3 "
                    + "access, and deploys cannot take their locks on AWS.");
            return;
        }
        String bucket = scope.artifactBucket().get();
        // without ListBucket, S3 answers 403 instead of 404 for an artifact not uploaded yet
        s.add(new PolicyStatement("ArtifactBucket", List.of("s3:ListBucket"), List.of(arn("s3", "", "", bucket))));
        s.add(new PolicyStatement("Artifacts", List.of("s3:GetObject", "s3:PutObject"),
                List.of(arn("s3", "", "", bucket + "/lambdoku/sha256/*"))));
        s.add(new PolicyStatement("LocksAndActivity", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                each(ms, m -> true, m -> List.of(arn("s3", "", "", bucket + "/lambdoku/locks/" + m.name() + ".json"),
                        arn("s3", "", "", bucket + "/lambdoku/activity/" + m.name() + "/*")))));
    }

    private void roles(List<PolicyStatement> s, List<String> notes, List<Manifest> ms) {
        Set<String> passed = new LinkedHashSet<>();
        for (Manifest m : ms) {
            m.role().ifPresent(passed::add);
            m.infra().role().ifPresent(r -> passed.add(roleArn(r)));
        }
        List<String> unnamed = ms.stream().filter(m -> m.role().isEmpty() && m.infra().role().isEmpty()).map(Manifest::name).toList();
        if (!unnamed.isEmpty()) {
            passed.add(arn("iam", "", scope.account(), "role/*"));
            notes.add("No role is named for " + String.join(", ", unnamed) + ": a deploy passes the function's current role, "
                    + "which is not known here, so iam:PassRole is on role/* (still only to Lambda); name the role in "
                    + "lambdoku.json to narrow it.");
        }
        s.add(new PolicyStatement("PassRoles", List.of("iam:PassRole"), List.copyOf(passed),
                Map.of("StringEquals", Map.of("iam:PassedToService", "lambda.amazonaws.com"))));
        List<RoleSpec> created = ms.stream().flatMap(m -> m.infra().role().stream()).toList();
        optional(s, "ExecutionRoles", ROLE_ACTIONS, created.stream().map(this::roleArn).toList());
        List<String> managed = created.stream().flatMap(r -> r.managed().stream()).distinct().sorted().toList();
        if (!managed.isEmpty()) {
            // the only managed policies lambdoku may attach are those the manifests list
            s.add(new PolicyStatement("ManagedPolicies", List.of("iam:AttachRolePolicy"),
                    created.stream().filter(r -> !r.managed().isEmpty()).map(this::roleArn).toList(),
                    Map.of("ArnEquals", Map.of("iam:PolicyARN", managed))));
        }
    }

    /** Schedules are EventBridge rules named FUNCTION-SCHEDULE with a permission on the function for events.amazonaws.com. */
    private void schedules(List<PolicyStatement> s, List<String> notes, List<Manifest> ms) {
        Predicate<Manifest> scheduled = m -> !m.infra().schedules().isEmpty();
        if (ms.stream().noneMatch(scheduled)) {
            return;
        }
        s.add(new PolicyStatement("ScheduleRules", RULE_ACTIONS, each(ms, scheduled, m -> List.of(arn("events",
                "rule/" + rulePrefix(m.name()) + "*")))));
        s.add(new PolicyStatement("ScheduleRuleLookup", List.of("events:ListRuleNamesByTarget"), List.of("*")));
        notes.add("events:ListRuleNamesByTarget (finding a function's schedules) is not tied to one rule: Resource is *.");
        s.add(new PolicyStatement("SchedulePermissions", List.of("lambda:AddPermission", "lambda:RemovePermission",
                "lambda:GetPolicy"), each(ms, scheduled, m -> List.of(functionArn(m)))));
    }

    private static String rulePrefix(String function) {
        String prefix = function + "-";
        return prefix.length() <= RULE_PREFIX ? prefix : prefix.substring(0, RULE_PREFIX);
    }

    private static void optional(List<PolicyStatement> s, String sid, List<String> actions, List<String> resources) {
        if (!resources.isEmpty()) {
            s.add(new PolicyStatement(sid, actions, resources));
        }
    }

    private static List<String> each(List<Manifest> ms, Predicate<Manifest> which, Function<Manifest, List<String>> resources) {
        return ms.stream().filter(which).flatMap(m -> resources.apply(m).stream()).distinct().toList();
    }

    /** The function and its versions and aliases (qualified ARNs are distinct resources in IAM). */
    private List<String> functionArns(Manifest m) {
        return List.of(functionArn(m), functionArn(m) + ":*");
    }

    private String functionArn(Manifest m) {
        return arn("lambda", "function:" + m.name());
    }

    private String roleArn(RoleSpec r) {
        return arn("iam", "", scope.account(), "role/" + r.name());
    }

    private String arn(String service, String resource) {
        return arn(service, scope.region(), scope.account(), resource);
    }

    private String arn(String service, String region, String account, String resource) {
        // S3 ARNs name neither region nor account; IAM's (a global service) name no region
        String sep = service.equals("s3") ? ":::" : ":" + region + ":" + account + ":";
        return "arn:" + scope.partition() + ":" + service + sep + resource;
    }
}
