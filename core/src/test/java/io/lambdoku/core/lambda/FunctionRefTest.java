package io.lambdoku.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunctionRefTest {

    @Test
    void acceptsNamesFullAndPartialArns() {
        assertThat(FunctionRef.parse("hello").name()).isEqualTo("hello");
        FunctionRef full = FunctionRef.parse("arn:aws:lambda:eu-west-1:123456789012:function:hello");
        assertThat(full.name()).isEqualTo("hello");
        assertThat(full.region()).contains("eu-west-1");
        assertThat(full.qualifier()).isEmpty();
        assertThat(FunctionRef.parse("123456789012:function:hello").account()).contains("123456789012");
    }

    @Test
    void readsTheQualifierOfEveryForm() {
        assertThat(FunctionRef.parse("hello:7").qualifier()).contains("7");
        assertThat(FunctionRef.parse("hello:$LATEST").qualifier()).contains("$LATEST");
        assertThat(FunctionRef.parse("123456789012:function:hello:live").qualifier()).contains("live");
        FunctionRef alias = FunctionRef.parse("arn:aws:lambda:us-east-1:123456789012:function:hello:live");
        assertThat(alias.name()).isEqualTo("hello");
        assertThat(alias.qualifier()).contains("live");
        assertThat(alias.display()).isEqualTo("hello:live");
    }

    @Test
    void aQualifierParameterMustAgreeWithTheOneInTheName() {
        assertThat(FunctionRef.parse("hello").withQualifier(Optional.of("3")).qualifier()).contains("3");
        assertThat(FunctionRef.parse("hello:3").withQualifier(Optional.of("3")).qualifier()).contains("3");
        assertThatThrownBy(() -> FunctionRef.parse("hello:3").withQualifier(Optional.of("4")))
                .isInstanceOf(InvalidParameterException.class)
                .isNotInstanceOf(ValidationException.class)
                .hasMessage("The derived qualifier from the function name does not match the specified qualifier.");
        assertThatThrownBy(() -> FunctionRef.parse("hello").withQualifier(Optional.of("a b")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void anotherRegionOrAccountIsNotThisBackendsFunction() {
        FunctionRef west = FunctionRef.parse("arn:aws:lambda:eu-west-1:000000000000:function:hello");
        assertThatThrownBy(() -> west.requireIn("us-east-1", "000000000000")).isInstanceOf(ResourceNotFoundException.class);
        FunctionRef other = FunctionRef.parse("arn:aws:lambda:us-east-1:123456789012:function:hello");
        assertThatThrownBy(() -> other.requireIn("us-east-1", "000000000000")).isInstanceOf(AccessDeniedException.class);
        assertThat(FunctionRef.parse("hello").requireIn("us-east-1", "000000000000").name()).isEqualTo("hello");
    }

    @Test
    void writingOperationsRefuseAQualifier() {
        assertThatThrownBy(() -> FunctionRef.unqualified("hello:live", "config:set"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("config:set");
    }

    @Test
    void refusesWhatIsNeitherNameNorArnAsAwsDoes() {
        assertThatThrownBy(() -> FunctionRef.parse("arn:aws:s3:::bucket")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> FunctionRef.parse("has space")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("is not a function name or ARN")
                .extracting(e -> ((ValidationException) e).awsMessage().orElseThrow()).asString()
                .startsWith("1 validation error detected: Value 'has space' at 'functionName'");
        assertThatThrownBy(() -> FunctionRef.parse("a:b:c")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> FunctionRef.parse("x".repeat(65))).isInstanceOf(InvalidParameterException.class);
    }
}
