package io.lambdoku.local.server;

import static io.lambdoku.core.release.ReleaseScenarios.zipOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.kms.LocalKms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KMSKeyArn over the wire as Lambda has it: returned only for a customer key, set by Create and
 * UpdateFunctionConfiguration, {@code ""} back to the default; a key Lambda could not grant itself (one that does
 * not exist, an alias) refused with InvalidParameterValueException and nothing created.
 */
class KmsKeyArnRoutesTest {

    @TempDir
    Path home;

    private LocalLambda lambda;
    private LocalServer server;
    private SignedHttp http;
    private String key;

    @BeforeEach
    void start() {
        lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO));
        server = LocalServer.start(lambda, "127.0.0.1", 0);
        http = new SignedHttp("127.0.0.1", server.address().getPort());
        key = new LocalKms(lambda).createKey("alias/at-rest", "at rest");
    }

    @AfterEach
    void stop() {
        server.close();
        lambda.close();
    }

    private SignedHttp.Response create(String name, String kmsKeyArn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("FunctionName", name);
        body.put("Runtime", "python3.12");
        body.put("Handler", "app.handler");
        body.put("Role", "arn:aws:iam::000000000000:role/x");
        body.put("Environment", Map.of("Variables", Map.of("MODE", "one")));
        body.put("KMSKeyArn", kmsKeyArn);
        body.put("Code", Map.of("ZipFile", Base64.getEncoder().encodeToString(
                zipOf("app.py", "def handler(e, c):\n    return e\n").bytes())));
        return http.request("POST", "/2015-03-31/functions").json(body).send();
    }

    @Test
    void createGetAndUpdateCarryTheKey() {
        SignedHttp.Response created = create("f", key);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).containsEntry("KMSKeyArn", key);
        assertThat(http.request("GET", "/2015-03-31/functions/f/configuration").send().json()).containsEntry("KMSKeyArn", key);

        SignedHttp.Response back = http.request("PUT", "/2015-03-31/functions/f/configuration")
                .json(Map.of("KMSKeyArn", "")).send();
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json()).doesNotContainKey("KMSKeyArn");
        assertThat(lambda.getFunction("f", FunctionConfig.LATEST).settings().kmsKeyArn()).isEmpty();

        http.request("PUT", "/2015-03-31/functions/f/configuration").json(Map.of("KMSKeyArn", key)).send();
        http.request("PUT", "/2015-03-31/functions/f/configuration").json(Map.of("Timeout", 9)).send();
        assertThat(lambda.getFunction("f", FunctionConfig.LATEST).settings().kmsKeyArn()).contains(key);
    }

    @Test
    void aKeyLambdaCouldNotGrantItselfIsRefusedAndNothingIsCreated() {
        String missing = "arn:aws:kms:us-east-1:000000000000:key/00000000-0000-0000-0000-000000000000";
        SignedHttp.Response refused = create("f", missing);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorType()).contains("InvalidParameterValueException");
        assertThat(refused.json().get("message").toString()).contains("KMS key is invalid for CreateGrant")
                .contains("NotFoundException");

        SignedHttp.Response alias = create("f", "arn:aws:kms:us-east-1:000000000000:alias/at-rest");
        assertThat(alias.errorType()).contains("InvalidParameterValueException");
        assertThat(alias.json().get("message").toString()).contains("Key Aliases are not supported");

        assertThat(create("f", "not-an-arn").errorType()).contains("ValidationException");
        assertThat(lambda.listFunctions()).isEmpty();
    }
}
