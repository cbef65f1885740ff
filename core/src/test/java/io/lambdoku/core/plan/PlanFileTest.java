package io.lambdoku.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.code.ResolvedPackage;
import io.lambdoku.core.code.S3Package;
import io.lambdoku.core.deploy.Manifest;
import io.lambdoku.core.lambda.S3Code;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("unchecked")
class PlanFileTest {

    @TempDir
    Path dir;

    @Test
    void anS3PackageIsSavedByLocationVersionAndETagNotByItsBytes() throws Exception {
        S3Package requested = S3Package.parse("s3://shop-builds/shop.zip");
        ResolvedPackage found = new ResolvedPackage(requested, requested.resolved(Optional.of("v7"), "abc=", 10, "\"e7\""),
                "\"e7\"", false);
        Manifest m = new Manifest(dir, "shop", "python3.12", "app.handler", 128, 3, Optional.of("arn:aws:iam::1:role/r"),
                "x86_64", "", Map.of(), List.of(), List.of(), List.of(), Optional.empty(), List.of());
        Target target = Target.fromS3(m, found, "Deploy 69b7", false);
        Plan plan = new Plan(List.of(new FunctionPlan(target, Map.of("package s3://shop-builds/shop.zip", "ETag e7"), List.of(),
                Optional.empty())));

        PlanFile.write(plan, "aws", dir.resolve("p.plan"));
        Target back = PlanFile.read(dir.resolve("p.plan")).plan().functions().get(0).target();

        Map<String, Object> saved = (Map<String, Object>) ((List<Object>) JSON.std.mapFrom(Files.readString(dir.resolve("p.plan")))
                .get("functions")).get(0);
        assertThat((Map<String, Object>) saved.get("package")).doesNotContainKey("zip").containsEntry("s3", Map.of(
                "requested", "s3://shop-builds/shop.zip", "bucket", "shop-builds", "key", "shop.zip", "versionId", "v7",
                "eTag", "\"e7\""));
        assertThat(back.s3()).contains(found);
        assertThat(back.code()).isEqualTo(new S3Code("shop-builds", "shop.zip", Optional.of("v7"), "abc=", 10, Optional.of("\"e7\"")));
        assertThat(back.code().sha256Hex()).isEqualTo("69b7");
    }

    /** A plan applied later deploys the at-rest key it showed. */
    @Test
    void theAtRestKeyIsSavedWithTheManifest() throws Exception {
        String key = "arn:aws:kms:us-east-1:1:key/k";
        Manifest m = new Manifest(dir, "shop", "python3.12", "app.handler", 128, 3, Optional.of("arn:aws:iam::1:role/r"),
                "x86_64", "", Map.of("MODE", "one"), List.of(), List.of(), List.of(), Optional.empty(), List.of())
                .withKmsKeyArn(Optional.of(key));
        S3Package requested = S3Package.parse("s3://shop-builds/shop.zip");
        ResolvedPackage found = new ResolvedPackage(requested, requested.resolved(Optional.of("v7"), "abc=", 10, "\"e7\""),
                "\"e7\"", false);
        Plan plan = new Plan(List.of(new FunctionPlan(Target.fromS3(m, found, "Deploy 69b7", false), Map.of(), List.of(),
                Optional.empty())));

        PlanFile.write(plan, "aws", dir.resolve("p.plan"));

        assertThat(PlanFile.read(dir.resolve("p.plan")).plan().functions().get(0).target().manifest().kmsKeyArn()).contains(key);
    }

    /** apply checks again that no var lambdoku.json calls a secret ships in plaintext, so the plan keeps the list. */
    @Test
    void theSecretsListIsSavedWithTheManifest() throws Exception {
        Manifest m = new Manifest(dir, "shop", "python3.12", "app.handler", 128, 3, Optional.of("arn:aws:iam::1:role/r"),
                "x86_64", "", Map.of(), List.of(), List.of(), List.of(), Optional.empty(), List.of(),
                io.lambdoku.core.infra.FunctionInfra.NONE, List.of("DB_PASSWORD"));
        S3Package requested = S3Package.parse("s3://shop-builds/shop.zip");
        ResolvedPackage found = new ResolvedPackage(requested, requested.resolved(Optional.of("v7"), "abc=", 10, "\"e7\""),
                "\"e7\"", false);
        Plan plan = new Plan(List.of(new FunctionPlan(Target.fromS3(m, found, "Deploy 69b7", false), Map.of(), List.of(),
                Optional.empty())));

        PlanFile.write(plan, "aws", dir.resolve("p.plan"));

        assertThat(PlanFile.read(dir.resolve("p.plan")).plan().functions().get(0).target().manifest().secrets())
                .containsExactly("DB_PASSWORD");
    }
}
