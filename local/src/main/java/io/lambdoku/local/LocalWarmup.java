package io.lambdoku.local;

import io.lambdoku.local.store.Database;
import io.lambdoku.local.store.SettingsJson;

/**
 * A local command's first store call, prepared in two halves that run at once (design.md §7). Opening the
 * store used to be nearly all of a command's own time: sqlite-jdbc's connection config builds a date format
 * whose calendar loads the JDK's locale data (~20 ms), the driver loads its native library and binds its
 * logger (slf4j searches the whole class path), and the first settings read starts jackson-jr. The calendar
 * runs on a second thread from the moment the command is known; the native library, the logger and jackson-jr
 * on the command's own thread once its arguments are bound (about as long); then the store opens. Neither
 * touches the store; a failure here is left for the open to meet and report.
 */
public final class LocalWarmup {

    private static final String SAMPLE = "{\"runtime\":\"python3.12\",\"handler\":\"app.handler\",\"role\":\"r\","
            + "\"memorySize\":128,\"timeout\":3,\"environment\":{\"A\":\"1\"},\"layers\":[]}";

    private LocalWarmup() {
    }

    /** The second thread's half. */
    public static void background() {
        try {
            Database.warmConfig();
        } catch (RuntimeException | LinkageError e) {
            // the open meets it again and reports it
        }
    }

    /** The command thread's half, before it waits for the other and opens the store. */
    public static void foreground() {
        try {
            Database.warmDriver();
            SettingsJson.read(SAMPLE);
        } catch (RuntimeException | LinkageError e) {
            // the open meets it again and reports it
        }
    }
}
