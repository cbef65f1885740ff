package io.lambdoku.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.S3Code;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3PackageTest {

    @Test
    void aBucketAndKeyNameTheNewestObject() {
        S3Package p = S3Package.parse("s3://my-builds/shop/build-42.zip");

        assertThat(p).isEqualTo(new S3Package("my-builds", "shop/build-42.zip", Optional.empty()));
        assertThat(p.uri()).isEqualTo("s3://my-builds/shop/build-42.zip");
    }

    @Test
    void aVersionIdPinsOneVersion() {
        S3Package p = S3Package.parse("s3://my-builds/shop.zip?versionId=3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");

        assertThat(p.versionId()).contains("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
        assertThat(p.uri()).isEqualTo("s3://my-builds/shop.zip?versionId=3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
    }

    @Test
    void onlyS3LocationsAreS3Packages() {
        assertThat(S3Package.isS3("s3://b/k.zip")).isTrue();
        assertThat(S3Package.isS3("S3://b/k.zip")).isTrue();
        assertThat(S3Package.isS3("build/shop.zip")).isFalse();
        assertThat(S3Package.isS3("https://b.s3.amazonaws.com/k.zip")).isFalse();
    }

    @Test
    void legacyBucketNamesThatLambdaAcceptsAreAccepted() {
        assertThat(S3Package.parse("s3://My_Old.Bucket/k.zip").bucket()).isEqualTo("My_Old.Bucket");
    }

    @Test
    void resolvedItCarriesWhatLambdaWillReport() {
        S3Code code = S3Package.parse("s3://builds/k.zip").resolved(Optional.of("v2"), "abc=", 1234);

        assertThat(code).isEqualTo(new S3Code("builds", "k.zip", Optional.of("v2"), "abc=", 1234));
        assertThat(code.uri()).isEqualTo("s3://builds/k.zip?versionId=v2");
    }

    @Test
    void eachMistakeIsOneSentenceSayingWhatToWrite() {
        String usage = "; write s3://BUCKET/KEY or s3://BUCKET/KEY?versionId=VERSION.";
        refused("s3://", "The package s3:// names no bucket" + usage);
        refused("s3:///k.zip", "The package s3:///k.zip names no bucket" + usage);
        refused("s3://bucket", "The package s3://bucket names no object key" + usage);
        refused("s3://bucket/", "The package s3://bucket/ names no object key" + usage);
        refused("s3://bucket/builds/", "The package s3://bucket/builds/ names a folder (builds/), not a zip" + usage);
        refused("s3://b/k.zip", "The package s3://b/k.zip names the bucket 'b', which is not a bucket name (3 to 63 "
                + "letters, digits, dots, hyphens or underscores, starting and ending with a letter or digit)" + usage);
        refused("s3://my..bucket/k.zip", null);
        refused("s3://bucket./k.zip", null);
        refused("s3://bucket/k.zip?version=1", "The package s3://bucket/k.zip?version=1 has '?version=1' after the key, "
                + "but only ?versionId=VERSION may follow it" + usage);
        refused("s3://bucket/k.zip?versionId=", "The package s3://bucket/k.zip?versionId= has no usable versionId ('')" + usage);
        refused("s3://bucket/" + "k".repeat(1025), null);
    }

    private static void refused(String location, String message) {
        var thrown = assertThatThrownBy(() -> S3Package.parse(location)).isInstanceOf(InvalidParameterException.class)
                .hasMessageEndingWith("; write s3://BUCKET/KEY or s3://BUCKET/KEY?versionId=VERSION.");
        if (message != null) {
            thrown.hasMessage(message);
        }
    }
}
