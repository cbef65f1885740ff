package io.lambdoku.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.lambda.AliasSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The function URL configs over the wire (/2021-10-31), in Lambda's shapes and with its errors. */
class FunctionUrlRoutesTest {

    @TempDir
    Path home;

    private ServedStore served;
    private SignedHttp http;

    @BeforeEach
    void start() {
        served = new ServedStore(home);
        http = served.http;
        served.python("f", "def handler(e, c):\n    return e\n");
        served.lambda.createAlias("f", new AliasSpec("live", "1", Optional.empty(), ""));
    }

    @AfterEach
    void stop() {
        served.close();
    }

    @Test
    void createGetUpdateListAndDeleteAsLambdaAnswersThem() {
        SignedHttp.Response created = http.request("POST", "/2021-10-31/functions/f/url").json(Map.of("AuthType", "NONE",
                "Cors", Map.of("AllowOrigins", List.of("https://shop.example"), "MaxAge", 60))).send();
        assertThat(created.status()).isEqualTo(201);
        Map<String, Object> c = created.json();
        assertThat((String) c.get("FunctionUrl")).matches("http://[a-z0-9]{32}\\.lambda-url\\.us-east-1\\.localhost:"
                + served.port() + "/");
        assertThat(c).containsEntry("FunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:f")
                .containsEntry("AuthType", "NONE").containsKey("CreationTime")
                .containsEntry("Cors", Map.of("AllowCredentials", false, "AllowOrigins", List.of("https://shop.example"), "MaxAge", 60))
                .doesNotContainKeys("LastModifiedTime", "InvokeMode"); // as AWS's recorded answer

        Map<String, Object> got = http.request("GET", "/2021-10-31/functions/f/url").send().json();
        assertThat(got).containsEntry("FunctionUrl", c.get("FunctionUrl")).containsEntry("InvokeMode", "BUFFERED")
                .containsKey("LastModifiedTime");

        SignedHttp.Response updated = http.request("PUT", "/2021-10-31/functions/f/url").json(Map.of("AuthType", "AWS_IAM")).send();
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json()).containsEntry("AuthType", "AWS_IAM").containsEntry("FunctionUrl", c.get("FunctionUrl"))
                .containsKey("Cors"); // left out: kept

        SignedHttp.Response onAlias = http.request("POST", "/2021-10-31/functions/f/url?Qualifier=live")
                .json(Map.of("AuthType", "NONE")).send();
        assertThat(onAlias.json()).containsEntry("FunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:f:live");
        Map<String, Object> page = http.request("GET", "/2021-10-31/functions/f/urls?MaxItems=1").send().json();
        assertThat((List<?>) page.get("FunctionUrlConfigs")).hasSize(1);
        assertThat(page).containsKey("NextMarker");
        assertThat((List<?>) http.request("GET", "/2021-10-31/functions/f/urls").send().json().get("FunctionUrlConfigs")).hasSize(2);

        assertThat(http.request("DELETE", "/2021-10-31/functions/f/url").send().status()).isEqualTo(204);
        SignedHttp.Response gone = http.request("GET", "/2021-10-31/functions/f/url").send();
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorType()).contains("ResourceNotFoundException");
        assertThat(gone.json()).containsEntry("message", "The resource you requested does not exist.");
    }

    @Test
    void refusalsAreLambdas() {
        assertThat(http.request("POST", "/2021-10-31/functions/f/url").json(Map.of()).send().errorType())
                .contains("ValidationException");
        assertThat(http.request("POST", "/2021-10-31/functions/f/url").json(Map.of("AuthType", "OPEN")).send().errorType())
                .contains("ValidationException");
        SignedHttp.Response version = http.request("POST", "/2021-10-31/functions/f/url?Qualifier=1")
                .json(Map.of("AuthType", "NONE")).send();
        assertThat(version.errorType()).contains("ValidationException");
        assertThat(version.json().get("message").toString()).contains("Value '1' at 'qualifier'");
        assertThat(http.request("POST", "/2021-10-31/functions/ghost/url").json(Map.of("AuthType", "NONE")).send().json())
                .containsEntry("message", "Function does not exist");
        assertThat(http.request("POST", "/2021-10-31/functions/f/url?Qualifier=nope").json(Map.of("AuthType", "NONE"))
                .send().errorType()).contains("ResourceNotFoundException");

        http.request("POST", "/2021-10-31/functions/f/url").json(Map.of("AuthType", "NONE")).send();
        SignedHttp.Response twice = http.request("POST", "/2021-10-31/functions/f/url").json(Map.of("AuthType", "NONE")).send();
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("message").toString()).contains("FunctionUrlConfig exists for this Lambda function");
        assertThat(http.request("DELETE", "/2021-10-31/functions/f/url?Qualifier=live").send().status()).isEqualTo(404);
    }
}
