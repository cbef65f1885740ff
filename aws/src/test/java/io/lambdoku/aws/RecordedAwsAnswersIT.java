package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.aws.CaseReplay.Outcome;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.auth.AccessKey;
import io.lambdoku.local.server.LocalServer;
import io.lambdoku.local.server.ServeOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real AWS is the reference: replays what AWS Lambda answered to LocalStack's validated API tests
 * (recorded-aws/lambda-cases.json) against {@code lambdoku local serve} with its default settings,
 * prints every case as matched or differing, and fails when fewer than {@link #REQUIRED_MATCH_SHARE}
 * of the cases match. The same cases also run against moto_server, minus those naming moto's deviation.
 */
class RecordedAwsAnswersIT {

    /** The share of recorded answers local serve must reproduce. */
    static final double REQUIRED_MATCH_SHARE = 0.90;

    private static final String CASES = "/recorded-aws/lambda-cases.json";

    @TempDir
    Path home;

    @Test
    void localServeAnswersAsAwsDid() throws IOException {
        List<Outcome> outcomes;
        try (LocalLambda local = LocalLambda.open(LocalOptions.fromEnvironment(Map.of("LAMBDOKU_HOME", home.toString()))
                .withUpdateDelay(LocalOptions.SERVE_UPDATE_DELAY))) {
            // verifying signatures with the secret SignedLambdaHttp signs with (the SDK's own signer)
            LocalServer server = LocalServer.start(local, ServeOptions.loopback(0).withAccessKey(new AccessKey("test", "test")));
            try {
                URI endpoint = URI.create("http://127.0.0.1:" + server.address().getPort());
                outcomes = replay(endpoint, load(), LocalOptions.ACCOUNT, "arn:aws:iam::" + LocalOptions.ACCOUNT + ":role/lambda-role");
            } finally {
                server.close();
            }
        }
        long matched = outcomes.stream().filter(Outcome::matches).count();
        System.out.println(table("local serve", outcomes, matched));
        long required = (long) Math.ceil(REQUIRED_MATCH_SHARE * outcomes.size());
        assertThat(matched)
                .as("local serve reproduces %d of %d recorded AWS answers; %d (%.0f%%) must match. Differences:%n%s",
                        matched, outcomes.size(), required, REQUIRED_MATCH_SHARE * 100, differing(outcomes))
                .isGreaterThanOrEqualTo(required);
    }

    /**
     * Keeps the recorded cases honest: moto_server must give AWS's answer to every case that does not
     * name where moto deviates, so a case that fails here points at the case, not at local serve.
     */
    @Test
    void motoAnswersAsAwsDidWhereNoDeviationIsNamed() throws IOException {
        List<RecordedCase> all = load();
        List<RecordedCase> agreeing = all.stream().filter(c -> c.motoDeviation().isEmpty()).toList();
        List<Outcome> outcomes;
        try (MotoServer moto = MotoServer.startOrSkip()) {
            outcomes = replay(moto.endpoint(), agreeing, "123456789012", MotoServer.ROLE);
        }
        long matched = outcomes.stream().filter(Outcome::matches).count();
        System.out.println(table("moto_server", outcomes, matched));
        all.stream().filter(c -> c.motoDeviation().isPresent()).forEach(c -> System.out.printf(
                "skipped on moto: %s: %s%n", c.name(), c.motoDeviation().get()));
        assertThat(matched).as("moto gives AWS's answer to every case that names no moto deviation. Differences:%n%s",
                differing(outcomes)).isEqualTo(outcomes.size());
    }

    /** Runs every case on its own function, named after its position so a report line leads to it. */
    private static List<Outcome> replay(URI endpoint, List<RecordedCase> cases, String account, String role) {
        SignedLambdaHttp http = new SignedLambdaHttp(endpoint);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String fn = String.format("replay-%02d-%s", i + 1, UUID.randomUUID().toString().substring(0, 6));
            outcomes.add(new CaseReplay(http, placeholders(fn, account, role), fn).run(cases.get(i)));
        }
        return outcomes;
    }

    private static List<RecordedCase> load() throws IOException {
        try (InputStream in = RecordedAwsAnswersIT.class.getResourceAsStream(CASES)) {
            assertThat(in).as(CASES + " on the test classpath").isNotNull();
            return RecordedCase.load(in);
        }
    }

    private static Placeholders placeholders(String fn, String account, String role) {
        byte[] zip = pythonZip("def handler(event, context):\n    return event\n");
        byte[] zip2 = pythonZip("def handler(event, context):\n    return {\"version\": 2, \"event\": event}\n");
        return new Placeholders()
                .with("fn", fn)
                .with("account", account)
                .with("arn", "arn:aws:lambda:us-east-1:" + account + ":function:" + fn)
                .with("role", role)
                .with("zip", base64(zip)).with("zipSha", base64(sha256(zip)))
                .with("zip2", base64(zip2)).with("zip2Sha", base64(sha256(zip2)))
                .with("notAZip", base64("this is not a zipfile, just a random string".getBytes(StandardCharsets.UTF_8)));
    }

    /** A zip with handler.py, byte for byte the same on every run (fixed entry time). */
    private static byte[] pythonZip(String source) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry("handler.py");
            entry.setTime(315532800000L);
            zip.putNextEntry(entry);
            zip.write(source.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    private static String table(String target, List<Outcome> outcomes, long matched) {
        StringBuilder out = new StringBuilder(String.format("%nRecorded AWS answers replayed against %s: %d of %d match%n",
                target, matched, outcomes.size()));
        out.append(String.format("%-3s %-8s %-72s %s%n", "#", "result", "case", "difference (" + target + ", then AWS in brackets)"));
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            out.append(String.format("%-3d %-8s %-72s %s%n", i + 1, o.matches() ? "match" : "DIFFERS",
                    o.recorded().name(), String.join("; ", o.differences())));
        }
        return out.toString();
    }

    private static String differing(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder();
        outcomes.stream().filter(o -> !o.matches()).forEach(o -> out.append(String.format("  %s [%s / %s]: %s%n",
                o.recorded().name(), o.recorded().key(), o.recorded().recorded(), String.join("; ", o.differences()))));
        return out.toString();
    }
}
