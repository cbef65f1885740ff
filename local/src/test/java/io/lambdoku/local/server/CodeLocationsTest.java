package io.lambdoku.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Code.Location is the permission to download one blob for ten minutes, from the server that made it. */
class CodeLocationsTest {

    private static final String SHA = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
        14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final CodeLocations locations = new CodeLocations(URI.create("http://127.0.0.1:9001"), clock);

    @Test
    void aLocationIsValidForItsBlobForTenMinutes() {
        URI url = URI.create(locations.of(SHA));
        assertThat(url.toString()).startsWith("http://127.0.0.1:9001/lambdoku/code/" + "00".repeat(32) + "?Expires=");
        check(url, "00".repeat(32));
        clock.now = NOW.plus(Duration.ofMinutes(10));
        check(url, "00".repeat(32));
        clock.now = NOW.plus(Duration.ofMinutes(10)).plusSeconds(1);
        assertThatThrownBy(() -> check(url, "00".repeat(32))).hasMessageContaining("expired");
    }

    @Test
    void itOpensNoOtherBlobAndCannotBeForgedOrExtended() {
        URI url = URI.create(locations.of(SHA));
        String other = URI.create(locations.of(OTHER)).getRawPath().substring("/lambdoku/code/".length());
        assertThatThrownBy(() -> check(url, other)).hasMessageContaining("Signature is not valid");
        String query = url.getRawQuery();
        long expires = Long.parseLong(query.substring("Expires=".length(), query.indexOf('&')));
        String signature = query.substring(query.indexOf("Signature=") + "Signature=".length());
        assertThatThrownBy(() -> locations.check("00".repeat(32), Optional.of(String.valueOf(expires + 3600)), Optional.of(signature)))
                .hasMessageContaining("Signature is not valid");
        assertThatThrownBy(() -> locations.check("00".repeat(32), Optional.empty(), Optional.empty())).hasMessageContaining("Expires");
        CodeLocations anotherRun = new CodeLocations(URI.create("http://127.0.0.1:9001"), clock);
        assertThatThrownBy(() -> anotherRun.check("00".repeat(32), Optional.of(String.valueOf(expires)), Optional.of(signature)))
                .as("a restarted server draws a new secret").hasMessageContaining("Signature is not valid");
    }

    private void check(URI url, String hex) {
        String query = url.getRawQuery();
        locations.check(hex, Optional.of(query.substring("Expires=".length(), query.indexOf('&'))),
                Optional.of(query.substring(query.indexOf("Signature=") + "Signature=".length())));
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
