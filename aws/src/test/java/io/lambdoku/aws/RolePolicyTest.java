package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolePolicyTest {

    @Test
    void theDefaultStatementsAreLeftOutWhenReadBack() {
        String stored = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"LambdokuLogGroup\",\"Effect\":\"Allow\"},"
                + "{\"Sid\":\"LambdokuLogStreams\",\"Effect\":\"Allow\"},{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"}]}";

        assertThat(RolePolicy.userStatements(stored)).containsExactly(Map.of("Effect", "Allow", "Action", "s3:GetObject"));
    }

    /** IAM returns documents URL-encoded; a '+' in plain JSON must survive. */
    @Test
    void documentsAreReadEncodedOrPlain() {
        String json = "{\"Statement\":{\"Effect\":\"Allow\",\"Resource\":\"arn:aws:s3:::a+b/*\"}}";
        String encoded = URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");

        assertThat(RolePolicy.parse(encoded)).isEqualTo(RolePolicy.parse(json));
        assertThat(RolePolicy.userStatements(json)).containsExactly(Map.of("Effect", "Allow", "Resource", "arn:aws:s3:::a+b/*"));
        assertThat(RolePolicy.userStatements("{\"Statement\":[]}")).isEqualTo(List.of());
    }
}
