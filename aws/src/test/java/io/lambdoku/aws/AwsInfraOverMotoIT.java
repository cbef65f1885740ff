package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.infra.RoleSpec;
import io.lambdoku.core.infra.RoleState;
import io.lambdoku.core.infra.ScheduleSpec;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.release.ReleaseScenarios;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Roles, schedules and reserved concurrency through the aws adapters against moto_server, checked both
 * through {@link AwsInfra} (read back equal to what was put) and through the AWS APIs themselves
 * (what a user would see in the console: the trust policy, the inline policy, the rule's target, the
 * function's resource policy).
 */
class AwsInfraOverMotoIT {

    private static final String ACCOUNT = "123456789012";
    private static final Map<String, Object> READ_BUCKET = Map.of("Effect", "Allow", "Action", "s3:GetObject",
            "Resource", "arn:aws:s3:::shop-data/*");

    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    private AwsLambda aws;
    private AwsInfra infra;

    @BeforeEach
    void fresh() {
        aws = AwsLambda.open(moto.options());
        infra = new AwsInfra(aws.clients());
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void roleIsCreatedWithLambdasTrustPolicyAndWritesOnlyToItsOwnLogGroup() {
        String managed = customerPolicy("shop-extra");
        RoleSpec spec = new RoleSpec("lambdoku-shop", "shop", List.of(READ_BUCKET), List.of(managed));

        RoleState put = infra.putRole(spec);

        assertThat(put.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/lambdoku-shop");
        assertThat(put.spec()).isEqualTo(spec);
        assertThat(infra.role("lambdoku-shop")).contains(put);
        var iam = aws.clients().iam();
        assertThat(RolePolicy.parse(iam.getRole(b -> b.roleName("lambdoku-shop")).role().assumeRolePolicyDocument()))
                .isEqualTo(RolePolicy.parse(RoleSpec.LAMBDA_TRUST_POLICY));
        assertThat(iam.listRoleTags(b -> b.roleName("lambdoku-shop")).tags())
                .anyMatch(t -> t.key().equals("lambdoku:function") && t.value().equals("shop"));
        Map<String, Object> inline = RolePolicy.parse(iam.getRolePolicy(b -> b.roleName("lambdoku-shop")
                .policyName("lambdoku")).policyDocument());
        String group = "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/aws/lambda/shop";
        assertThat((List<Object>) inline.get("Statement")).containsExactly(
                Map.of("Sid", "LambdokuLogGroup", "Effect", "Allow", "Action", "logs:CreateLogGroup", "Resource", group),
                Map.of("Sid", "LambdokuLogStreams", "Effect", "Allow",
                        "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"), "Resource", group + ":*"),
                READ_BUCKET);
    }

    @Test
    void puttingARoleAgainMakesItsPoliciesMatch() {
        String first = customerPolicy("first");
        String second = customerPolicy("second");
        infra.putRole(new RoleSpec("lambdoku-shop", "shop", List.of(READ_BUCKET), List.of(first)));

        RoleSpec changed = new RoleSpec("lambdoku-shop", "shop", List.of(), List.of(second));
        RoleState put = infra.putRole(changed);

        assertThat(put.spec()).isEqualTo(changed);
        assertThat(aws.clients().iam().listAttachedRolePolicies(b -> b.roleName("lambdoku-shop")).attachedPolicies())
                .extracting(p -> p.policyArn()).containsExactly(second);
    }

    @Test
    void deletingARoleDetachesItsPoliciesFirst() {
        infra.putRole(new RoleSpec("lambdoku-shop", "shop", List.of(READ_BUCKET), List.of(customerPolicy("extra"))));

        infra.deleteRole("lambdoku-shop");

        assertThat(infra.role("lambdoku-shop")).isEmpty();
        assertThatThrownBy(() -> aws.clients().iam().getRole(b -> b.roleName("lambdoku-shop")))
                .isInstanceOf(NoSuchEntityException.class);
        infra.deleteRole("lambdoku-shop");
    }

    @Test
    void aRoleLambdokuDidNotCreateIsNeverChangedNorDeleted() {
        RoleSpec spec = new RoleSpec("lambdoku-test", "shop", List.of(), List.of());

        assertThatThrownBy(() -> infra.putRole(spec)).isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("lambdoku did not create it");
        assertThatThrownBy(() -> infra.deleteRole("lambdoku-test")).isInstanceOf(ResourceConflictException.class);
        assertThat(aws.clients().iam().listRolePolicies(b -> b.roleName("lambdoku-test")).policyNames()).isEmpty();
    }

    @Test
    void aRoleMadeForAnotherFunctionIsNotTakenOver() {
        infra.putRole(new RoleSpec("lambdoku-shop", "shop", List.of(READ_BUCKET), List.of()));

        assertThatThrownBy(() -> infra.putRole(new RoleSpec("lambdoku-shop", "cart", List.of(), List.of())))
                .isInstanceOf(ResourceConflictException.class).hasMessageContaining("created for function shop, not cart");
        assertThat(infra.role("lambdoku-shop").orElseThrow().spec().statements()).containsExactly(READ_BUCKET);
    }

    @Test
    void aStatementIamRefusesIsOneSentenceNamingTheRole() {
        Map<String, Object> bad = Map.of("Effect", "Allow", "Action", "s3:GetObject", "Resource", "not-an-arn");

        assertThatThrownBy(() -> infra.putRole(new RoleSpec("lambdoku-shop", "shop", List.of(bad), List.of())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("IAM refused the role lambdoku-shop: ");
    }

    @Test
    void aFunctionIsCreatedWithARoleJustCreated() {
        RoleState role = infra.putRole(new RoleSpec("lambdoku-shop", "shop", List.of(), List.of()));

        FunctionConfig created = function("shop", role.arn());

        assertThat(created.settings().role()).isEqualTo(role.arn());
    }

    @Test
    void schedulesArePutListedAndDeletedAsRulesThatMayInvokeTheFunction() {
        function("shop", MotoServer.ROLE);
        ScheduleSpec nightly = new ScheduleSpec("nightly", "cron(0 3 * * ? *)", "UTC", Optional.of("{\"job\":\"report\"}"), true);
        ScheduleSpec often = new ScheduleSpec("shop-schedule-1", "rate(5 minutes)", null, Optional.empty(), false);

        infra.putSchedule("shop", nightly);
        infra.putSchedule("shop", often);

        assertThat(infra.schedules("shop")).containsExactly(nightly, often);
        var events = aws.clients().events();
        String functionArn = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:shop";
        assertThat(events.listTargetsByRule(b -> b.rule("shop-nightly")).targets()).extracting(Target::arn, Target::input)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(functionArn, "{\"job\":\"report\"}"));
        String policy = aws.clients().lambda().getPolicy(b -> b.functionName("shop")).policy();
        assertThat(policy).contains("events.amazonaws.com")
                .contains("arn:aws:events:us-east-1:" + ACCOUNT + ":rule/shop-nightly");

        ScheduleSpec changed = new ScheduleSpec("nightly", "cron(0 4 * * ? *)", "UTC", Optional.empty(), false);
        infra.putSchedule("shop", changed);
        assertThat(infra.schedules("shop")).containsExactly(changed, often);

        infra.deleteSchedule("shop", "nightly");
        infra.deleteSchedule("shop", "nightly");
        assertThat(infra.schedules("shop")).containsExactly(often);
        assertThat(events.listRules(b -> b.namePrefix("shop-nightly")).rules()).isEmpty();
        assertThat(aws.clients().lambda().getPolicy(b -> b.functionName("shop")).policy()).doesNotContain("rule/shop-nightly");
    }

    @Test
    void schedulesAreListedForTheirOwnFunctionOnly() {
        function("shop", MotoServer.ROLE);
        function("shop-api", MotoServer.ROLE);
        ScheduleSpec api = new ScheduleSpec("nightly", "rate(1 day)", "UTC", Optional.empty(), true);

        infra.putSchedule("shop-api", api);

        assertThat(infra.schedules("shop")).isEmpty();
        assertThat(infra.schedules("shop-api")).containsExactly(api);
    }

    @Test
    void aScheduleInAnotherTimeZoneIsRefusedAndNothingIsCreated() {
        function("shop", MotoServer.ROLE);
        ScheduleSpec paris = new ScheduleSpec("morning", "cron(0 8 * * ? *)", "Europe/Paris", Optional.empty(), true);

        assertThatThrownBy(() -> infra.putSchedule("shop", paris)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Europe/Paris").hasMessageContaining("UTC only");
        assertThat(aws.clients().events().listRules(b -> b.namePrefix("shop")).rules()).isEmpty();
    }

    @Test
    void aScheduleOfAMissingFunctionFailsBeforeAnyRuleExists() {
        ScheduleSpec nightly = new ScheduleSpec("nightly", "rate(1 day)", "UTC", Optional.empty(), true);

        assertThatThrownBy(() -> infra.putSchedule("gone", nightly))
                .isInstanceOf(io.lambdoku.core.lambda.ResourceNotFoundException.class);
        assertThat(aws.clients().events().listRules(b -> b.namePrefix("gone")).rules()).isEmpty();
    }

    @Test
    void reservedConcurrencyIsPutReadAndRemoved() {
        function("shop", MotoServer.ROLE);
        assertThat(aws.reservedConcurrency("shop")).isEmpty();

        aws.putReservedConcurrency("shop", Optional.of(5));
        assertThat(aws.reservedConcurrency("shop")).contains(5);

        aws.putReservedConcurrency("shop", Optional.empty());
        assertThat(aws.reservedConcurrency("shop")).isEmpty();
    }

    private FunctionConfig function(String name, String role) {
        FunctionSettings settings = new FunctionSettings("python3.12", "app.handler", role, 128, 3, Map.of(), List.of());
        return aws.createFunction(new NewFunction(name, settings, "", ReleaseScenarios.handler("hi"), Map.of()));
    }

    private String customerPolicy(String name) {
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\","
                + "\"Resource\":\"arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + name + "\"}]}";
        return aws.clients().iam().createPolicy(b -> b.policyName(name).policyDocument(document)).policy().arn();
    }
}
