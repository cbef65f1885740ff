package io.lambdoku.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessTest {

    private final Access access = Access.forPort(8080);

    @Test
    void aSessionCookieOpensItsSessionAndAForgedOneNothing() {
        String cookie = access.newSessionCookie();
        String pair = cookie.substring(0, cookie.indexOf(';'));

        assertThat(cookie).startsWith("lambdoku-dashboard-8080=").contains("HttpOnly").contains("SameSite=Strict");
        assertThat(access.session(cookies("other=1; " + pair))).contains(access.sessionOf(cookie));
        assertThat(access.session(cookies(pair.substring(0, pair.indexOf('.')) + ".forged"))).isEmpty();
        assertThat(access.session(cookies(pair.replace("8080", "9090")))).as("another port's dashboard").isEmpty();
        assertThat(Access.forPort(8080).session(cookies(pair))).as("another run's key").isEmpty();
    }

    @Test
    void theCsrfTokenIsTheSessionsOwn() {
        String one = access.sessionOf(access.newSessionCookie());
        String two = access.sessionOf(access.newSessionCookie());

        assertThat(access.csrfMatches(one, Optional.of(access.csrf(one)))).isTrue();
        assertThat(access.csrfMatches(one, Optional.of(access.csrf(two)))).isFalse();
        assertThat(access.csrfMatches(one, Optional.empty())).isFalse();
    }

    @Test
    void onlyLoopbackNamesOfItsPortAreHosts() {
        assertThat(access.hostAllowed(Optional.of("127.0.0.1:8080"))).isTrue();
        assertThat(access.hostAllowed(Optional.of("LOCALHOST:8080"))).isTrue();
        assertThat(access.hostAllowed(Optional.of("[::1]:8080"))).isTrue();
        assertThat(access.hostAllowed(Optional.of("attacker.example:8080"))).isFalse();
        assertThat(access.hostAllowed(Optional.of("127.0.0.1:9090"))).isFalse();
        assertThat(access.hostAllowed(Optional.empty())).isFalse();
    }

    @Test
    void theTokenIsLongAndComparedWhole() {
        assertThat(access.token()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(access.tokenMatches(access.token())).isTrue();
        assertThat(access.tokenMatches(access.token().substring(1))).isFalse();
    }

    private static Headers cookies(String value) {
        Headers h = new Headers();
        h.add("Cookie", value);
        return h;
    }
}
