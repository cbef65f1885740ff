package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lambdoku.aws.MotoExtension;
import io.lambdoku.aws.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher leaves the AWS SDK's jar off the class path of a command it expects to stay local; the rules of
 * Session.backendName put it back, and a command that needs it anyway runs again through the launcher.
 */
class SdkClassPathIT {

    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch);
    }

    @Test
    void theSdkJarIsOnTheClassPathExactlyWhenTheBackendIsAws() throws Exception {
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:web";
        assertThat(classPath(cli, "--version")).doesNotContain("lambdoku-sdk.jar").contains("lambdoku.jar");
        assertThat(classPath(cli, "config", "-a", "web")).doesNotContain("lambdoku-sdk.jar");
        // an ARN elsewhere (a role, a key) does not name the backend
        assertThat(classPath(cli, "create", "web", "--role", "arn:aws:iam::123456789012:role/r")).doesNotContain("lambdoku-sdk.jar");
        // --version after the app: no command runs, so nothing calls AWS
        for (List<String> args : List.of(List.of("--backend", "aws", "--version"), List.of("--backend=aws", "--version"),
                List.of("-a", arn, "--version"), List.of("--app", arn, "--version"), List.of("--app=" + arn, "--version"),
                List.of("-a=" + arn, "--version"), List.of("-a" + arn, "--version"))) {
            assertThat(classPath(cli, args.toArray(String[]::new))).as("%s", args).contains("lambdoku-sdk.jar");
        }
        assertThat(classPath(new CliRunner(scratch.resolve("env")).withEnv(Map.of("LAMBDOKU_BACKEND", "aws")), "--version"))
                .contains("lambdoku-sdk.jar");
        // --backend wins over LAMBDOKU_BACKEND, as Session has it
        assertThat(classPath(new CliRunner(scratch.resolve("env2")).withEnv(Map.of("LAMBDOKU_BACKEND", "aws")),
                "--backend", "local", "--version")).doesNotContain("lambdoku-sdk.jar");

        // the nearest .lambdoku decides, from the folder the command runs in or one above it
        Files.writeString(cli.cwd().getParent().resolve(".lambdoku"), "app = web\nbackend = aws\n");
        assertThat(classPath(cli, "--version")).contains("lambdoku-sdk.jar");
        Files.writeString(cli.cwd().resolve(".lambdoku"), "app = web\nbackend = local\n");
        assertThat(classPath(cli, "--version")).doesNotContain("lambdoku-sdk.jar");
        Files.writeString(cli.cwd().resolve(".lambdoku"), arn + "\n");
        assertThat(classPath(cli, "--version")).contains("lambdoku-sdk.jar");
    }

    @Test
    void anAwsCommandStartedWithoutTheSdkRunsAgainWithItAndAnswersTheSame() throws Exception {
        CliRunner aws = cli.withEnv(moto.environment());
        aws.run("create", "web", "--role", MotoServer.ROLE).succeeded();
        aws.run("config:set", "-a", "web", "GREETING=hi").succeeded();
        String expected = aws.run("config", "-a", "web").succeeded().out();
        assertThat(expected).contains("GREETING='hi'");

        // As the launcher starts a command whose backend it did not foresee: our jar alone.
        CliRunner.Result again = aws.withEnv(Map.of("LAMBDOKU_LAUNCHER", cli.repo().resolve("lambdoku").toString()))
                .runOnOurJarAlone("--backend", "aws", "config", "-a", "web");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).isEqualTo(expected);
        assertThat(again.err()).isEmpty();

        CliRunner.Result missing = aws.withEnv(Map.of("LAMBDOKU_SDK", "1"))
                .runOnOurJarAlone("--backend", "aws", "config", "-a", "web");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().strip()).startsWith("Error: this command needs the AWS SDK").doesNotContain("\tat ");
        assertThat(missing.out()).isEmpty();
    }

    @Test
    void awsCommandsRunOnAJdk25InstalledBesideTheDefaultLocalOnesOnTheDefault() throws Exception {
        Path defaultJdk = Path.of(System.getProperty("java.home")); // the java this test runs on: the one on PATH here
        assumeTrue(Runtime.version().feature() < 25, "the default JDK is 25+ already");
        Optional<Path> beside = jdk25Beside(defaultJdk);
        assumeTrue(beside.isPresent(), "no JDK 25+ beside " + defaultJdk);
        CliRunner noJavaHome = cli.withEnv(Map.of("JAVA_HOME", ""));
        String jdk25 = String.valueOf(major(beside.get()));
        String ours = String.valueOf(Runtime.version().feature());
        assertThat(javaVersion(noJavaHome, "--backend", "aws", "--version")).isEqualTo(jdk25);
        assertThat(javaVersion(noJavaHome, "--backend", "aws", "config", "-a", "web")).isEqualTo(jdk25);
        assertThat(javaVersion(noJavaHome, "config", "-a", "web")).isEqualTo(ours);
        // its AOT caches: the everyday reads get one without the changes' classes, found by the command word
        assertThat(aotCache(noJavaHome, "--backend", "aws", "-a", "web", "config", "-h")).endsWith("/lambdoku-reads.aot");
        assertThat(aotCache(noJavaHome, "--backend", "aws", "releases", "-h")).endsWith("/lambdoku-reads.aot");
        assertThat(aotCache(noJavaHome, "--backend", "aws", "config:set", "-h")).endsWith("/lambdoku.aot");
        assertThat(aotCache(noJavaHome, "--backend", "aws", "-a", "config", "rollback", "-h")).endsWith("/lambdoku.aot");
        // a JAVA_HOME is the user's choice, for every command; so are JVM options made for the java found
        CliRunner chosen = new CliRunner(scratch.resolve("chosen")).withEnv(Map.of("JAVA_HOME", defaultJdk.toString()));
        assertThat(javaVersion(chosen, "--backend", "aws", "--version")).isEqualTo(ours);
        CliRunner tuned = new CliRunner(scratch.resolve("tuned")).withEnv(Map.of("JAVA_HOME", "", "LAMBDOKU_JAVA_OPTS", "-Xss2m"));
        assertThat(javaVersion(tuned, "--backend", "aws", "--version")).isEqualTo(ours);
    }

    @Test
    void theAwsCachesOfAJdk25HoldNoClassOfTheLocalServerOrStore() throws Exception {
        Optional<Path> jdk25 = major(Path.of(System.getProperty("java.home"))) >= 25
                ? Optional.of(Path.of(System.getProperty("java.home"))) : jdk25Beside(Path.of(System.getProperty("java.home")));
        assumeTrue(jdk25.isPresent(), "no JDK 25+ here");
        CliRunner on25 = cli.withEnv(Map.of("JAVA_HOME", jdk25.get().toString()));
        for (List<String> command : List.of(List.of("--backend", "aws", "--version"), List.of("--backend", "aws", "config", "-h"))) {
            // an AOT cache loads every class it holds at each start, so a start's log lists them all
            List<String> cached = classLoads(on25, command).stream().filter(l -> l.contains("source: shared objects file")).toList();
            // (the few types an aws command's own classes name, such as LocalLambda, are loaded by any JVM that links them)
            assertThat(cached).as("%s", command).anyMatch(l -> l.contains(" software.amazon.awssdk."))
                    .noneMatch(l -> l.contains(" io.lambdoku.local.server.") || l.contains(" io.lambdoku.local.store.Database ")
                            || l.contains(" org.sqlite.") || l.contains(" com.sun.net.httpserver."));
        }
    }

    @Test
    void aJdk25ThatCouldNotMakeItsCachesLeavesTheAwsCommandsToTheDefault() throws Exception {
        assumeTrue(Runtime.version().feature() < 25, "the default JDK is 25+ already");
        Optional<Path> beside = jdk25Beside(Path.of(System.getProperty("java.home")));
        assumeTrue(beside.isPresent(), "no JDK 25+ beside the default");
        Path cache = scratch.resolve("cache");
        CliRunner own = cli.withEnv(Map.of("JAVA_HOME", "", "LAMBDOKU_CACHE", cache.toString()));
        assertThat(javaVersion(own, "--backend", "aws", "--version")).isEqualTo(String.valueOf(major(beside.get())));
        try (Stream<Path> dirs = Files.list(cache)) {
            Path jdk25Dir = dirs.filter(d -> d.getFileName().toString().endsWith("-java" + major(beside.get()))).findFirst()
                    .orElseThrow();
            Files.createFile(jdk25Dir.resolve("training.failed")); // as the launcher marks a training that failed
        }
        assertThat(javaVersion(own, "--backend", "aws", "--version")).isEqualTo(String.valueOf(Runtime.version().feature()));
        CliRunner.Result third = own.run("--backend", "aws", "--version").succeeded();
        assertThat(third.err()).as("its own archive is made once").doesNotContain("preparing fast start");
    }

    @Test
    void theAwsBackendsEverydayReadsLoadNoClassOfOursOrTheSdksOutsideTheArchive() throws Exception {
        CliRunner aws = cli.withEnv(moto.environment()).withEnv(Map.of("LAMBDOKU_BACKEND", "aws"));
        aws.run("create", "web", "--role", MotoServer.ROLE).succeeded();
        aws.run("config:set", "-a", "web", "GREETING=hi").succeeded();
        // on each JDK that runs them: the java found, and a JDK 25+ beside it when there is one
        Path found = Path.of(System.getProperty("java.home"));
        List<Path> jdks = new ArrayList<>(List.of(found));
        jdk25Beside(found).ifPresent(jdks::add);
        List<String> outside = new ArrayList<>();
        for (Path jdk : jdks) {
            CliRunner on = aws.withEnv(Map.of("JAVA_HOME", jdk.toString()));
            for (List<String> command : List.of(List.of("config", "-a", "web"), List.of("config:get", "-a", "web", "GREETING"),
                    List.of("releases", "-a", "web"))) {
                // slf4j ships Java 5 class files, which a JDK 25 AOT cache cannot hold (a JDK 17 archive does)
                classLoads(on, command).stream()
                        .filter(line -> line.contains(" source: file:") && !line.contains(" org.slf4j."))
                        .forEach(line -> outside.add(jdk.getFileName() + " " + String.join(" ", command) + ": " + line));
            }
        }
        assertThat(outside).as("classes read from a jar").isEmpty();
    }

    /** The class-load log of {@code command} run through the launcher (which succeeds). */
    private List<String> classLoads(CliRunner runner, List<String> command) throws Exception {
        Path log = Files.createTempFile(scratch, "classes", ".log"); // not the command's name: its ':' means much to -Xlog
        runner.runWithEnv(Map.of("LAMBDOKU_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), command.toArray(String[]::new))
                .succeeded();
        return Files.readAllLines(log);
    }

    /**
     * The AOT cache the launcher gives the JVM for {@code args}, as -XX:+PrintCommandLineFlags prints it (given in
     * JDK_JAVA_OPTIONS, which the java command reads: LAMBDOKU_JAVA_OPTS would keep the launcher on the java found).
     */
    private static String aotCache(CliRunner runner, String... args) throws Exception {
        CliRunner.Result r = runner.runWithEnv(Map.of("JDK_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags"), args);
        return Stream.of((r.out() + " " + r.err()).split("\\s+")).filter(f -> f.startsWith("-XX:AOTCache="))
                .findFirst().orElseThrow(() -> new AssertionError("no -XX:AOTCache in " + r.out() + r.err()));
    }

    /** The major version of the JVM the launcher starts for {@code args}. */
    private static String javaVersion(CliRunner runner, String... args) throws Exception {
        return JvmSettings.property(runner, "java.specification.version", args);
    }

    /** The class path the launcher gave the JVM for {@code args}. */
    private static String classPath(CliRunner runner, String... args) throws Exception {
        return JvmSettings.property(runner, "java.class.path", args);
    }

    /** The JDK 25+ in the folder that holds {@code jdk} that the launcher would pick: the newest, no symlink. */
    private static Optional<Path> jdk25Beside(Path jdk) throws IOException {
        try (Stream<Path> dirs = Files.list(jdk.getParent())) {
            return dirs.filter(d -> !Files.isSymbolicLink(d) && Files.isExecutable(d.resolve("bin/java")) && major(d) >= 25)
                    .max(Comparator.comparingInt(SdkClassPathIT::major));
        }
    }

    /** A JDK's major version, as its release file says (0 when it says none). */
    private static int major(Path jdk) {
        try {
            return Files.readAllLines(jdk.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION=\""))
                    .map(l -> l.substring("JAVA_VERSION=\"".length()).split("[^0-9]")[0]).filter(v -> !v.isEmpty())
                    .mapToInt(Integer::parseInt).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
