package io.lambdoku.local.store;

/** The local store itself failed (disk, corruption); not something the user's input caused. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super("local store: " + message, cause);
    }
}
