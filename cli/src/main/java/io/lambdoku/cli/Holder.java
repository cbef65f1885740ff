package io.lambdoku.cli;

import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Who this run is, as locks and the activity record name it: {@code user@host}. */
final class Holder {

    private Holder() {
    }

    static String of(Map<String, String> env) {
        String user = nonBlank(env.get("USER"), nonBlank(env.get("USERNAME"), System.getProperty("user.name", "unknown")));
        return user + "@" + host(env);
    }

    /**
     * The kernel's name for this machine where there is one to read: InetAddress.getLocalHost() asks the
     * resolver, which takes seconds on a machine whose own name does not resolve.
     */
    private static String host(Map<String, String> env) {
        String fromEnv = nonBlank(env.get("HOSTNAME"), nonBlank(env.get("COMPUTERNAME"), null));
        if (fromEnv != null) {
            return fromEnv;
        }
        for (String file : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
            try {
                String name = read(file).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or not readable: try the next
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    /** java.io, as SpecCache reads: the first NIO file channel costs ~1.5 ms. */
    private static String read(String file) throws IOException {
        try (FileInputStream in = new FileInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String nonBlank(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.strip();
    }
}
