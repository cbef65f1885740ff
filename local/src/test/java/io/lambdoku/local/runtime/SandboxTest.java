package io.lambdoku.local.runtime;

import static io.lambdoku.local.runtime.FunctionFixture.json;
import static io.lambdoku.local.runtime.FunctionFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.event.Events;
import io.lambdoku.core.invoke.InvokeResult;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions that try to break out of their execution environment, each in a real bubblewrap sandbox.
 * Skipped, loudly, where bwrap is missing or cannot run; LAMBDOKU_REQUIRE_SANDBOX=1 (CI) makes that a
 * failure instead.
 */
@SuppressWarnings("unchecked")
class SandboxTest {

    @TempDir
    Path tmp;

    private LocalLambda lambda;
    private LocalInvoker invoker;
    private FunctionFixture functions;

    @BeforeEach
    void open() {
        lambda = LocalLambda.open(new LocalOptions(tmp.resolve("home"), "eu-west-1", Duration.ZERO));
        Sandbox sandbox = Sandbox.detect(System.getenv(), lambda.options().storeDir());
        if (!sandbox.isolates()) {
            String why = sandbox.whyNot().orElseThrow();
            if ("1".equals(System.getenv("LAMBDOKU_REQUIRE_SANDBOX"))) {
                throw new AssertionError("LAMBDOKU_REQUIRE_SANDBOX=1 but " + why);
            }
            System.err.println("""
                    ************************************************************************
                    * SKIPPING SandboxTest: functions cannot be sandboxed on this machine:
                    *   %s
                    * Install bubblewrap (apt-get install bubblewrap) where it can run.
                    ************************************************************************""".formatted(why));
            lambda.close();
            Assumptions.abort("no sandbox: " + why);
        }
        invoker = new LocalInvoker(lambda, sandbox, Events.NONE);
        functions = new FunctionFixture(tmp, lambda);
    }

    @AfterEach
    void close() {
        if (invoker != null) {
            invoker.close();
            lambda.close();
        }
    }

    private InvokeResult invoke(String name, String payload) {
        return FunctionFixture.invoke(invoker, name, null, payload);
    }

    /** A Python handler that runs {@code body} with event {@code e} and returns {@code out}. */
    private void python(String name, String body) throws Exception {
        functions.create(name, "python3.12", "app.handler", 5, Map.of("MY_CONFIG", "mine"), "app.py",
                "import os, subprocess, sys, time\ndef handler(e, c):\n    out = {}\n"
                        + body.stripIndent().lines().map(l -> "    " + l + "\n").collect(Collectors.joining())
                        + "    return out\n");
    }

    private static final String TRY = """
            def attempt(what, f):
                try:
                    return "ok: " + str(f())
                except Exception as x:
                    return "failed: " + type(x).__name__
            """;

    @Test
    void aFunctionCannotWriteOtherFunctionsCodeNorItsOwn() throws Exception {
        python("victim", "out['who'] = 'victim'");
        invoke("victim", "{}");
        Path victimCode = functions.codeDir("victim");
        functions.create("attacker", "python3.12", "app.handler", 5, Map.of(), "app.py", TRY + """
                import os
                def handler(e, c):
                    def write(p):
                        with open(p, "w") as f:
                            f.write("def handler(e, c):\\n    return 'pwned'\\n")
                    return {
                        "other": attempt("", lambda: write(e["victim"] + "/app.py")),
                        "otherSeen": os.path.exists(e["victim"]),
                        "own": attempt("", lambda: write("/var/task/app.py")),
                        "ownNew": attempt("", lambda: write("/var/task/new.py")),
                        "runtime": attempt("", lambda: write("/var/runtime/bootstrap.py")),
                        "taskRoot": os.environ["LAMBDA_TASK_ROOT"], "cwd": os.getcwd(),
                    }
                """);
        Map<String, Object> r = json(invoke("attacker", "{\"victim\": \"" + victimCode + "\"}"));
        assertThat(r).containsEntry("otherSeen", false).containsEntry("taskRoot", "/var/task").containsEntry("cwd", "/var/task");
        assertThat((String) r.get("other")).startsWith("failed");
        assertThat((String) r.get("own")).startsWith("failed");
        assertThat((String) r.get("ownNew")).startsWith("failed");
        assertThat((String) r.get("runtime")).startsWith("failed");
        assertThat(json(invoke("victim", "{}"))).containsEntry("who", "victim");
    }

    @Test
    void aFunctionSeesNeitherTheStoreNorLambdokusProcessesNorItsEnvironment() throws Exception {
        Path db = lambda.options().storeDir().resolve("lambdoku.db");
        assertThat(db).exists();
        long server = ProcessHandle.current().pid();
        functions.create("spy", "python3.12", "app.handler", 5, Map.of("MY_CONFIG", "mine"), "app.py", TRY + """
                import os, sqlite3
                def environ(pid):
                    with open("/proc/%s/environ" % pid, "rb") as f:
                        return [kv.split(b"=", 1)[0].decode() for kv in f.read().split(b"\\0") if kv]
                def handler(e, c):
                    return {
                        "db": attempt("", lambda: open(e["db"], "rb").read(16)),
                        "sqlite": attempt("", lambda: sqlite3.connect("file:%s?mode=ro" % e["db"], uri=True)
                                          .execute("select count(*) from sqlite_master").fetchall()),
                        "home": os.path.exists(e["home"]),
                        "serverEnviron": attempt("", lambda: environ(e["server"])),
                        "pid1": environ(1),
                        "self": sorted(os.environ),
                        "pids": sorted(int(p) for p in os.listdir("/proc") if p.isdigit()),
                    }
                """);
        Map<String, Object> r = json(invoke("spy", "{\"db\": \"" + db + "\", \"home\": \"" + tmp.resolve("home")
                + "\", \"server\": " + server + "}"));
        assertThat((String) r.get("db")).startsWith("failed");
        assertThat((String) r.get("sqlite")).startsWith("failed");
        assertThat(r).containsEntry("home", false);
        assertThat((String) r.get("serverEnviron")).startsWith("failed");
        // only Lambda's variables and the function's config, in the function and in its PID 1 (and PWD, set by bwrap,
        // and LC_CTYPE, by Python where LANG's locale is not installed)
        for (String key : "pid1 self".split(" ")) {
            assertThat((List<String>) r.get(key)).as(key).allSatisfy(name -> assertThat(name)
                    .matches("(AWS_|LAMBDA_|_).*|MY_CONFIG|PATH|LANG|TZ|PYTHONUNBUFFERED|PWD|LC_CTYPE"));
        }
        assertThat((List<String>) r.get("self")).contains("MY_CONFIG");
        Set<String> serverOnly = System.getenv().keySet().stream()
                .filter(k -> !k.matches("(AWS_|LAMBDA_|_).*|PATH|LANG|TZ|PYTHONUNBUFFERED|PWD|LC_CTYPE")).collect(Collectors.toSet());
        assertThat((List<String>) r.get("self")).doesNotContainAnyElementsOf(serverOnly);
        // its own PID namespace: bwrap's init, the runtime, and the listing shell's python
        assertThat((List<Integer>) r.get("pids")).allSatisfy(pid -> assertThat(pid).isLessThan(10));
    }

    @Test
    void processesAFunctionStartsDieWithItsEnvironmentEvenSetsidDaemons() throws Exception {
        functions.create("daemon", "python3.12", "app.handler", 2, Map.of(), "app.py", """
                import os, subprocess, time
                def handler(e, c):
                    if e.get("die"):
                        os._exit(1)
                    if e.get("hang"):
                        time.sleep(10)
                    # a double fork with setsid, and setsid's own: both end up children of PID 1
                    if os.fork() == 0:
                        os.setsid()
                        if os.fork() == 0:
                            os.execvp("sleep", ["sleep", e["a"]])
                        os._exit(0)
                    os.wait()
                    subprocess.run(["setsid", "sh", "-c", "sleep %s &" % e["b"]])
                    return "started"
                """);
        for (String end : List.of("close", "die", "hang")) {
            String a = seconds();
            String b = seconds();
            assertThat(text(invoke("daemon", "{\"a\": \"" + a + "\", \"b\": \"" + b + "\"}"))).isEqualTo("\"started\"");
            // they exec sleep a moment after the handler returns
            for (int i = 0; i < 100 && (sleeping(a).isEmpty() || sleeping(b).isEmpty()); i++) {
                Thread.sleep(50);
            }
            assertThat(sleeping(a)).as("the daemons run while the environment does").isNotEmpty();
            assertThat(sleeping(b)).isNotEmpty();
            switch (end) {
                case "close" -> {
                    invoker.close();
                    invoker = new LocalInvoker(lambda, Sandbox.detect(System.getenv(), lambda.options().storeDir()), Events.NONE);
                }
                case "die" -> assertThat(text(invoke("daemon", "{\"die\": true}"))).contains("Runtime.ExitError");
                default -> assertThat(text(invoke("daemon", "{\"hang\": true}"))).contains("Task timed out");
            }
            for (int i = 0; i < 100 && !(sleeping(a).isEmpty() && sleeping(b).isEmpty()); i++) {
                Thread.sleep(50);
            }
            assertThat(sleeping(a)).as("daemon after " + end).isEmpty();
            assertThat(sleeping(b)).as("setsid daemon after " + end).isEmpty();
        }
    }

    @Test
    void tmpIsWritablePrivatePerEnvironmentAndLambdasSize() throws Exception {
        String marker = "lambdoku-sandbox-test-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        String body = """
                if e.get("write"):
                    with open("/tmp/" + e["write"], "w") as f:
                        f.write("secret")
                out["tmp"] = sorted(os.listdir("/tmp"))
                st = os.statvfs("/tmp")
                out["size"] = st.f_blocks * st.f_frsize
                """;
        python("writer", body);
        python("reader", body);
        Map<String, Object> wrote = json(invoke("writer", "{\"write\": \"" + marker + "\"}"));
        assertThat((List<String>) wrote.get("tmp")).contains(marker);
        if (Sandbox.detect(System.getenv(), lambda.options().storeDir()).capsTmp()) {
            assertThat(((Number) wrote.get("size")).longValue()).isEqualTo(Sandbox.TMP_BYTES);
        }
        assertThat((List<String>) json(invoke("writer", "{}")).get("tmp")).as("kept while warm, as on Lambda").contains(marker);
        assertThat((List<String>) json(invoke("reader", "{}")).get("tmp")).doesNotContain(marker);
        assertThat(Path.of("/tmp", marker)).doesNotExist();
    }

    @Test
    void aTamperedCodeEntryIsUnpackedAgainBeforeTheNextEnvironmentStarts() throws Exception {
        python("genuine", "out['v'] = 'genuine'");
        assertThat(json(invoke("genuine", "{}"))).containsEntry("v", "genuine");
        Path app = functions.codeDir("genuine").resolve("app.py");
        app.toFile().setWritable(true);
        Files.writeString(app, "def handler(e, c):\n    return {'v': 'tampered'}\n");
        invoker.close(); // the next invocation starts a new environment
        invoker = new LocalInvoker(lambda, Sandbox.detect(System.getenv(), lambda.options().storeDir()), Events.NONE);
        assertThat(json(invoke("genuine", "{}"))).containsEntry("v", "genuine");
        assertThat(Files.readString(app)).doesNotContain("tampered");
    }

    @Test
    void javaFirstOnAFreshStoreThenNodeRunInTheSandboxToo() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("java-src"));
        Files.writeString(src.resolve("Hello.java"), """
                public class Hello {
                    public Object handleRequest(Object event, Object context) throws Exception {
                        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/j"), "x");
                        return java.util.Map.of("root", System.getenv("LAMBDA_TASK_ROOT"), "event", event);
                    }
                }
                """);
        Path classes = Files.createDirectories(tmp.resolve("src-java")); // where the fixture packages "java" from
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d", classes.toString(),
                src.resolve("Hello.java").toString())).isZero();
        functions.create("java", "java17", "Hello::handleRequest", 10, Map.of());
        assertThat(json(invoke("java", "{\"n\": 1}"))).containsEntry("root", "/var/task").containsEntry("event", Map.of("n", 1));

        functions.create("node", "nodejs20.x", "index.handler", 5, Map.of(), "index.mjs", """
                import fs from "node:fs";
                export const handler = async () => {
                  fs.writeFileSync("/tmp/n", "x");
                  return { root: process.env.LAMBDA_TASK_ROOT, cwd: process.cwd(), tmp: fs.readdirSync("/tmp") };
                };
                """);
        assertThat(json(invoke("node", "{}"))).containsEntry("root", "/var/task").containsEntry("cwd", "/var/task")
                .containsEntry("tmp", List.of("n"));
    }

    @Test
    void aBwrapWithoutSizeStillSandboxesWithAnUncappedTmp() throws Exception {
        // bwrap before 0.8 (Ubuntu 22.04, RHEL 9) refuses --size; this one refuses it on its command line
        Path bin = Files.createDirectories(tmp.resolve("old-bwrap"));
        Path fake = bin.resolve("bwrap");
        Files.writeString(fake, "#!/bin/sh\nfor a in \"$@\"; do [ \"$a\" = --size ] && { echo 'bwrap: Unknown option --size' >&2;"
                + " exit 1; }; done\nexec " + onPath("bwrap") + " \"$@\"\n");
        fake.toFile().setExecutable(true);
        Sandbox old = Sandbox.detect(Map.of("PATH", bin + ":" + System.getenv("PATH")), lambda.options().storeDir());
        assertThat(old.isolates()).isTrue();
        assertThat(old.capsTmp()).isFalse();
        invoker.close();
        invoker = new LocalInvoker(lambda, old, Events.NONE);
        python("uncapped", "out['tmp'] = os.listdir('/tmp')\nout['root'] = os.environ['LAMBDA_TASK_ROOT']");
        assertThat(json(invoke("uncapped", "{}"))).containsEntry("tmp", List.of()).containsEntry("root", "/var/task");
    }

    private static String onPath(String name) {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        throw new AssertionError(name + " is not on PATH");
    }

    /** A sleep length no other process on the machine is likely to use, to find it in the process table. */
    private static String seconds() {
        return "7" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + ".5";
    }

    /** Host processes running {@code sleep seconds}. */
    private static List<ProcessHandle> sleeping(String seconds) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").endsWith("sleep " + seconds)
                || p.info().arguments().map(a -> a.length == 1 && a[0].equals(seconds)).orElse(false)).toList();
    }
}
