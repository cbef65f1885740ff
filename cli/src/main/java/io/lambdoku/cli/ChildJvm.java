package io.lambdoku.cli;

import io.lambdoku.local.runtime.HostJdk;
import java.util.ArrayList;
import java.util.List;

/**
 * A command line that runs lambdoku's Main in a new JVM: the JDK's java ({@link HostJdk}), this one's class path, the
 * launcher's collector and compiler, and its cache folder (the SQLite library is extracted there already). For a JVM
 * this one starts on its own (a detached rollout driver, the training's local serve), not through the launcher.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static List<String> main(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>(List.of(HostJdk.java().toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED"); // sqlite-jdbc's library, without a warning
        }
        String cache = System.getProperty("lambdoku.cache");
        if (cache != null) {
            command.add("-Dlambdoku.cache=" + cache);
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return command;
    }
}
