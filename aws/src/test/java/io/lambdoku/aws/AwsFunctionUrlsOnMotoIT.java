package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.lambda.Cors;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.FunctionUrlSpec;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.UrlAuth;
import io.lambdoku.core.release.ReleaseScenarios;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Function URLs, reserved and provisioned concurrency through the aws adapter against moto_server, checked through
 * the adapter and through Lambda's own answers (the function's resource-based policy, as the console shows it).
 * moto 5.2.1 deviates from AWS here, so these tests stay on $LATEST: it ignores the Qualifier of URL calls (one URL
 * per function, created again on a second create), does not route ListFunctionUrlConfigs nor any provisioned
 * concurrency call (the adapter then reads none), keeps CORS when an update sends an empty Cors block (AWS clears it), and leaves the '/' off the
 * URL.
 */
class AwsFunctionUrlsOnMotoIT {

    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    private AwsLambda aws;

    @BeforeEach
    void fresh() {
        aws = AwsLambda.open(moto.options());
        FunctionSettings settings = new FunctionSettings("python3.12", "app.handler", MotoServer.ROLE, 128, 3, Map.of(), List.of());
        aws.createFunction(new NewFunction("shop", settings, "", ReleaseScenarios.handler("hi"), Map.of()));
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void publicUrlIsCreatedWithThePolicyThatLetsThePublicCallIt() {
        FunctionUrl url = aws.createFunctionUrl("shop", Optional.empty(),
                new FunctionUrlSpec(UrlAuth.NONE, Optional.of(Cors.origins(List.of("https://shop.example")))));

        assertThat(url.url()).matches("https://[a-z0-9]+\\.lambda-url\\.us-east-1\\.on\\.aws/");
        assertThat(url.target()).isEqualTo("shop");
        assertThat(url.auth()).isEqualTo(UrlAuth.NONE);
        assertThat(url.cors()).map(Cors::allowOrigins).contains(List.of("https://shop.example"));
        assertThat(aws.getFunctionUrl("shop", Optional.empty())).satisfies(read -> {
            assertThat(read.url()).isEqualTo(url.url());
            assertThat(read.auth()).isEqualTo(UrlAuth.NONE);
            assertThat(read.cors()).map(Cors::allowOrigins).contains(List.of("https://shop.example"));
        });
        assertThat(policyActions()).containsEntry(PublicUrlAccess.URL_STATEMENT, "lambda:InvokeFunctionUrl")
                .containsEntry(PublicUrlAccess.INVOKE_STATEMENT, "lambda:InvokeFunction");
    }

    @Test
    void creatingThePublicUrlTwiceKeepsOneStatementOfEachKind() {
        FunctionUrlSpec open = new FunctionUrlSpec(UrlAuth.NONE, Optional.empty());
        aws.createFunctionUrl("shop", Optional.empty(), open);
        aws.updateFunctionUrl("shop", Optional.empty(), open);

        assertThat(policySids()).containsExactlyInAnyOrder(PublicUrlAccess.URL_STATEMENT, PublicUrlAccess.INVOKE_STATEMENT);
    }

    @Test
    void urlMadePrivateLosesThePublicStatementsAndKeepsItsAddress() {
        FunctionUrl open = aws.createFunctionUrl("shop", Optional.empty(),
                new FunctionUrlSpec(UrlAuth.NONE, Optional.of(Cors.origins(List.of("https://shop.example")))));

        FunctionUrl closed = aws.updateFunctionUrl("shop", Optional.empty(), new FunctionUrlSpec(UrlAuth.AWS_IAM, Optional.empty()));

        assertThat(closed.url()).isEqualTo(open.url());
        assertThat(closed.auth()).isEqualTo(UrlAuth.AWS_IAM);
        assertThat(aws.getFunctionUrl("shop", Optional.empty()).auth()).isEqualTo(UrlAuth.AWS_IAM);
        assertThat(policySids()).doesNotContain(PublicUrlAccess.URL_STATEMENT, PublicUrlAccess.INVOKE_STATEMENT);
    }

    @Test
    void iamUrlGetsNoPublicStatement() {
        aws.createFunctionUrl("shop", Optional.empty(), new FunctionUrlSpec(UrlAuth.AWS_IAM, Optional.empty()));

        assertThat(policySids()).isEmpty();
    }

    @Test
    void deletedUrlIsGoneWithItsStatements() {
        aws.createFunctionUrl("shop", Optional.empty(), new FunctionUrlSpec(UrlAuth.NONE, Optional.empty()));

        aws.deleteFunctionUrl("shop", Optional.empty());

        assertThatThrownBy(() -> aws.getFunctionUrl("shop", Optional.empty()))
                .isInstanceOf(ResourceNotFoundException.class).hasMessage("Function shop has no function URL.");
        assertThat(policySids()).isEmpty();
        assertThat(aws.listFunctionUrls("shop")).isEmpty();
    }

    /** moto does not route ListFunctionUrlConfigs: the adapter reads the same list with GetFunctionUrlConfig. */
    @Test
    void listNamesTheUrlsOfTheFunction() {
        FunctionUrl url = aws.createFunctionUrl("shop", Optional.empty(), new FunctionUrlSpec(UrlAuth.AWS_IAM, Optional.empty()));

        assertThat(aws.listFunctionUrls("shop")).singleElement().satisfies(listed -> {
            assertThat(listed.url()).isEqualTo(url.url());
            assertThat(listed.qualifier()).isEmpty();
            assertThat(listed.auth()).isEqualTo(UrlAuth.AWS_IAM);
        });
    }

    @Test
    void urlOfAMissingFunctionNamesTheFunction() {
        assertThatThrownBy(() -> aws.createFunctionUrl("ghost", Optional.empty(), new FunctionUrlSpec(UrlAuth.AWS_IAM, Optional.empty())))
                .isInstanceOf(ResourceNotFoundException.class).hasMessage("Function ghost does not exist.");
        assertThatThrownBy(() -> aws.getFunctionUrl("ghost", Optional.empty()))
                .isInstanceOf(ResourceNotFoundException.class).hasMessage("Function ghost does not exist.");
    }

    @Test
    void urlOnAnAlias() {
        Assumptions.abort("moto 5.2.1 ignores the Qualifier of function URL calls (one URL per function, whatever the"
                + " alias): alias URLs through the aws adapter are tested against 'local serve' (AwsFunctionUrlScenariosOverLocalServeIT)");
    }

    /** moto can say the URL exists, not serve it: the probe says that instead of calling the app broken or Ready. */
    @Test
    void probeSaysAnEndpointOverridesUrlCannotBeChecked() {
        FunctionUrl url = aws.createFunctionUrl("shop", Optional.empty(), new FunctionUrlSpec(UrlAuth.NONE, Optional.empty()));

        Optional<String> problem = aws.urlProbe().problem(url);

        assertThat(problem).hasValueSatisfying(p -> assertThat(p).startsWith("GET " + url.url())
                .contains(moto.endpoint() + " (an endpoint override, not AWS) gave out this address but does not serve it"));
    }

    @Test
    void reservedConcurrencyIsSetReadAndRemoved() {
        aws.putReservedConcurrency("shop", Optional.of(0));
        assertThat(aws.reservedConcurrency("shop")).contains(0);

        aws.putReservedConcurrency("shop", Optional.of(5));
        assertThat(aws.reservedConcurrency("shop")).contains(5);

        aws.putReservedConcurrency("shop", Optional.empty());
        assertThat(aws.reservedConcurrency("shop")).isEmpty();
    }

    /**
     * moto 5.2.1 routes no provisioned concurrency call: there is none, which reads and deletes say (so an app scaled
     * to 0 stops on moto too), and a put names what is missing. The calls themselves run against 'local serve' in
     * AwsProvisionedOverLocalServeIT.
     */
    @Test
    void provisionedConcurrencyWhereTheEndpointHasNone() {
        var version = aws.publishVersion("shop", "v1", Optional.empty(), Optional.empty());
        aws.createAlias("shop", new io.lambdoku.core.lambda.AliasSpec("live", String.valueOf(version.versionNumber()),
                Optional.empty(), ""));

        assertThat(aws.provisionedConcurrency("shop", "live")).isEmpty();
        assertThat(aws.listProvisionedConcurrency("shop")).isEmpty();
        aws.deleteProvisionedConcurrency("shop", "live");
        assertThatThrownBy(() -> aws.putProvisionedConcurrency("shop", "live", 2)).isInstanceOf(BackendException.class)
                .hasMessage(moto.endpoint() + " does not implement provisioned concurrency (PutProvisionedConcurrencyConfig"
                        + " answered HTTP 404 with no error code), so shop:live cannot have 2 provisioned; AWS Lambda itself can.");
        assertThatThrownBy(() -> aws.listProvisionedConcurrency("ghost")).isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Function ghost does not exist.");
    }

    private List<String> policySids() {
        return List.copyOf(policyActions().keySet());
    }

    /** Sid → Action of the function's resource-based policy; none when it has no policy. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> policyActions() {
        String policy;
        try {
            policy = aws.clients().lambda().getPolicy(b -> b.functionName("shop")).policy();
        } catch (software.amazon.awssdk.services.lambda.model.ResourceNotFoundException none) {
            return Map.of();
        }
        List<Map<String, Object>> statements = (List<Map<String, Object>>) RolePolicy.parse(policy).get("Statement");
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        statements.forEach(s -> out.put(String.valueOf(s.get("Sid")), s.get("Action")));
        return out;
    }
}
