package io.lambdoku.cli;

import java.util.List;
import java.util.Map;

/** What the JVM the launcher starts says of itself, before the command runs. */
final class JvmSettings {

    private JvmSettings() {
    }

    /**
     * A system property as -XshowSettings prints it on stderr (given in JDK_JAVA_OPTIONS, which the java command reads:
     * LAMBDOKU_JAVA_OPTS would keep the launcher on the java found): the value after "NAME = ", and for a path each
     * further entry on a line of its own, more deeply indented.
     */
    static String property(CliRunner runner, String name, String... args) throws Exception {
        String err = runner.runWithEnv(Map.of("JDK_JAVA_OPTIONS", "-XshowSettings:properties"), args).err();
        List<String> lines = err.lines().toList();
        String prefix = name + " = ";
        int at = lines.indexOf(lines.stream().filter(l -> l.strip().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + err)));
        StringBuilder value = new StringBuilder(lines.get(at).strip().substring(prefix.length()));
        for (int i = at + 1; i < lines.size() && !lines.get(i).contains(" = ") && lines.get(i).startsWith("        "); i++) {
            value.append(' ').append(lines.get(i).strip());
        }
        return value.toString();
    }
}
