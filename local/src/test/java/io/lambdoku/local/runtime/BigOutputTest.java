package io.lambdoku.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.code.FolderPackage;
import io.lambdoku.core.code.PackageSpec;
import io.lambdoku.core.invoke.InvocationType;
import io.lambdoku.core.invoke.InvokeRequest;
import io.lambdoku.core.invoke.InvokeResult;
import io.lambdoku.core.invoke.LogEvent;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: a function printing 200 MB added ~300 MB to the store per invocation and 700 MB to the server's memory. */
class BigOutputTest {

    @TempDir
    Path tmp;

    @Test
    void aFunctionPrinting200MegabytesLeavesItsLastMegabyteAndANote() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("app.py"), """
                import sys
                def handler(event, context):
                    line = "x" * 999 + "\\n"
                    for i in range(100_000):          # 100 MB in ordinary lines
                        sys.stdout.write(line)
                    sys.stdout.write("y" * 100_000_000)  # and 100 MB without a newline
                    print()
                    print("the end")
                    return "ok"
                """);
        try (LocalLambda lambda = LocalLambda.open(new LocalOptions(tmp.resolve("home"), "us-east-1", Duration.ZERO));
             LocalInvoker invoker = new LocalInvoker(lambda)) {
            lambda.createFunction(new NewFunction("loud", new FunctionSettings("python3.12", "app.handler",
                    "arn:aws:iam::000000000000:role/x", 128, 120, Map.of(), List.of()), "",
                    FolderPackage.build(src, PackageSpec.everything()), Map.of()));
            long started = System.nanoTime();
            InvokeResult result = invoker.invoke(new InvokeRequest("loud", null, new byte[0], InvocationType.REQUEST_RESPONSE, false));
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(new String(result.payload(), StandardCharsets.UTF_8)).isEqualTo("\"ok\"");
            invoker.flush();

            long storedBytes = lambda.database().read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery(
                        "SELECT sum(length(CAST(message AS BLOB))) FROM log_events WHERE function = 'loud'")) {
                    return rs.getLong(1);
                }
            });
            List<LogEvent> events = new InvocationQueries(lambda).logs("loud", 0, Optional.empty(), 10_000);
            System.out.printf("200 MB printed in %.1f s; %,d bytes in %d events stored%n", seconds, storedBytes, events.size());
            assertThat(storedBytes).isBetween((long) LogTail.CAP_BYTES - 256 * 1024, LogTail.CAP_BYTES + 4096L);
            // never hand the events themselves to an assertion: its failure message would print a megabyte
            String note = events.stream().map(LogEvent::message).filter(m -> m.startsWith("[lambdoku]")).findFirst().orElse("none");
            assertThat(note).matches("\\[lambdoku\\] Log truncated: the first 1[89][0-9.]+ MB \\([0-9,]+ lines\\) of this"
                    + " invocation's output were dropped; the last [0-9.]+ (KB|MB) follow.");
            assertThat(events.get(events.size() - 3).message()).as("the last line printed").isEqualTo("the end");
            assertThat(events.get(events.size() - 1).message().startsWith("REPORT RequestId:")).isTrue();
        }
    }
}
