package io.lambdoku.aws;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One moto_server per test class, reset before each test (so every test starts from the same role and
 * bucket), stopped after the class: {@code @RegisterExtension static final MotoExtension moto = new MotoExtension();}.
 * Skips the class where moto is missing, as {@link MotoServer#startOrSkip()} does.
 */
public final class MotoExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private MotoServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = MotoServer.startOrSkip();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public AwsOptions options() {
        return server.options();
    }

    public Map<String, String> environment() {
        return server.environment();
    }
}
