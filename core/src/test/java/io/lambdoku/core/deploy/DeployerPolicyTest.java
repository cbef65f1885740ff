package io.lambdoku.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.code.S3Package;
import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.FunctionInfra;
import io.lambdoku.core.infra.RoleSpec;
import io.lambdoku.core.infra.ScheduleSpec;
import io.lambdoku.core.lambda.InvalidParameterException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeployerPolicyTest {

    private static final DeployerPolicy.Scope SCOPE = new DeployerPolicy.Scope("eu-west-1", "123456789012",
            Optional.of("lambdoku-artifacts-123456789012-eu-west-1"));
    private static final String SHOP = "arn:aws:lambda:eu-west-1:123456789012:function:shop";
    private static final String BUCKET = "arn:aws:s3:::lambdoku-artifacts-123456789012-eu-west-1";

    private static Manifest manifest(String name, Optional<String> role, List<String> layers, FunctionInfra infra) {
        return new Manifest(Path.of(name), name, "python3.12", "app.handler", 128, 3, role, "x86_64", "", Map.of(), layers,
                List.of(), List.of(), Optional.empty(), List.of(), infra);
    }

    private static Manifest plain(String name, String role) {
        return manifest(name, Optional.of(role), List.of(), FunctionInfra.NONE);
    }

    private static PolicyStatement statement(DeployerPolicy.Result r, String sid) {
        return r.statements().stream().filter(s -> s.sid().equals(sid)).findFirst().orElseThrow(() -> new AssertionError("no " + sid));
    }

    private static List<String> sids(DeployerPolicy.Result r) {
        return r.statements().stream().map(PolicyStatement::sid).toList();
    }

    @Test
    void aPlainFunctionGetsItsOwnArnsItsRoleItsLocksAndTheArtifacts() {
        DeployerPolicy.Result r = DeployerPolicy.of(SCOPE, List.of(plain("shop", "arn:aws:iam::123456789012:role/shop-exec")), List.of());

        assertThat(sids(r)).containsExactly("Identity", "Functions", "ArtifactBucket", "Artifacts", "LocksAndActivity",
                "PassRoles", "Logs", "Metrics");
        assertThat(statement(r, "Functions").resources()).containsExactly(SHOP, SHOP + ":*");
        assertThat(statement(r, "Functions").actions()).contains("lambda:UpdateFunctionCode", "lambda:PublishVersion",
                "lambda:UpdateAlias").doesNotContain("lambda:ListFunctions", "lambda:AddPermission");
        assertThat(statement(r, "PassRoles").toMap()).isEqualTo(Map.of("Sid", "PassRoles", "Effect", "Allow",
                "Action", "iam:PassRole", "Resource", "arn:aws:iam::123456789012:role/shop-exec",
                "Condition", Map.of("StringEquals", Map.of("iam:PassedToService", "lambda.amazonaws.com"))));
        assertThat(statement(r, "ArtifactBucket").resources()).containsExactly(BUCKET);
        assertThat(statement(r, "Artifacts").resources()).containsExactly(BUCKET + "/lambdoku/sha256/*");
        assertThat(statement(r, "LocksAndActivity").resources()).containsExactly(BUCKET + "/lambdoku/locks/shop.json",
                BUCKET + "/lambdoku/activity/shop/*");
        assertThat(statement(r, "Logs").resources()).containsExactly("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/shop:*");
    }

    @Test
    void starIsUsedOnlyWhereIamHasNoNarrowerResourceAndEachIsNoted() {
        DeployerPolicy.Result r = DeployerPolicy.of(SCOPE, List.of(manifest("shop", Optional.of("arn:aws:iam::123456789012:role/x"),
                List.of(), new FunctionInfra(Optional.empty(), List.of(new ScheduleSpec("shop-schedule-1", "rate(5 minutes)", null,
                        Optional.empty(), true)), List.of(), Optional.empty(), Map.of()))), List.of());

        assertThat(r.statements().stream().filter(s -> s.resources().contains("*")).map(PolicyStatement::sid))
                .containsExactly("Identity", "ScheduleRuleLookup", "Metrics");
        assertThat(r.notes()).hasSize(3).allMatch(n -> n.contains("Resource is *"));
    }

    @Test
    void aRoleToCreateGetsIamOnThatRoleOnlyAndManagedPoliciesOnlyThoseListed() {
        RoleSpec role = new RoleSpec("lambdoku-shop", "shop", List.of(), List.of("arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"));
        DeployerPolicy.Result r = DeployerPolicy.of(SCOPE, List.of(manifest("shop", Optional.empty(), List.of(),
                new FunctionInfra(Optional.of(role), List.of(), List.of(), Optional.empty(), Map.of()))), List.of());

        String arn = "arn:aws:iam::123456789012:role/lambdoku-shop";
        assertThat(statement(r, "ExecutionRoles").resources()).containsExactly(arn);
        assertThat(statement(r, "ExecutionRoles").actions()).contains("iam:CreateRole", "iam:PutRolePolicy", "iam:GetRole", "iam:TagRole")
                .doesNotContain("iam:PassRole", "iam:AttachRolePolicy");
        assertThat(statement(r, "PassRoles").resources()).containsExactly(arn);
        assertThat(statement(r, "ManagedPolicies").toMap()).containsEntry("Action", "iam:AttachRolePolicy")
                .containsEntry("Resource", arn).containsEntry("Condition", Map.of("ArnEquals",
                        Map.of("iam:PolicyARN", List.of("arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"))));
    }

    @Test
    void aFunctionNamingNoRoleNeedsPassRoleOnAnyRoleButOnlyToLambdaAndItIsNoted() {
        DeployerPolicy.Result r = DeployerPolicy.of(SCOPE, List.of(manifest("shop", Optional.empty(), List.of(), FunctionInfra.NONE)), List.of());

        assertThat(statement(r, "PassRoles").resources()).containsExactly("arn:aws:iam::123456789012:role/*");
        assertThat(statement(r, "PassRoles").condition()).containsKey("StringEquals");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("No role is named for shop:"));
    }

    @Test
    void schedulesAlarmsConcurrencyAndLayersAddTheirStatementsOnlyForTheFunctionsThatUseThem() {
        FunctionInfra all = new FunctionInfra(Optional.empty(),
                List.of(new ScheduleSpec("shop-schedule-1", "rate(5 minutes)", null, Optional.empty(), true)),
                List.of(new AlarmSpec("shop-Errors", "Errors", "Sum", 1, null, 60, 1, List.of())), Optional.of(5), Map.of());
        String layer = "arn:aws:lambda:eu-west-1:123456789012:layer:deps:3";
        DeployerPolicy.Result r = DeployerPolicy.of(SCOPE, List.of(
                manifest("shop", Optional.of("arn:aws:iam::123456789012:role/x"), List.of(layer), all),
                plain("cart", "arn:aws:iam::123456789012:role/x")), List.of());

        assertThat(statement(r, "ScheduleRules").resources()).containsExactly("arn:aws:events:eu-west-1:123456789012:rule/shop-*");
        assertThat(statement(r, "ScheduleRules").actions()).contains("events:PutRule", "events:PutTargets");
        assertThat(statement(r, "SchedulePermissions").resources()).containsExactly(SHOP);
        assertThat(statement(r, "Alarms").actions()).containsExactly("cloudwatch:PutMetricAlarm", "cloudwatch:DescribeAlarms",
                "cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarmHistory");
        assertThat(statement(r, "Alarms").resources()).containsExactly("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:shop-*");
        assertThat(statement(r, "ReservedConcurrency").resources()).containsExactly(SHOP);
        assertThat(statement(r, "Layers").resources()).containsExactly(layer);
        assertThat(statement(r, "Functions").resources()).containsExactly(
                "arn:aws:lambda:eu-west-1:123456789012:function:cart", "arn:aws:lambda:eu-west-1:123456789012:function:cart:*",
                SHOP, SHOP + ":*");
        assertThat(statement(r, "PassRoles").resources()).containsExactly("arn:aws:iam::123456789012:role/x");
    }

    @Test
    void aFunctionWithSecretsMayUseKmsAndItIsNoted() {
        Manifest plain = plain("shop", "arn:aws:iam::123456789012:role/shop-exec");
        Manifest sealed = new Manifest(plain.dir(), "shop", "python3.12", "app.handler", 128, 3, plain.role(), "x86_64", "",
                Map.of(), List.of(), List.of(), List.of(), Optional.empty(), List.of(), FunctionInfra.NONE, List.of("DB_PASSWORD"));

        assertThat(sids(DeployerPolicy.of(SCOPE, List.of(plain), List.of()))).doesNotContain("SealedConfigVars");
        DeployerPolicy.Result r = DeployerPolicy.of(SCOPE, List.of(sealed), List.of());
        assertThat(statement(r, "SealedConfigVars").actions()).containsExactly("kms:Encrypt", "kms:Decrypt", "kms:DescribeKey");
        assertThat(statement(r, "SealedConfigVars").resources()).containsExactly("arn:aws:kms:eu-west-1:123456789012:key/*");
        assertThat(r.notes()).anyMatch(n -> n.contains("config:key"));
    }

    @Test
    void packagesInS3CanBeReadByVersion() {
        DeployerPolicy.Result r = DeployerPolicy.of(SCOPE, List.of(plain("shop", "arn:aws:iam::123456789012:role/x")),
                List.of(S3Package.parse("s3://shop-builds/shop/1.zip?versionId=abc")));

        assertThat(statement(r, "Packages").toMap()).containsEntry("Action", List.of("s3:GetObject", "s3:GetObjectVersion"))
                .containsEntry("Resource", "arn:aws:s3:::shop-builds/shop/1.zip");
    }

    @Test
    void otherPartitionsHaveTheirOwnArns() {
        DeployerPolicy.Result r = DeployerPolicy.of(new DeployerPolicy.Scope("cn-north-1", "123456789012", Optional.of("b-cn")),
                List.of(plain("shop", "arn:aws-cn:iam::123456789012:role/x")), List.of());

        assertThat(statement(r, "Functions").resources()).first().isEqualTo("arn:aws-cn:lambda:cn-north-1:123456789012:function:shop");
        assertThat(statement(r, "ArtifactBucket").resources()).containsExactly("arn:aws-cn:s3:::b-cn");
    }

    @Test
    void withoutAnArtifactBucketThereIsNoS3AndItIsNoted() {
        DeployerPolicy.Result r = DeployerPolicy.of(new DeployerPolicy.Scope("eu-west-1", "123456789012", Optional.empty()),
                List.of(plain("shop", "arn:aws:iam::123456789012:role/x")), List.of());

        assertThat(sids(r)).doesNotContain("ArtifactBucket", "Artifacts", "LocksAndActivity");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("No artifact bucket is set"));
    }

    @Test
    void theDocumentIsAnIamPolicy() {
        Map<String, Object> d = DeployerPolicy.of(SCOPE, List.of(plain("shop", "arn:aws:iam::123456789012:role/x")), List.of()).document();

        assertThat(d).containsEntry("Version", "2012-10-17");
        assertThat((List<?>) d.get("Statement")).allSatisfy(s -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> statement = (Map<String, Object>) s;
            assertThat(statement).containsEntry("Effect", "Allow").containsKeys("Sid", "Action", "Resource");
        });
    }

    @Test
    void aBadRegionOrAccountIsOneSentence() {
        assertThatThrownBy(() -> new DeployerPolicy.Scope("Ireland", "123456789012", Optional.empty()))
                .isInstanceOf(InvalidParameterException.class).hasMessage("The region 'Ireland' is not an AWS region like eu-west-1.");
        assertThatThrownBy(() -> new DeployerPolicy.Scope("eu-west-1", "1234", Optional.empty()))
                .isInstanceOf(InvalidParameterException.class).hasMessage("The account '1234' is not an AWS account id (12 digits).");
    }
}
