package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.core.lambda.S3Code;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * KMSKeyArn, the function's at-rest key, on the wire: moto 5.2.1 drops it (neither stored nor returned), so what the
 * adapter sends and reads is checked here against Lambda's documented shapes.
 */
class KmsKeyArnRequestsTest {

    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String CONFIG = "{\"FunctionName\":\"shop\",\"FunctionArn\":\"arn:aws:lambda:us-east-1:123456789012:"
            + "function:shop\",\"Version\":\"$LATEST\",\"CodeSha256\":\"abc=\",\"CodeSize\":10,\"Runtime\":\"python3.12\","
            + "\"Handler\":\"app.handler\",\"Role\":\"arn:aws:iam::123456789012:role/r\",\"MemorySize\":128,\"Timeout\":3,"
            + "\"Environment\":{\"Variables\":{\"MODE\":\"one\"}},"
            + "\"RevisionId\":\"r1\",\"State\":\"Active\",\"LastUpdateStatus\":\"Successful\"";

    private final CannedHttp http = new CannedHttp();
    private final AwsLambda lambda = new AwsLambda(new AwsClients(new AwsOptions(Optional.of("us-east-1"), Optional.empty(),
            Optional.of(URI.create("https://lambda.example")), Optional.empty(),
            Optional.of(new AwsOptions.StaticKeys("AKIDEXAMPLE", "secret", Optional.empty()))), http));

    private static FunctionSettings settings(Optional<String> key) {
        return new FunctionSettings("python3.12", "app.handler", "arn:aws:iam::123456789012:role/r", 128, 3,
                Map.of("MODE", "one"), List.of(), FunctionSettings.X86_64, key);
    }

    private void answer(String extra) {
        http.answer(200, Map.of("Content-Type", "application/json"), (CONFIG + extra + "}").getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> body(int i) throws IOException {
        return JSON.std.mapFrom(http.sent().get(i).body());
    }

    @Test
    void createSendsTheKeyAndTheAnswerCarriesIt() throws IOException {
        answer(",\"KMSKeyArn\":\"" + KEY + "\"");

        FunctionConfig created = lambda.createFunction(new NewFunction("shop", settings(Optional.of(KEY)), "",
                new S3Code("b", "k", Optional.empty(), "abc=", 10), Map.of()));

        assertThat(body(0)).containsEntry("KMSKeyArn", KEY);
        assertThat(created.settings().kmsKeyArn()).contains(KEY);
    }

    @Test
    void createWithTheDefaultKeySendsNone() throws IOException {
        answer("");

        FunctionConfig created = lambda.createFunction(new NewFunction("shop", settings(Optional.empty()), "",
                new S3Code("b", "k", Optional.empty(), "abc=", 10), Map.of()));

        assertThat(body(0)).doesNotContainKey("KMSKeyArn");
        assertThat(created.settings().kmsKeyArn()).isEmpty();
    }

    /**
     * An update always names the key: leaving KMSKeyArn out keeps the current one, so a rollback to a release made
     * with Lambda's default key sends the empty string, which the API's pattern {@code (arn:...)|()} admits for it.
     */
    @Test
    void updateSendsTheKeyOrTheEmptyStringForTheDefault() throws IOException {
        answer(",\"KMSKeyArn\":\"" + KEY + "\"");
        answer("");

        lambda.updateFunctionConfiguration("shop", settings(Optional.of(KEY)), Optional.empty(), Optional.empty());
        FunctionConfig back = lambda.updateFunctionConfiguration("shop", settings(Optional.empty()), Optional.empty(),
                Optional.empty());

        assertThat(body(0)).containsEntry("KMSKeyArn", KEY);
        assertThat(body(1)).containsEntry("KMSKeyArn", "");
        assertThat(back.settings().kmsKeyArn()).isEmpty();
    }
}
