package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.aws.AwsClients;
import io.lambdoku.aws.CloudWatchStandIn;
import io.lambdoku.aws.MotoExtension;
import io.lambdoku.aws.MotoServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/**
 * A folder with a role, a schedule and an alarm, planned and applied through the packaged launcher on the aws
 * backend: IAM, EventBridge and Lambda are moto's; CloudWatch is {@link CloudWatchStandIn}, pointed at with the
 * SDK's own AWS_ENDPOINT_URL_CLOUDWATCH, because moto 5.2.1 reads only CloudWatch's query protocol while the AWS
 * SDK for Java v2 sends CloudWatch nothing but Smithy RPC v2 CBOR (moto answers it with 404).
 */
@SuppressWarnings("unchecked")
class InfraOnMotoIT {

    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/lambdoku-shop";
    private static final String MANIFEST = """
            {
              "name": "shop", "runtime": "python3.12", "handler": "app.handler",
              "role": {"create": true, "policies": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]},
              "schedules": [{"name": "often", "expression": "rate(5 minutes)"}],
              "alarms": [{"metric": "Errors", "threshold": 1}]
            }
            """;

    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    @TempDir
    Path scratch;

    private CloudWatchStandIn cloudwatch;
    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cloudwatch = CloudWatchStandIn.start();
        cli = new CliRunner(scratch).withEnv(moto.environment())
                .withEnv(Map.of("AWS_ENDPOINT_URL_CLOUDWATCH", cloudwatch.endpoint().toString()));
    }

    @AfterEach
    void tearDown() {
        cloudwatch.close();
    }

    @Test
    void aRoleAScheduleAndAnAlarmArePlannedAppliedAndTheScheduleDestroyedWhenGoneFromTheManifest() throws Exception {
        Path app = folder("shop", MANIFEST);
        CliRunner.Result plan = cli.run("plan", app.toString(), "-o", "p.plan").succeeded()
                .outContains("+ role lambdoku-shop  Lambda's trust policy, 1 statement, 0 managed policies")
                .outContains("+ function shop").outContains("+ schedule often  rate(5 minutes)")
                .outContains("+ alarm shop-Errors  Errors Sum >= 1 for 1 x 60 s")
                .outContains("Plan: 4 to add, 0 to change, 0 to destroy.");
        assertThat(plan.out()).doesNotContain("000000000000");

        cli.run("apply", "p.plan").succeeded().outContains("Released v1 of shop");

        try (AwsClients aws = new AwsClients(moto.options())) {
            Map<String, Object> trust = JSON.std.mapFrom(URLDecoder.decode(aws.iam().getRole(b -> b.roleName("lambdoku-shop"))
                    .role().assumeRolePolicyDocument(), StandardCharsets.UTF_8));
            assertThat(trust.get("Statement").toString()).contains("Principal={Service=lambda.amazonaws.com}")
                    .contains("Action=sts:AssumeRole");
            assertThat(aws.lambda().getFunction(b -> b.functionName("shop")).configuration().role()).isEqualTo(ROLE_ARN);
            assertThat(aws.events().describeRule(b -> b.name("shop-often")).scheduleExpression()).isEqualTo("rate(5 minutes)");
            assertThat(aws.events().listTargetsByRule(b -> b.rule("shop-often")).targets()).singleElement()
                    .satisfies(t -> assertThat(t.arn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:shop"));
            assertThat(aws.lambda().getPolicy(b -> b.functionName("shop")).policy()).contains("events.amazonaws.com")
                    .contains("arn:aws:events:us-east-1:123456789012:rule/shop-often");
        }
        assertThat(cloudwatch.requests("PutMetricAlarm")).singleElement().satisfies(put -> {
            assertThat(put.body()).containsEntry("AlarmName", "shop-Errors").containsEntry("Namespace", "AWS/Lambda")
                    .containsEntry("MetricName", "Errors").containsEntry("Statistic", "Sum")
                    .containsEntry("Dimensions", List.of(Map.of("Name", "FunctionName", "Value", "shop")));
            assertThat(((Number) put.body().get("Threshold")).doubleValue()).isEqualTo(1.0);
        });
        assertThat(JSON.std.mapFrom(cli.run("apps:info", "-a", "shop", "--json").succeeded().out())).containsEntry("role", ROLE_ARN);
        cli.run("plan", app.toString(), "--exit-code").succeeded().outContains("Plan: 0 to add, 0 to change, 0 to destroy.");

        Files.writeString(app.resolve("lambdoku.json"), MANIFEST.replace(
                "\"schedules\": [{\"name\": \"often\", \"expression\": \"rate(5 minutes)\"}],", ""));
        cli.run("plan", app.toString()).succeeded().outContains("- schedule often  rate(5 minutes)")
                .outContains("Plan: 0 to add, 0 to change, 1 to destroy.");
        cli.run("apply", app.toString(), "--yes").succeeded().outContains("Apply complete: 0 added, 0 changed, 1 destroyed.");

        try (AwsClients aws = new AwsClients(moto.options())) {
            assertThatThrownBy(() -> aws.events().describeRule(b -> b.name("shop-often"))).isInstanceOf(ResourceNotFoundException.class);
            assertThat(aws.events().listRuleNamesByTarget(b -> b.targetArn("arn:aws:lambda:us-east-1:123456789012:function:shop"))
                    .ruleNames()).isEmpty();
        }
        assertThat(cloudwatch.requests("DeleteAlarms")).isEmpty();
        cli.run("plan", app.toString(), "--exit-code").succeeded();
    }

    @Test
    void theRoleIsShownByItsRealArnOnceCreated() throws Exception {
        Path app = folder("shop", MANIFEST);
        cli.run("deploy", app.toString()).succeeded();
        try (AwsClients aws = new AwsClients(moto.options())) {
            aws.lambda().updateFunctionConfiguration(b -> b.functionName("shop").role(MotoServer.ROLE));
        }

        // the role's ARN is IAM's (the account from STS), never the local backend's 000000000000
        cli.run("plan", app.toString()).succeeded().outContains("~ function shop  role " + MotoServer.ROLE + " -> " + ROLE_ARN);
    }

    @Test
    void aFunctionWithNoScheduleOrAlarmMakesNoCloudWatchOrEventBridgeCall() throws Exception {
        Path app = folder("plain", "{\"name\": \"plain\", \"runtime\": \"python3.12\", \"handler\": \"app.handler\", \"role\": \""
                + MotoServer.ROLE + "\"}");

        cli.run("deploy", app.toString()).succeeded();
        cli.run("plan", app.toString(), "--exit-code").succeeded();

        assertThat(cloudwatch.requests()).isEmpty();
    }

    @Test
    void aScheduleInAnotherTimeZoneIsRefusedAtPlanTimeAndNothingIsCreated() throws Exception {
        Path app = folder("shop", MANIFEST.replace("\"expression\": \"rate(5 minutes)\"",
                "\"expression\": \"cron(0 2 * * ? *)\", \"timezone\": \"Europe/Paris\""));

        cli.run("deploy", app.toString()).failedWith(1, "lambdoku.json: Schedule often of shop asks for time zone Europe/Paris,"
                + " but on the aws backend schedules are EventBridge rules, which run in UTC only");

        assertThat(JSON.std.listFrom(cli.run("apps", "--json").succeeded().out())).isEmpty();
        try (AwsClients aws = new AwsClients(moto.options())) {
            assertThat(aws.iam().listRoles().roles()).extracting(r -> r.roleName()).doesNotContain("lambdoku-shop");
        }
        assertThat(cloudwatch.requests()).isEmpty();
    }

    private Path folder(String name, String manifest) throws Exception {
        Path dir = Files.createDirectories(scratch.resolve(name));
        Files.writeString(dir.resolve("app.py"), "def handler(event, context):\n    return 'hi'\n");
        Files.writeString(dir.resolve("lambdoku.json"), manifest);
        return dir;
    }
}
