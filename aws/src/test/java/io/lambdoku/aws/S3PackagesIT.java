package io.lambdoku.aws;

import static io.lambdoku.core.release.ReleaseScenarios.zipOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.code.ResolvedPackage;
import io.lambdoku.core.code.S3Package;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/** Packages already in S3, resolved and deployed by reference, on moto_server. */
class S3PackagesIT {

    private static final String BUILDS = "shop-builds";
    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    private AwsClients clients;
    private AwsLambda lambda;
    private S3Packages packages;
    private final List<String> steps = new ArrayList<>();
    private final Events events = new Events() {
        @Override
        public void step(String function, String step) {
            steps.add(function + ": " + step);
        }
    };

    @BeforeEach
    void fresh() {
        clients = new AwsClients(moto.options());
        lambda = new AwsLambda(clients);
        packages = new S3Packages(clients);
        s3().createBucket(b -> b.bucket(BUILDS));
    }

    @AfterEach
    void close() {
        lambda.close();
    }

    @Test
    void anObjectUploadedWithASha256ChecksumResolvesWithoutDownloadAndDeploysByReference() {
        CodeZip zip = zipOf("app.py", "def handler(e, c): return 'one'");
        s3().putObject(b -> b.bucket(BUILDS).key("shop/1.zip").checksumAlgorithm(ChecksumAlgorithm.SHA256),
                RequestBody.fromBytes(zip.bytes()));

        ResolvedPackage resolved = packages.resolve("shop", S3Package.parse("s3://shop-builds/shop/1.zip"), events);
        FunctionConfig created = lambda.createFunction(new NewFunction("shop", settings(), "", resolved.code(), Map.of()));

        assertThat(resolved.downloaded()).isFalse();
        assertThat(steps).isEmpty();
        assertThat(resolved.codeSha256()).isEqualTo(zip.codeSha256());
        assertThat(resolved.size()).isEqualTo(zip.size());
        assertThat(created.codeSha256()).isEqualTo(zip.codeSha256());
        assertThat(created.codeSize()).isEqualTo(zip.size());
    }

    @Test
    void anObjectWithoutASha256ChecksumIsReadOnceToComputeItAndSaysSo() {
        CodeZip zip = zipOf("app.py", "def handler(e, c): return 'two'");
        // the SDK adds a CRC32 checksum by default: CodeSha256 cannot be derived from that
        s3().putObject(b -> b.bucket(BUILDS).key("shop/2.zip"), RequestBody.fromBytes(zip.bytes()));

        ResolvedPackage resolved = packages.resolve("shop", S3Package.parse("s3://shop-builds/shop/2.zip"), events);

        assertThat(resolved.downloaded()).isTrue();
        assertThat(resolved.codeSha256()).isEqualTo(zip.codeSha256());
        assertThat(steps).containsExactly("shop: download s3://shop-builds/shop/2.zip to compute its CodeSha256 "
                + "(it was uploaded without a SHA-256 checksum)");
    }

    @Test
    void aVersionIdDeploysThatVersionAndAnUnpinnedKeyIsPinnedToTheVersionSeen() {
        s3().putBucketVersioning(b -> b.bucket(BUILDS).versioningConfiguration(v -> v.status("Enabled")));
        CodeZip one = zipOf("app.py", "def handler(e, c): return 'one'");
        CodeZip two = zipOf("app.py", "def handler(e, c): return 'two'");
        String v1 = put("shop.zip", one);
        String v2 = put("shop.zip", two);
        lambda.createFunction(new NewFunction("shop", settings(), "", two, Map.of()));

        ResolvedPackage first = packages.resolve("shop", S3Package.parse("s3://shop-builds/shop.zip?versionId=" + v1), events);
        ResolvedPackage newest = packages.resolve("shop", S3Package.parse("s3://shop-builds/shop.zip"), events);

        assertThat(first.codeSha256()).isEqualTo(one.codeSha256());
        assertThat(first.code().version()).contains(v1);
        assertThat(newest.code().version()).contains(v2);
        assertThat(newest.codeSha256()).isEqualTo(two.codeSha256());
        // moto 5.2.1 ignores S3ObjectVersion (it reads the newest version): S3CodeRequestsTest checks it is sent
    }

    @Test
    void aMissingObjectIsOneSentence() {
        assertThatThrownBy(() -> packages.resolve("shop", S3Package.parse("s3://shop-builds/nope.zip"), events))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("No object s3://shop-builds/nope.zip in S3 (or no bucket shop-builds); check the bucket and the key.");
    }

    private String put(String key, CodeZip zip) {
        return s3().putObject(b -> b.bucket(BUILDS).key(key).checksumAlgorithm(ChecksumAlgorithm.SHA256),
                RequestBody.fromBytes(zip.bytes())).versionId();
    }

    private S3Client s3() {
        return clients.s3();
    }

    private static FunctionSettings settings() {
        return new FunctionSettings("python3.12", "app.handler", MotoServer.ROLE, 128, 3, Map.of(), List.of());
    }
}
