package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.aws.AwsOptions.Service;
import io.lambdoku.core.lambda.InvalidParameterException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which endpoint each service's calls go to, in the AWS CLI's order: --endpoint-url, else the service's own
 * AWS_ENDPOINT_URL_SERVICE, else AWS_ENDPOINT_URL (so one service can go to another stand-in).
 */
class AwsEndpointsTest {

    private static final Map<String, String> ENV = Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "secret", "AWS_ENDPOINT_URL", "http://moto.example:5000",
            "AWS_ENDPOINT_URL_CLOUDWATCH", "http://monitoring.example:4566");

    @Test
    void aServicesOwnEndpointBeatsTheGeneralOne() {
        AwsOptions options = AwsOptions.fromEnvironment(ENV);

        assertThat(options.endpointFor(Service.CLOUDWATCH)).contains(URI.create("http://monitoring.example:4566"));
        assertThat(options.endpointFor(Service.LAMBDA)).contains(URI.create("http://moto.example:5000"));
        assertThat(options.endpoint()).contains(URI.create("http://moto.example:5000"));
    }

    @Test
    void theSdkClientsSendEachServiceWhereItsEndpointSays() {
        CannedHttp http = new CannedHttp();
        try (AwsClients clients = new AwsClients(AwsOptions.fromEnvironment(ENV), http)) {
            clients.cloudwatch().describeAlarms(b -> b.alarmNamePrefix("shop-"));
            http.answer(200, Map.of("Content-Type", "application/json"), "{}".getBytes());
            clients.lambda().listTags(b -> b.resource("arn:aws:lambda:us-east-1:123456789012:function:shop"));
        }

        assertThat(http.sent()).extracting(s -> s.request().host() + ":" + s.request().port())
                .containsExactly("monitoring.example:4566", "moto.example:5000");
    }

    @Test
    void endpointUrlOnTheCommandLineSendsEveryServiceThere() {
        AwsOptions options = AwsOptions.fromEnvironment(ENV).withEndpoint(Optional.of("http://127.0.0.1:9001"));

        for (Service s : Service.values()) {
            assertThat(options.endpointFor(s)).contains(URI.create("http://127.0.0.1:9001"));
        }
    }

    @Test
    void aServiceEndpointThatIsNoUrlIsRefusedInOneSentence() {
        assertThatThrownBy(() -> AwsOptions.fromEnvironment(Map.of("AWS_ENDPOINT_URL_IAM", "localhost")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Endpoint URL 'localhost' is not an http(s) URL like http://127.0.0.1:4566.");
    }
}
