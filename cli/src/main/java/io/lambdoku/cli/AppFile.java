package io.lambdoku.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code .lambdoku} file {@code init} writes: which function (and backend) commands in this folder,
 * or any folder below it, act on when {@code -a} is not given.
 */
public record AppFile(String app, Optional<String> backend) {

    public static final String NAME = ".lambdoku";

    public static Optional<AppFile> find(Path cwd) {
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(NAME);
            if (Files.isRegularFile(file)) {
                return Optional.of(read(file));
            }
        }
        return Optional.empty();
    }

    private static AppFile read(Path file) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String app = p.getProperty("app", "").strip();
        if (app.isEmpty()) {
            throw new UsageException(file + " names no app; run 'lambdoku init NAME' again.");
        }
        return new AppFile(app, Optional.ofNullable(p.getProperty("backend")).map(String::strip));
    }

    public void write(Path dir) {
        StringBuilder text = new StringBuilder("# written by 'lambdoku init'\napp=").append(app).append('\n');
        backend.ifPresent(b -> text.append("backend=").append(b).append('\n'));
        try {
            Files.writeString(dir.resolve(NAME), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(NAME), e);
        }
    }
}
