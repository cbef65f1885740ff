package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Function URLs of 'lambdoku local serve' driven by clients we did not write: the AWS CLI manages the URL configs,
 * curl (which resolves *.localhost to loopback itself) calls the URL as a browser would, botocore signs for AWS_IAM
 * (clients/function_url_iam.py).
 */
class FunctionUrlsAgainstLocalServeIT {

    @TempDir
    Path scratch;

    private CliRunner cli;
    private LocalServe server;
    private AwsCli aws;

    @BeforeEach
    void start() throws Exception {
        AwsCli.requireInstalled();
        cli = new CliRunner(scratch);
        server = LocalServe.start(cli);
        aws = new AwsCli(scratch, server.endpoint(), Map.of());
        Path zip = Files.write(scratch.resolve("greet.zip"), FunctionZip.of("app.py", """
                def handler(event, context):
                    name = (event.get('queryStringParameters') or {}).get('name', 'nobody')
                    return {'statusCode': 200, 'headers': {'Content-Type': 'text/plain'},
                            'body': event['requestContext']['http']['method'] + ' ' + event['rawPath'] + ' hello ' + name}
                """));
        aws.json("lambda", "create-function", "--function-name", "greet", "--runtime", "python3.12", "--handler", "app.handler",
                "--role", "arn:aws:iam::000000000000:role/any", "--zip-file", "fileb://" + zip);
        assertThat(aws.run("lambda", "wait", "function-active-v2", "--function-name", "greet").exit()).isZero();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAwsCliManagesAUrlThatCurlCalls() throws Exception {
        Map<String, Object> created = aws.json("lambda", "create-function-url-config", "--function-name", "greet",
                "--auth-type", "NONE", "--cors", "AllowOrigins=https://shop.example");
        String port = server.endpoint().substring(server.endpoint().lastIndexOf(':') + 1);
        String url = (String) created.get("FunctionUrl");
        assertThat(url).matches("http://[a-z0-9]{32}\\.lambda-url\\.us-east-1\\.localhost:" + port + "/");
        assertThat(created).containsEntry("AuthType", "NONE")
                .containsEntry("FunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:greet");

        assertThat(aws.json("lambda", "get-function-url-config", "--function-name", "greet")).containsEntry("FunctionUrl", url);
        List<Map<String, Object>> listed = (List<Map<String, Object>>) aws.json("lambda", "list-function-url-configs",
                "--function-name", "greet").get("FunctionUrlConfigs");
        assertThat(listed).extracting(m -> m.get("FunctionUrl")).containsExactly(url);

        assertThat(curl("-X", "POST", url + "shop/cart?name=ada")).isEqualTo("POST /shop/cart hello ada");
        assertThat(curl(server.endpoint() + "/lambda-url/greet/shop?name=bob")).isEqualTo("GET /shop hello bob");

        assertThat(aws.run("lambda", "delete-function-url-config", "--function-name", "greet").exit()).isZero();
        AwsCli.Run gone = aws.run("lambda", "get-function-url-config", "--function-name", "greet");
        assertThat(gone.exit()).isNotZero();
        assertThat(gone.err()).contains("ResourceNotFoundException").contains("The resource you requested does not exist.");
        assertThat(curl("-s", "-o", "/dev/null", "-w", "%{http_code}", url)).isEqualTo("403");
    }

    @Test
    void aUrlMadeByLambdokuInProcessNamesTheRunningServerWhichAnswersIt() throws Exception {
        String url = cli.run("url:create", "-a", "greet").succeeded().out().strip();
        String port = server.endpoint().substring(server.endpoint().lastIndexOf(':') + 1);
        assertThat(url).matches("http://[a-z0-9]{32}\\.lambda-url\\.us-east-1\\.localhost:" + port + "/");
        assertThat(curl(url + "in/process")).isEqualTo("GET /in/process hello nobody");
    }

    @Test
    void aVersionGetsNoUrl() throws Exception {
        AwsCli.Run refused = aws.run("lambda", "create-function-url-config", "--function-name", "greet", "--qualifier", "1",
                "--auth-type", "NONE");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("ValidationException");
    }

    @Test
    void anAwsIamUrlServesWhatBotocoreSigns() throws Exception {
        Boto3AgainstLocalServeIT.requireBoto3();
        ClientScript.run(scratch, Map.of(), java.time.Duration.ofMinutes(2),
                List.of("python3", ClientScript.resource("function_url_iam.py").toString(), server.endpoint())).succeeded();
    }

    private String curl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-s", "--max-time", "60"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
