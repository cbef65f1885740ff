package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The everyday local commands start from the launcher's class-data archive: no class is read from a jar or the
 * JDK's image, none of ours or our libraries' is generated at run time, and no record's equals builds method
 * handles. A class the training run (CdsTraining) did not load costs every start that meets it; a training
 * run that fails leaves the whole archive out.
 */
class ArchivedHotPathIT {

    private static final Pattern OURS = Pattern.compile(" (io\\.lambdoku|org\\.sqlite|com\\.fasterxml|picocli)\\.");

    @TempDir
    Path scratch;

    @Test
    void everydayCommandsLoadNoClassOutsideTheArchive() throws Exception {
        CliRunner cli = new CliRunner(scratch);
        Path cache = cli.repo().resolve("cli/target/lambdoku-cache");
        // The launcher's key file for this checkout and JDK (the one running this test, as it runs a local command):
        // its second line names the current build's archive dir.
        Path keyFile = cache.resolve("keys").resolve(cli.repo().toString().replace('/', '%') + "-java"
                + Runtime.version().feature() + ".key");
        List<String> key = Files.readAllLines(keyFile);
        Path archiveDir = cache.resolve(key.get(1));
        assertThat(archiveDir.resolve("training.failed"))
                .as("a training run failed: %s", archiveDir.resolve("training.log")).doesNotExist();
        cli.run("create", "app", "--code", cli.repo().resolve("examples/hello-python").toString()).succeeded();
        cli.run("config:set", "-a", "app", "AA=1").succeeded();

        List<List<String>> commands = List.of(
                List.of("config", "-a", "app"),
                List.of("config:get", "-a", "app", "AA"),
                List.of("config:set", "-a", "app", "AA=1"),
                List.of("config:set", "-a", "app", "AA=2", "BB=two words"),
                List.of("config:unset", "-a", "app", "BB"),
                List.of("releases", "-a", "app"),
                List.of("apps:info", "-a", "app"),
                List.of("rollback", "-a", "app"));
        List<String> outsideByCommand = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            List<String> command = commands.get(i);
            Path log = scratch.resolve("classes-" + i + ".log");
            cli.withEnv(Map.of("LAMBDOKU_JAVA_OPTS", "-Xlog:class+load=info:file=" + log))
                    .run(command.toArray(String[]::new)).succeeded();
            List<String> loaded = Files.readAllLines(log);
            assertThat(loaded).as("the class-load log of '%s'", String.join(" ", command))
                    .anyMatch(line -> line.contains(" io.lambdoku.cli.Main source: shared objects file"));
            // A class read from a jar or the JDK's image is a path the training missed; a record's own equals
            // (ObjectMethods) generates ~20 method-handle forms on its first call, which no archive can hold. (The JDK
            // also generates a few forms and, when two threads race to one of its lambdas, that lambda: not counted.)
            List<String> outside = loaded.stream()
                    .filter(line -> line.contains(" java.lang.runtime.ObjectMethods ")
                            || line.contains(" source: file:") || line.contains(" source: jrt:")
                            || !line.contains("source: shared objects file") && OURS.matcher(line).find())
                    .collect(Collectors.toList());
            outside.forEach(line -> outsideByCommand.add(String.join(" ", command) + ": " + line));
        }
        assertThat(outsideByCommand).as("classes loaded from outside the archive").isEmpty();
    }
}
