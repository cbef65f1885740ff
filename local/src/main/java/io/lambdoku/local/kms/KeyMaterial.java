package io.lambdoku.local.kms;

import io.lambdoku.core.secret.KeyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The 256-bit AES keys, one file per key under the store's {@code kms/} folder (0700), each readable by its owner
 * only (0600): kept out of the database so that a copy of lambdoku.db handed to someone for debugging holds no key.
 */
final class KeyMaterial {

    static final int BYTES = 32;

    private final Path dir;

    KeyMaterial(Path dir) {
        this.dir = dir;
    }

    /** Random material for a new key; written before its row, so every key in the table has its material. */
    void create(String keyId) {
        KeyFile.loadOrCreate(file(keyId), BYTES);
    }

    byte[] read(String keyId) {
        try {
            byte[] key = Files.readAllBytes(file(keyId));
            if (key.length != BYTES) {
                throw KmsError.internal("The key material " + file(keyId) + " is not " + BYTES + " bytes long.", null);
            }
            return key;
        } catch (NoSuchFileException e) {
            throw KmsError.internal("The material of key " + keyId + " is missing from " + dir + "; what it encrypted cannot"
                    + " be decrypted any more.", e);
        } catch (IOException e) {
            throw KmsError.internal("Cannot read the material of key " + keyId + ": " + e.getMessage(), e);
        }
    }

    /** A key whose row could not be written (its alias was taken) leaves no material behind. */
    void delete(String keyId) {
        try {
            Files.deleteIfExists(file(keyId));
        } catch (IOException e) {
            // an unused file of 32 bytes; nothing refers to it
        }
    }

    Path file(String keyId) {
        return dir.resolve(keyId + ".key");
    }
}
