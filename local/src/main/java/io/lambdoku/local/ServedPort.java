package io.lambdoku.local;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the 'local serve' running on a store answers: read from the file it writes into the store while it runs
 * ({@link #FILE}, written by LocalServeCommand; ServedInvoker reads it through {@link #running}), if its process is alive. Function URLs name this server,
 * else its default port: a URL printed while no server runs works once 'local serve' starts.
 */
public final class ServedPort {

    public static final String FILE = "serve.json";
    static final URI DEFAULT = URI.create("http://127.0.0.1:9001");

    private ServedPort() {
    }

    static URI endpoint(Path storeDir) {
        return running(storeDir).flatMap(m -> m.get("endpoint") instanceof String e ? Optional.of(URI.create(e))
                : Optional.empty()).orElse(DEFAULT);
    }

    /** What the server running on this store wrote into {@link #FILE}, if its process is alive. */
    public static Optional<Map<String, Object>> running(Path storeDir) {
        Path file = storeDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> m = JSON.std.mapFrom(Files.readAllBytes(file));
            boolean alive = m.get("pid") instanceof Number pid
                    && ProcessHandle.of(pid.longValue()).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(m) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a torn or stale file: no server running
        }
    }
}
