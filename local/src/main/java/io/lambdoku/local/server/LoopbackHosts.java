package io.lambdoku.local.server;

import io.lambdoku.local.UrlHosts;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Host headers a server bound to loopback answers: its own port under any loopback name. A web
 * page that rebinds its own DNS name to 127.0.0.1 (DNS rebinding) gets its requests here with its own
 * name as Host, and is refused. A server bound elsewhere verifies signatures with a secret instead,
 * and SigV4 signs the Host.
 */
final class LoopbackHosts {

    private final Set<String> allowed;

    private LoopbackHosts(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** Empty when {@code bound} is not a loopback address. */
    static Optional<LoopbackHosts> of(InetSocketAddress bound, boolean tls) {
        if (!bound.getAddress().isLoopbackAddress()) {
            return Optional.empty();
        }
        String literal = bound.getAddress().getHostAddress();
        Set<String> names = new HashSet<>(List.of("127.0.0.1", "localhost", "[::1]"));
        names.add(literal.contains(":") ? "[::1]" : literal);
        int port = bound.getPort();
        Set<String> allowed = new HashSet<>();
        for (String name : names) {
            allowed.add(name + ":" + port);
            if (port == (tls ? 443 : 80)) {
                allowed.add(name); // clients leave the default port out
            }
        }
        return Optional.of(new LoopbackHosts(allowed));
    }

    /**
     * A function URL's host ({@code <url-id>.lambda-url.<region>.localhost}) is no rebinding: browsers resolve
     * *.localhost to loopback themselves, so no page can point such a name at itself, and a URL's port may differ
     * behind a port forward.
     */
    void check(Optional<String> host) {
        if (host.map(h -> allowed.contains(h.strip().toLowerCase(Locale.ROOT))).orElse(false)
                || UrlHosts.parse(host).isPresent()) {
            return;
        }
        throw new WireError.Raised(new WireError(403, "AccessDeniedException", "lambdoku local serve answers requests for "
                + String.join(", ", allowed.stream().sorted().toList()) + " only, not for Host '" + host.orElse("")
                + "' (a guard against DNS rebinding); use one of those in the endpoint URL."));
    }
}
