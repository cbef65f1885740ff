package io.lambdoku.cli;

import io.lambdoku.core.lambda.FunctionRef;
import io.lambdoku.core.lambda.LambdaException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The {@code .lambdoku} file: which function (and backend) commands in this folder, or any folder
 * below it, act on when {@code -a} is not given.
 *
 * <p>Two formats are read: ours, written by {@code init} ({@code app=NAME|ARN}, optionally
 * {@code backend=local|aws}), and the original Node lambdoku's, the bare function name or ARN on one
 * line, so folders set up with it keep working.
 *
 * <p>A file that names no function (unreadable, garbage, an invalid name) is not an error when it is
 * read: {@code -a} and {@code init} do not need it, so it must not stop them. Only {@link #app()}, the
 * moment a command actually falls back on the file, fails, naming the file.
 */
public final class AppFile {

    public static final String NAME = ".lambdoku";
    /**
     * Our own format: some line sets one of our two keys. A bare name or ARN never has '=' in it. Compiled when a file
     * is read: every command looks for one and most find none, and java.util.regex takes ~2 ms to start.
     */
    private static final class Format {
        static final Pattern OURS = Pattern.compile("(?m)^\\s*(app|backend)\\s*=");
    }

    private final Optional<String> app;
    private final Optional<String> backend;
    private final String problem;

    public AppFile(String app, Optional<String> backend) {
        this(Optional.of(app), backend, "");
    }

    private AppFile(Optional<String> app, Optional<String> backend, String problem) {
        this.app = app;
        this.backend = backend;
        this.problem = problem;
    }

    public static Optional<AppFile> find(Path cwd) {
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(NAME);
            if (Files.isRegularFile(file)) {
                return Optional.of(read(file));
            }
        }
        return Optional.empty();
    }

    /** The function this file names; a usage error naming the file when it names none. */
    public String app() {
        return app.orElseThrow(() -> new UsageException(problem));
    }

    /**
     * The backend {@code init} recorded; else {@code aws} when the file names a function ARN (as an ARN
     * given with -a does: the original lambdoku wrote ARNs and spoke only to AWS); empty for a broken file.
     */
    public Optional<String> backend() {
        return backend.or(() -> app.filter(a -> a.startsWith("arn:")).map(a -> "aws"));
    }

    /** Replaces the file whatever it held before, through a rename so no reader ever sees half of it. */
    public void write(Path dir) {
        StringBuilder text = new StringBuilder("# written by 'lambdoku init'\napp=").append(app()).append('\n');
        backend.ifPresent(b -> text.append("backend=").append(b).append('\n'));
        Path target = dir.resolve(NAME);
        try {
            Path temp = dir.resolve(NAME + ".tmp-" + ProcessHandle.current().pid());
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static AppFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        } catch (CharacterCodingException e) {
            return broken(file, "is not UTF-8 text");
        } catch (IOException e) {
            return broken(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return Format.OURS.matcher(text).find() ? readProperties(file, text) : readBare(file, text);
    }

    private static AppFile readProperties(Path file, String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return broken(file, "is not a valid lambdoku file");
        }
        String app = p.getProperty("app", "").strip();
        if (app.isEmpty()) {
            return broken(file, "names no app");
        }
        return named(file, app, Optional.ofNullable(p.getProperty("backend")).map(String::strip));
    }

    /** The original lambdoku's format: the name or ARN alone, maybe with a trailing newline. */
    private static AppFile readBare(Path file, String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (lines.size() != 1) {
            return broken(file, lines.isEmpty() ? "names no app" : "holds more than a function name or ARN");
        }
        return named(file, lines.get(0), Optional.empty());
    }

    private static AppFile named(Path file, String app, Optional<String> backend) {
        try {
            FunctionRef.parse(app);
        } catch (LambdaException e) {
            return broken(file, "holds '" + shorten(app) + "', which is not a function name or ARN");
        }
        return new AppFile(Optional.of(app), backend, "");
    }

    private static AppFile broken(Path file, String what) {
        return new AppFile(Optional.empty(), Optional.empty(),
                file + " " + what + "; pass -a NAME, or run 'lambdoku init NAME' to rewrite it.");
    }

    private static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
