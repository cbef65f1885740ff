package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'aws logs' against 'lambdoku local serve': a function really runs, and CloudWatch Logs' API on the
 * same port answers with what it printed. One server and one function for the class; the tests only read.
 */
@SuppressWarnings("unchecked")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsCliLogsAgainstLocalServeIT {

    private static final String GROUP = "/aws/lambda/talk";

    @TempDir
    static Path scratch;

    private CliRunner cli;
    private LocalServe server;
    private AwsCli aws;

    @BeforeAll
    void startServerAndRunTheFunction() throws Exception {
        AwsCli.requireInstalled();
        cli = new CliRunner(scratch);
        server = LocalServe.start(cli);
        aws = new AwsCli(scratch, server.endpoint(), Map.of());
        Path zip = Files.write(scratch.resolve("talk.zip"), FunctionZip.of("app.py",
                "def handler(event, context):\n    for line in event['say']:\n        print(line)\n    return 'ok'\n"));
        aws.json("lambda", "create-function", "--function-name", "talk", "--runtime", "python3.12", "--handler", "app.handler",
                "--role", "arn:aws:iam::000000000000:role/any", "--zip-file", "fileb://" + zip);
        for (String payload : List.of("{\"say\": [\"hello one\", \"ERROR disk full\"]}",
                "{\"say\": [\"hello two\", \"INFO all fine\"]}")) {
            aws.json("lambda", "invoke", "--function-name", "talk", "--payload", payload, scratch.resolve("out.json").toString());
        }
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private List<String> messages(String... filterArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("filter-log-events", "--log-group-name", GROUP));
        args.addAll(List.of(filterArgs));
        return events(aws.json("logs", args.toArray(String[]::new))).stream().map(e -> (String) e.get("message")).toList();
    }

    private static List<Map<String, Object>> events(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("events");
    }

    @Test
    void filterLogEventsAnswersWhatTheFunctionPrintedWithLambdasOwnLines() throws Exception {
        Map<String, Object> out = aws.json("logs", "filter-log-events", "--log-group-name", GROUP);

        List<String> messages = events(out).stream().map(e -> (String) e.get("message")).toList();
        assertThat(messages).hasSize(10).contains("hello one\n", "ERROR disk full\n", "hello two\n", "INFO all fine\n");
        assertThat(messages.get(0)).startsWith("START RequestId: ").endsWith("Version: $LATEST\n");
        assertThat(messages.get(9)).startsWith("REPORT RequestId: ").contains("Duration: ");
        assertThat(events(out)).extracting(e -> (String) e.get("logStreamName"))
                .allMatch(s -> s.matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}"), "Lambda's stream names");
    }

    @Test
    void aFilterPatternMatchesTermsAndQuotedPhrasesAsCloudWatchDoes() throws Exception {
        assertThat(messages("--filter-pattern", "ERROR")).containsExactly("ERROR disk full\n");
        assertThat(messages("--filter-pattern", "\"all fine\"")).containsExactly("INFO all fine\n");
        assertThat(messages("--filter-pattern", "hello -two")).containsExactly("hello one\n");
        assertThat(messages("--filter-pattern", "?one ?two")).containsExactly("hello one\n", "hello two\n");
        assertThat(messages("--filter-pattern", "hello fine")).isEmpty();
        assertThat(messages("--start-time", String.valueOf(System.currentTimeMillis() + 60_000))).isEmpty();
    }

    @Test
    void pagesOfLimitEventsFollowEachOtherThroughNextToken() throws Exception {
        List<String> all = messages();

        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            List<String> args = new ArrayList<>(List.of("filter-log-events", "--log-group-name", GROUP, "--no-paginate", "--limit", "3"));
            if (token != null) {
                args.addAll(List.of("--next-token", token));
            }
            Map<String, Object> page = aws.json("logs", args.toArray(String[]::new));
            assertThat(events(page)).hasSizeLessThanOrEqualTo(3);
            events(page).forEach(e -> paged.add((String) e.get("message")));
            token = (String) page.get("nextToken");
            pages++;
        } while (token != null);
        assertThat(paged).isEqualTo(all);
        assertThat(pages).isEqualTo(4);

        // the AWS CLI's own paging: it follows nextToken by itself, page by page
        assertThat(messages("--page-size", "2")).isEqualTo(all);
        Map<String, Object> first = aws.json("logs", "filter-log-events", "--log-group-name", GROUP, "--max-items", "4");
        Map<String, Object> rest = aws.json("logs", "filter-log-events", "--log-group-name", GROUP,
                "--starting-token", (String) first.get("NextToken"));
        List<Object> resumed = new ArrayList<>(events(first).stream().map(e -> e.get("message")).toList());
        resumed.addAll(events(rest).stream().map(e -> e.get("message")).toList());
        assertThat(resumed).isEqualTo(all);
    }

    @Test
    void theStreamIsListedAndReadableFromItsHead() throws Exception {
        List<Map<String, Object>> streams = (List<Map<String, Object>>) aws.json("logs", "describe-log-streams",
                "--log-group-name", GROUP, "--order-by", "LastEventTime", "--descending").get("logStreams");
        assertThat(streams).hasSize(1);
        String stream = (String) streams.get(0).get("logStreamName");

        Map<String, Object> head = aws.json("logs", "get-log-events", "--log-group-name", GROUP, "--log-stream-name", stream,
                "--start-from-head", "--limit", "2");
        assertThat(events(head)).extracting(e -> (String) e.get("message"))
                .satisfiesExactly(start -> assertThat(start).startsWith("START"), line -> assertThat(line).isEqualTo("hello one\n"));
        assertThat((String) head.get("nextForwardToken")).startsWith("f/");
        assertThat((List<Map<String, Object>>) aws.json("logs", "describe-log-groups").get("logGroups"))
                .extracting(g -> g.get("logGroupName")).containsExactly(GROUP);
    }

    @Test
    void aMissingGroupOrAnUnsupportedPatternIsAnAwsShapedError() throws Exception {
        AwsCli.Run missing = aws.run("logs", "filter-log-events", "--log-group-name", "/aws/lambda/nope");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("ResourceNotFoundException").contains("The specified log group does not exist.");

        AwsCli.Run json = aws.run("logs", "filter-log-events", "--log-group-name", GROUP, "--filter-pattern", "{ $.level = 1 }");
        assertThat(json.exit()).isNotZero();
        assertThat(json.err()).contains("InvalidParameterException").contains("JSON and space-delimited filter patterns");
    }

    @Test
    void lambdokusAwsBackendReadsTheSameLogsThroughTheSdk() throws Exception {
        CliRunner.Result r = cli.withEnv(AwsCli.credentials())
                .run("--backend", "aws", "--endpoint-url", server.endpoint(), "logs", "-a", "talk", "--filter", "disk full")
                .succeeded();
        assertThat(r.out()).contains("ERROR disk full").doesNotContain("hello one");
    }
}
