package io.lambdoku.local.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.code.FolderPackage;
import io.lambdoku.core.code.PackageSpec;
import io.lambdoku.core.invoke.InvocationType;
import io.lambdoku.core.invoke.InvokeRequest;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.runtime.LocalInvoker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CloudWatch Logs' read API over what functions really printed, as recorded by the local invoker. */
@SuppressWarnings("unchecked")
class CloudWatchLogsTest {

    @TempDir
    Path tmp;

    private LocalLambda lambda;
    private LocalInvoker invoker;
    private CloudWatchLogs logs;

    @BeforeEach
    void open() throws Exception {
        lambda = LocalLambda.open(new LocalOptions(tmp.resolve("home"), "eu-west-1", Duration.ZERO));
        invoker = new LocalInvoker(lambda);
        logs = new CloudWatchLogs(lambda, invoker::flush);
        Path dir = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(dir.resolve("app.py"), "def handler(event, context):\n    for line in event['say']:\n"
                + "        print(line)\n    return 'ok'\n");
        lambda.createFunction(new NewFunction("talk", new FunctionSettings("python3.12", "app.handler", "arn:aws:iam::000000000000:role/x",
                128, 10, Map.of(), List.of()), "", FolderPackage.build(dir, PackageSpec.everything()), Map.of()));
    }

    @AfterEach
    void close() {
        invoker.close();
        lambda.close();
    }

    private void say(String qualifier, String... lines) {
        String payload = "{\"say\": [" + String.join(", ", List.of(lines).stream().map(l -> "\"" + l + "\"").toList()) + "]}";
        invoker.invoke(new InvokeRequest("talk", qualifier, payload.getBytes(StandardCharsets.UTF_8),
                InvocationType.REQUEST_RESPONSE, false));
    }

    private Map<String, Object> call(String operation, Object... members) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < members.length; i += 2) {
            body.put((String) members[i], members[i + 1]);
        }
        return logs.call(operation, body);
    }

    private static List<Map<String, Object>> events(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("events");
    }

    private static List<String> messages(Map<String, Object> page) {
        return events(page).stream().map(e -> (String) e.get("message")).toList();
    }

    @Test
    void filterLogEventsAnswersWhatTheFunctionPrintedWithLambdasOwnLines() {
        say(FunctionConfig.LATEST, "hello one", "hello two");

        Map<String, Object> page = call("FilterLogEvents", "logGroupName", "/aws/lambda/talk");

        assertThat(messages(page)).hasSize(5).contains("hello one\n", "hello two\n");
        assertThat(messages(page).get(0)).startsWith("START RequestId: ").contains("Version: $LATEST");
        assertThat(messages(page).get(4)).startsWith("REPORT RequestId: ");
        assertThat(events(page)).allSatisfy(e -> {
            assertThat((String) e.get("logStreamName")).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}");
            assertThat(e).containsKeys("timestamp", "ingestionTime", "eventId");
        });
        assertThat(page).doesNotContainKey("nextToken");
    }

    @Test
    void aFilterPatternKeepsOnlyTheMatchingLines() {
        say(FunctionConfig.LATEST, "ERROR disk full", "INFO fine", "ERROR Exiting");

        assertThat(messages(call("FilterLogEvents", "logGroupName", "/aws/lambda/talk", "filterPattern", "ERROR -Exiting")))
                .containsExactly("ERROR disk full\n");
        assertThat(messages(call("FilterLogEvents", "logGroupName", "/aws/lambda/talk", "filterPattern", "\"INFO fine\"")))
                .containsExactly("INFO fine\n");
        assertThat(messages(call("FilterLogEvents", "logGroupName", "/aws/lambda/talk", "filterPattern", "?fine ?full")))
                .containsExactly("ERROR disk full\n", "INFO fine\n");
    }

    @Test
    void pagesOfLimitEventsFollowEachOtherThroughNextToken() {
        say(FunctionConfig.LATEST, "a", "b", "c");
        say(FunctionConfig.LATEST, "d", "e");
        List<String> all = messages(call("FilterLogEvents", "logGroupName", "/aws/lambda/talk"));

        List<String> paged = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            Map<String, Object> page = token.isEmpty()
                    ? call("FilterLogEvents", "logGroupName", "/aws/lambda/talk", "limit", 3)
                    : call("FilterLogEvents", "logGroupName", "/aws/lambda/talk", "limit", 3, "nextToken", token.get());
            assertThat(events(page)).hasSizeLessThanOrEqualTo(3);
            paged.addAll(messages(page));
            token = Optional.ofNullable((String) page.get("nextToken"));
            pages++;
        } while (token.isPresent());

        assertThat(all).hasSize(11);
        assertThat(paged).isEqualTo(all);
        assertThat(pages).isEqualTo(4);
        assertThatThrownBy(() -> call("FilterLogEvents", "logGroupName", "/aws/lambda/talk", "nextToken", "garbage"))
                .isInstanceOf(LogsError.class).hasMessage("The specified nextToken is invalid.");
    }

    @Test
    void startAndEndTimeBoundTheEvents() {
        long before = System.currentTimeMillis() - 1;
        say(FunctionConfig.LATEST, "in the window");
        long after = System.currentTimeMillis() + 1;

        assertThat(messages(call("FilterLogEvents", "logGroupName", "/aws/lambda/talk", "startTime", before, "endTime", after)))
                .contains("in the window\n");
        assertThat(events(call("FilterLogEvents", "logGroupName", "/aws/lambda/talk", "startTime", after))).isEmpty();
        assertThat(events(call("FilterLogEvents", "logGroupName", "/aws/lambda/talk", "endTime", before))).isEmpty();
    }

    @Test
    void eachExecutionEnvironmentIsALogStreamNamedAsLambdaNamesIt() {
        say(FunctionConfig.LATEST, "from latest");
        lambda.publishVersion("talk", "v1", Optional.empty(), Optional.empty());
        say("1", "from one");

        List<Map<String, Object>> streams = (List<Map<String, Object>>) call("DescribeLogStreams",
                "logGroupName", "/aws/lambda/talk").get("logStreams");
        assertThat(streams).hasSize(2);
        String one = streams.stream().map(s -> (String) s.get("logStreamName")).filter(n -> n.contains("[1]")).findFirst().orElseThrow();
        assertThat((String) streams.get(0).get("arn")).startsWith("arn:aws:logs:eu-west-1:000000000000:log-group:/aws/lambda/talk:log-stream:");

        assertThat(messages(call("FilterLogEvents", "logGroupName", "/aws/lambda/talk", "logStreamNames", List.of(one),
                "filterPattern", "from"))).containsExactly("from one\n");
        String prefix = one.substring(0, one.indexOf(']') + 1);
        assertThat(messages(call("FilterLogEvents", "logGroupName", "/aws/lambda/talk", "logStreamNamePrefix", prefix,
                "filterPattern", "from"))).containsExactly("from one\n");

        Map<String, Object> newest = call("DescribeLogStreams", "logGroupName", "/aws/lambda/talk", "orderBy", "LastEventTime",
                "descending", true, "limit", 1);
        assertThat((List<Map<String, Object>>) newest.get("logStreams")).extracting(s -> s.get("logStreamName")).containsExactly(one);
        Map<String, Object> rest = call("DescribeLogStreams", "logGroupName", "/aws/lambda/talk", "orderBy", "LastEventTime",
                "descending", true, "limit", 1, "nextToken", newest.get("nextToken"));
        assertThat((List<Map<String, Object>>) rest.get("logStreams")).hasSize(1);
        assertThat(rest).doesNotContainKey("nextToken");
    }

    @Test
    void getLogEventsReadsOneStreamFromTheHeadOrTheTail() {
        say(FunctionConfig.LATEST, "a", "b", "c");
        String stream = (String) ((List<Map<String, Object>>) call("DescribeLogStreams", "logGroupName", "/aws/lambda/talk")
                .get("logStreams")).get(0).get("logStreamName");

        Map<String, Object> head = call("GetLogEvents", "logGroupName", "/aws/lambda/talk", "logStreamName", stream,
                "startFromHead", true, "limit", 2);
        assertThat(messages(head)).hasSize(2).first(org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("START");
        Map<String, Object> next = call("GetLogEvents", "logGroupName", "/aws/lambda/talk", "logStreamName", stream,
                "nextToken", head.get("nextForwardToken"), "limit", 2);
        assertThat(messages(next)).containsExactly("b\n", "c\n");

        Map<String, Object> tail = call("GetLogEvents", "logGroupName", "/aws/lambda/talk", "logStreamName", stream, "limit", 2);
        assertThat(messages(tail)).hasSize(2).last(org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("REPORT");
        Map<String, Object> end = call("GetLogEvents", "logGroupName", "/aws/lambda/talk", "logStreamName", stream,
                "nextToken", tail.get("nextForwardToken"));
        assertThat(events(end)).isEmpty();
        assertThat(end.get("nextForwardToken")).as("at the end the forward token stays put").isEqualTo(tail.get("nextForwardToken"));

        assertThatThrownBy(() -> call("GetLogEvents", "logGroupName", "/aws/lambda/talk", "logStreamName", "nope"))
                .isInstanceOf(LogsError.class).hasMessage("The specified log stream does not exist.");
    }

    @Test
    void aGroupExistsOnceItsFunctionPrintedSomethingAndIsFoundByNameOrArn() {
        assertThatThrownBy(() -> call("FilterLogEvents", "logGroupName", "/aws/lambda/talk"))
                .isInstanceOf(LogsError.class).hasMessage("The specified log group does not exist.")
                .extracting(e -> ((LogsError) e).type()).isEqualTo("ResourceNotFoundException");
        assertThatThrownBy(() -> call("DescribeLogStreams", "logGroupName", "/aws/lambda/nope"))
                .isInstanceOf(LogsError.class).hasMessage("The specified log group does not exist.");

        say(FunctionConfig.LATEST, "now it exists");

        assertThat(messages(call("FilterLogEvents", "logGroupIdentifier",
                "arn:aws:logs:eu-west-1:000000000000:log-group:/aws/lambda/talk:*"))).contains("now it exists\n");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) call("DescribeLogGroups",
                "logGroupNamePrefix", "/aws/lambda/").get("logGroups");
        assertThat(groups).extracting(g -> g.get("logGroupName")).containsExactly("/aws/lambda/talk");
        assertThat((List<Object>) call("DescribeLogGroups", "logGroupNamePrefix", "/other").get("logGroups")).isEmpty();
        assertThatThrownBy(() -> call("PutLogEvents", "logGroupName", "/aws/lambda/talk"))
                .isInstanceOf(LogsError.class).extracting(e -> ((LogsError) e).type()).isEqualTo("UnknownOperationException");
    }
}
