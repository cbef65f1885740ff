package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** A git repository holding a copy of examples/hello-python, as a formation row's Source: commit, read a SHA. */
record HelloPythonRepo(Path dir) {

    /** The copy in the runner's folder, its lambdoku.json passed through {@code manifest}, committed on main. */
    static HelloPythonRepo create(CliRunner cli, UnaryOperator<String> manifest) throws Exception {
        Path from = cli.repo().resolve("examples/hello-python");
        Path to = Files.createDirectories(cli.cwd().resolve("shop-src"));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        Path json = to.resolve("lambdoku.json");
        Files.writeString(json, manifest.apply(Files.readString(json)));
        HelloPythonRepo repo = new HelloPythonRepo(to);
        repo.git("init", "-q", "-b", "main");
        repo.commit("hello");
        return repo;
    }

    void commit(String message) throws Exception {
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", message);
    }

    String git(String... args) throws Exception {
        String[] cmd = Stream.concat(Stream.of("git", "-C", dir.toString()), Stream.of(args)).toArray(String[]::new);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("%s: %s", String.join(" ", cmd), out).isZero();
        return out;
    }
}
