package io.lambdoku.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FunctionRefTest {

    @Test
    void acceptsNamesFullAndPartialArns() {
        assertThat(FunctionRef.parse("hello").name()).isEqualTo("hello");
        FunctionRef full = FunctionRef.parse("arn:aws:lambda:eu-west-1:123456789012:function:hello");
        assertThat(full.name()).isEqualTo("hello");
        assertThat(full.region()).contains("eu-west-1");
        assertThat(FunctionRef.parse("123456789012:function:hello").account()).contains("123456789012");
    }

    @Test
    void refusesWhatIsNeitherNameNorArn() {
        assertThatThrownBy(() -> FunctionRef.parse("arn:aws:s3:::bucket")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> FunctionRef.parse("has space")).isInstanceOf(InvalidParameterException.class);
    }
}
