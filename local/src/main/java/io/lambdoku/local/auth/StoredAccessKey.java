package io.lambdoku.local.auth;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.local.store.StoreException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The access key 'local serve --generate-credentials' checks signatures with: made once per store and
 * reused, so clients configure it once. Kept as {@code credentials.json} (mode 0600, as the TLS key is);
 * whoever can read it can read the whole store anyway.
 */
public final class StoredAccessKey {

    public static final String FILE = "credentials.json";

    private StoredAccessKey() {
    }

    /** The store's key, generated now if it has none; {@code created} says which. */
    public record Loaded(AccessKey key, Path file, boolean created) {
    }

    public static Loaded loadOrCreate(Path storeDir) {
        Path file = storeDir.resolve(FILE);
        boolean created = false;
        if (!Files.exists(file)) {
            try {
                created = create(storeDir, file);
            } catch (IOException e) {
                throw new StoreException("cannot write the access key " + file + ": " + e.getMessage(), e);
            }
        }
        try {
            Map<String, Object> m = JSON.std.mapFrom(Files.readAllBytes(file));
            return new Loaded(new AccessKey(String.valueOf(m.get("accessKeyId")), String.valueOf(m.get("secretAccessKey"))),
                    file, created);
        } catch (IOException | RuntimeException e) {
            throw new StoreException("cannot read the access key " + file + ": " + e.getMessage() + " (delete it to make a new one)", e);
        }
    }

    /** Written privately, then published by a hard link, so two first starts agree on one key. */
    private static boolean create(Path storeDir, Path file) throws IOException {
        Files.createDirectories(storeDir);
        AccessKey key = AccessKey.generate();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accessKeyId", key.id());
        m.put("secretAccessKey", key.secret());
        Path tmp = Files.createTempFile(storeDir, "credentials", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(tmp, JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asBytes(m));
            Files.createLink(file, tmp);
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
