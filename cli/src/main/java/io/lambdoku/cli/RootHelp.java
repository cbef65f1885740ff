package io.lambdoku.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Help.Ansi;

/**
 * 'lambdoku help': the list of every command. Building the whole annotated tree costs ~150 ms, so the run
 * that trains the class-data archive renders it once per build, with and without colours, into the
 * launcher's cache dir; help prints the one picocli would choose for this terminal.
 */
final class RootHelp {

    private RootHelp() {
    }

    static void print(Launch launch) {
        // Without a terminal, picocli colours only when told to (picocli.ansi, CLICOLOR_FORCE): answered here
        // without loading picocli, a few ms of a command that is otherwise a file read.
        boolean told = System.getProperty("picocli.ansi") != null || launch.env().get("CLICOLOR_FORCE") != null;
        boolean ansi = (System.console() != null || told) && Ansi.AUTO.enabled();
        Optional<Path> file = file(ansi);
        if (file.isPresent() && Files.isRegularFile(file.get())) {
            try {
                launch.out().write(Files.readAllBytes(file.get()));
                launch.out().flush();
                return;
            } catch (IOException e) {
                // rendered below
            }
        }
        launch.out().print(render(launch, ansi ? Ansi.ON : Ansi.OFF));
        launch.out().flush();
    }

    static void writeCache(Launch launch) throws IOException {
        for (boolean ansi : new boolean[] {false, true}) {
            Optional<Path> file = file(ansi);
            if (file.isEmpty()) {
                return;
            }
            BuildCache.write(file.get(), render(launch, ansi ? Ansi.ON : Ansi.OFF).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String render(Launch launch, Ansi ansi) {
        return CommandTree.build(launch).getUsageMessage(ansi);
    }

    private static Optional<Path> file(boolean ansi) {
        return BuildCache.file("help", ansi ? "root.ansi.txt" : "root.txt");
    }
}
