package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The everyday commands start from the launcher's class-data archive: none of lambdoku's or its libraries'
 * classes is read from the jar or generated at run time. A class the training run (CdsTraining) did not load
 * costs every start that meets it; a training run that fails leaves the whole archive out.
 */
class ArchivedHotPathIT {

    @TempDir
    Path scratch;

    @Test
    void everydayCommandsLoadNoClassOutsideTheArchive() throws Exception {
        CliRunner cli = new CliRunner(scratch);
        Path cache = cli.repo().resolve("cli/target/lambdoku-cache");
        List<String> key = Files.readAllLines(cache.resolve("keys").resolve(cli.repo().toString().replace('/', '%') + ".key"));
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
        for (List<String> command : commands) {
            Path log = scratch.resolve("classes-" + commands.indexOf(command) + ".log");
            cli.withEnv(Map.of("LAMBDOKU_JAVA_OPTS", "-Xlog:class+load=info:file=" + log))
                    .run(command.toArray(String[]::new)).succeeded();
            List<String> loaded = Files.readAllLines(log);
            assertThat(loaded).as("the class-load log of '%s'", String.join(" ", command))
                    .anyMatch(line -> line.contains(" io.lambdoku.cli.Main source: shared objects file"));
            List<String> outside = loaded.stream()
                    .filter(line -> !line.contains("source: shared objects file"))
                    .filter(line -> line.contains(" io.lambdoku.") || line.contains(" org.sqlite.")
                            || line.contains(" com.fasterxml.") || line.contains(" picocli."))
                    .collect(Collectors.toList());
            outside.forEach(line -> outsideByCommand.add(String.join(" ", command) + ": " + line));
        }
        assertThat(outsideByCommand).as("classes loaded from outside the archive").isEmpty();
    }
}
