package io.lambdoku.local.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.auth.AccessKey;
import io.lambdoku.local.auth.AuthException;
import io.lambdoku.local.auth.SignatureCheck;
import io.lambdoku.local.kms.KmsApi;
import io.lambdoku.local.kms.LocalKms;
import io.lambdoku.local.runtime.FunctionKms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The KMS endpoint of functions run where no plain 'local serve' answers them (in-process invokes, or a 'local serve'
 * with TLS or an access key of its own, which functions are not handed): the same KMS routes, on a loopback port of
 * this process, bound when the first environment starts and closed with the invoker. It verifies every signature
 * with a key made for it alone, so other users of this machine, who cannot read the store, cannot decrypt through it
 * either. Sandboxed functions share the host's network namespace, so they reach it on 127.0.0.1.
 */
public final class FunctionKmsServer implements FunctionKms {

    private final LocalLambda lambda;
    private final AccessKey key = AccessKey.generate();
    private HttpServer http;
    private ExecutorService workers;
    private RequestGate gate;
    private JsonTargetRoutes routes;
    private RequestBodies bodies;

    public FunctionKmsServer(LocalLambda lambda) {
        this.lambda = lambda;
    }

    @Override
    public synchronized Map<String, String> environment() {
        if (http == null) {
            start();
        }
        return FunctionKms.variables("http://127.0.0.1:" + http.getAddress().getPort(), key.id(), key.secret());
    }

    private void start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            gate = new RequestGate(LoopbackHosts.of(server.getAddress(), false), new SignatureCheck(Optional.of(key), Clock.systemUTC()));
            routes = new JsonTargetRoutes(Optional.empty(), new KmsApi(new LocalKms(lambda)));
            bodies = RequestBodies.sizedToHeap();
            workers = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "lambdoku-function-kms");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(workers);
            server.createContext("/", this::handle);
            server.start();
            http = server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the functions' KMS endpoint on loopback: " + e.getMessage(), e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        WireExchange ex = new WireExchange(exchange, bodies);
        try {
            gate.screen(ex);
            String service = gate.admit(ex);
            if (!service.equals("kms")) {
                throw new WireError.Raised(new WireError(404, "UnknownOperationException", "This endpoint serves functions"
                        + " KMS only, not '" + service + "'; the other APIs are 'lambdoku local serve''s."));
            }
            routes.route(ex, service);
        } catch (AuthException e) {
            ex.error(RequestGate.refusal(e));
        } catch (RuntimeException e) {
            ex.error(WireError.of(e, lambda.options().region()));
        } finally {
            ex.release();
            exchange.close();
        }
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.stop(0);
            workers.shutdownNow();
            http = null;
        }
    }
}
