package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
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

/** Code from an S3 package goes to Lambda by reference, version included (moto ignores S3ObjectVersion, so it is checked here). */
class S3CodeRequestsTest {

    private static final String CONFIG = "{\"FunctionName\":\"shop\",\"FunctionArn\":\"arn:aws:lambda:us-east-1:123456789012:"
            + "function:shop\",\"Version\":\"$LATEST\",\"CodeSha256\":\"abc=\",\"CodeSize\":10,\"Runtime\":\"python3.12\","
            + "\"Handler\":\"app.handler\",\"Role\":\"arn:aws:iam::123456789012:role/r\",\"MemorySize\":128,\"Timeout\":3,"
            + "\"RevisionId\":\"r1\",\"State\":\"Active\",\"LastUpdateStatus\":\"Successful\"}";
    private static final S3Code OBJECT = new S3Code("shop-builds", "shop/7.zip", Optional.of("v7"), "abc=", 10);

    private final CannedHttp http = new CannedHttp();
    private final AwsLambda lambda = new AwsLambda(new AwsClients(new AwsOptions(Optional.of("us-east-1"), Optional.empty(),
            Optional.of(URI.create("https://lambda.example")), Optional.empty(),
            Optional.of(new AwsOptions.StaticKeys("AKIDEXAMPLE", "secret", Optional.empty()))), http));

    @Test
    void updateFunctionCodeNamesTheObjectAndItsVersion() throws IOException {
        http.answer(200, Map.of("Content-Type", "application/json"), CONFIG.getBytes(StandardCharsets.UTF_8));

        lambda.updateFunctionCode("shop", OBJECT, Optional.empty());

        CannedHttp.Sent sent = http.sent().get(0);
        assertThat(sent.request().encodedPath()).isEqualTo("/2015-03-31/functions/shop/code");
        assertThat(JSON.std.mapFrom(sent.body())).containsEntry("S3Bucket", "shop-builds").containsEntry("S3Key", "shop/7.zip")
                .containsEntry("S3ObjectVersion", "v7").doesNotContainKey("ZipFile");
    }

    /**
     * With an artifact bucket the object is first copied in, server-side, pinned to the version and ETag resolved
     * (moto ignores x-amz-copy-source-if-match, so it is checked here), and Lambda reads the copy.
     */
    @Test
    void withAnArtifactBucketTheObjectIsCopiedInAsResolvedAndLambdaReadsTheCopy() throws IOException {
        CannedHttp http = new CannedHttp();
        AwsLambda stored = new AwsLambda(new AwsClients(new AwsOptions(Optional.of("us-east-1"), Optional.empty(),
                Optional.of(URI.create("https://lambda.example")), Optional.of("artifacts"),
                Optional.of(new AwsOptions.StaticKeys("AKIDEXAMPLE", "secret", Optional.empty()))), http));
        S3Code object = new S3Code("shop-builds", "shop/7.zip", Optional.of("v7"), "abc=", 10, Optional.of("\"e7\""));
        http.answer(404, Map.of(), new byte[0]);
        http.answer(200, Map.of("Content-Type", "application/xml"), ("<CopyObjectResult><ETag>\"e7\"</ETag>"
                + "<ChecksumSHA256>abc=</ChecksumSHA256></CopyObjectResult>").getBytes(StandardCharsets.UTF_8));
        http.answer(200, Map.of("Content-Type", "application/json"), CONFIG.getBytes(StandardCharsets.UTF_8));

        stored.updateFunctionCode("shop", object, Optional.empty());

        CannedHttp.Sent copy = http.sent().get(1);
        assertThat(copy.request().method().name()).isEqualTo("PUT");
        assertThat(copy.request().encodedPath()).endsWith("/lambdoku/sha256/69b7.zip");
        assertThat(copy.request().firstMatchingHeader("x-amz-copy-source")).contains("shop-builds/shop/7.zip?versionId=v7");
        assertThat(copy.request().firstMatchingHeader("x-amz-copy-source-if-match")).contains("\"e7\"");
        assertThat(copy.request().firstMatchingHeader("x-amz-checksum-algorithm")).contains("SHA256");
        assertThat(JSON.std.mapFrom(http.sent().get(2).body())).containsEntry("S3Bucket", "artifacts")
                .containsEntry("S3Key", "lambdoku/sha256/69b7.zip").doesNotContainKey("S3ObjectVersion");
    }

    @Test
    void createFunctionTakesItsCodeFromTheObject() throws IOException {
        http.answer(201, Map.of("Content-Type", "application/json"), CONFIG.getBytes(StandardCharsets.UTF_8));

        lambda.createFunction(new NewFunction("shop", new FunctionSettings("python3.12", "app.handler",
                "arn:aws:iam::123456789012:role/r", 128, 3, Map.of(), List.of()), "", OBJECT, Map.of()));

        assertThat(JSON.std.mapFrom(http.sent().get(0).body()).get("Code"))
                .isEqualTo(Map.of("S3Bucket", "shop-builds", "S3Key", "shop/7.zip", "S3ObjectVersion", "v7"));
    }
}
