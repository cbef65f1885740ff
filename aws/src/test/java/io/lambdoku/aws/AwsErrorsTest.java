package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class AwsErrorsTest {

    private static LambdaException refused(String message) {
        return new AwsErrors("http://x").service(AwsErrors.Subject.function("f"), AwsServiceException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidParameterValueException")
                        .errorMessage(message).build()).statusCode(400).build());
    }

    @Test
    void theEnvironmentLambdaQuotesInItsRefusalsIsCutOut() {
        LambdaException tooBig = refused("Lambda was unable to configure your environment variables because the"
                + " environment variables you have provided exceeded the 4KB limit. String measured: {\"DB_URL\":\"postgres://u:s3cr3t@h\"}");
        LambdaException badName = refused("1 validation error detected: Value '{1K=s3cr3t, A='x'}' at 'environment.variables'"
                + " failed to satisfy constraint: Map keys must satisfy constraint");

        assertThat(tooBig).isInstanceOf(InvalidParameterException.class).hasMessageContaining("exceeded the 4KB limit")
                .hasMessageNotContaining("s3cr3t");
        assertThat(badName).hasMessageContaining("at 'environment.variables' failed").hasMessageNotContaining("s3cr3t");
        assertThat(refused("Value 'x' at 'memorySize' failed")).hasMessage("Value 'x' at 'memorySize' failed");
    }
}
