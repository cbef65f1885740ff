package io.lambdoku.core.plan;

import io.lambdoku.core.infra.SpecJson;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a plan records of state that has no RevisionId of its own (a role, schedules, alarms): the first
 * 16 hex digits of SHA-256 over its canonical JSON, so apply can tell whether it changed since the plan.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(Object jsonValue) {
        try {
            byte[] text = JSON.std.asString(SpecJson.sorted(jsonValue)).getBytes(StandardCharsets.UTF_8);
            return "fingerprint " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
