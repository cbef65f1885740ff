package io.lambdoku.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The commands' {@link SpecFile}s, in the launcher's per-build cache dir ({@code -Dlambdoku.cache}), written by
 * the run that trains the class-data archive. Without that dir, or a command's file, a run goes to picocli,
 * which reads the annotations.
 */
final class SpecCache {

    private SpecCache() {
    }

    /** The options and parameters of the command NAME, when the cache has its file. */
    static Optional<List<ArgShape>> load(String name) {
        Optional<Path> file = file(name);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        // java.io, not Files.newInputStream: NIO's file channels load the JDK's network library on first use (~1.5 ms
        // of a command), and with -a no other read on an everyday local command's path opens one (Holder reads so too)
        try (InputStream in = new FileInputStream(file.get().toFile())) {
            return Optional.of(SpecFile.read(new DataInputStream(new BufferedInputStream(in))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // absent or unreadable: the annotations say the same, slower
        }
    }

    /** Writes every command's file; returns how many commands have one. */
    static int writeAll(Launch launch) throws IOException {
        int written = 0;
        for (String name : CommandRegistry.NAMES) {
            Optional<Path> file = file(name);
            if (file.isEmpty()) {
                return 0;
            }
            Object command = CommandRegistry.create(name, launch);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (SpecFile.write(CommandSpec.forAnnotatedObject(command), command, new DataOutputStream(bytes))) {
                BuildCache.write(file.get(), bytes.toByteArray());
                written++;
            }
        }
        return written;
    }

    private static Optional<Path> file(String name) {
        return BuildCache.file("specs", name.replace(':', '_'));
    }
}
