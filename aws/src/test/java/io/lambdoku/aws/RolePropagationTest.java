package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class RolePropagationTest {

    private static final String NOT_ASSUMABLE = "The role defined for the function cannot be assumed by Lambda.";

    private final List<Duration> slept = new ArrayList<>();
    private final RolePropagation propagation = new RolePropagation(slept::add);

    @Test
    void aRoleLambdaCannotAssumeYetIsTransient() {
        assertThat(RolePropagation.notYetAssumable(error("InvalidParameterValueException", NOT_ASSUMABLE))).isTrue();
    }

    @Test
    void otherBadParametersAreNot() {
        assertThat(RolePropagation.notYetAssumable(error("InvalidParameterValueException", "The runtime parameter of python2.7 is no longer supported."))).isFalse();
        assertThat(RolePropagation.notYetAssumable(error("AccessDeniedException", NOT_ASSUMABLE))).isFalse();
        assertThat(RolePropagation.notYetAssumable(AwsServiceException.builder().message("no details").build())).isFalse();
    }

    @Test
    void theCallIsRetriedUntilTheRoleIsAssumable() {
        int[] calls = {0};

        String answer = propagation.retry("arn:aws:iam::1:role/r", () -> {
            if (++calls[0] < 4) {
                throw error("InvalidParameterValueException", NOT_ASSUMABLE);
            }
            return "created";
        });

        assertThat(answer).isEqualTo("created");
        assertThat(slept).hasSize(3);
    }

    @Test
    void retriesStopAfterTheBoundWithOneSentenceNamingTheRole() {
        assertThatThrownBy(() -> propagation.retry("arn:aws:iam::1:role/r", () -> {
            throw error("InvalidParameterValueException", NOT_ASSUMABLE);
        })).isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Lambda still cannot assume the role arn:aws:iam::1:role/r after 30 s;");
        long waited = slept.stream().mapToLong(Duration::toMillis).sum();
        assertThat(slept).startsWith(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(waited).isGreaterThanOrEqualTo(30_000).isLessThan(30_000 + 8_001);
    }

    @Test
    void otherErrorsAreNotRetried() {
        AwsServiceException denied = error("AccessDeniedException", "no");

        assertThatThrownBy(() -> propagation.retry("r", () -> {
            throw denied;
        })).isSameAs(denied);
        assertThat(slept).isEmpty();
    }

    private static AwsServiceException error(String code, String message) {
        return AwsServiceException.builder().awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message)
                .build()).build();
    }
}
