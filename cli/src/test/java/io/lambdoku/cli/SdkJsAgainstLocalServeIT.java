package io.lambdoku.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS SDK for JavaScript v3, a client we did not write, unchanged against 'lambdoku local serve'
 * started as a user starts it (default settings). The SDK comes from npm at a pinned version into a
 * cache outside the repository; the checks are in clients/sdk_js_flow.cjs. Skipped loudly where npm
 * cannot reach its registry; LAMBDOKU_REQUIRE_NPM=1 (CI) forbids that.
 */
class SdkJsAgainstLocalServeIT {

    /** The one place the SDK's version is pinned; a new version installs beside the old one in the cache. */
    static final String CLIENT_LAMBDA_VERSION = "3.1164.0";

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path scratch;

    @Test
    void theJavaScriptSdksWaitersPaginatorsInvokeAndErrorNamesWorkUnchanged() throws Exception {
        Path nodeModules = NpmCache.inUserCache().nodeModules("@aws-sdk/client-lambda", CLIENT_LAMBDA_VERSION);
        Path greets = Files.write(scratch.resolve("greets.zip"), FunctionZip.of("app.py", """
                import os
                def handler(event, context):
                    return {'message': os.environ['GREETING'] + ', ' + event['name'],
                            'version': os.environ['AWS_LAMBDA_FUNCTION_VERSION']}
                """));
        Path counts = Files.write(scratch.resolve("counts.zip"), FunctionZip.of("app.py", """
                import os
                def handler(event, context):
                    return {'code': 2, 'round': os.environ.get('ROUND'),
                            'version': os.environ['AWS_LAMBDA_FUNCTION_VERSION']}
                """));
        try (LocalServe server = LocalServe.start(new CliRunner(scratch))) {
            ClientScript.run(scratch, Map.of("NODE_PATH", nodeModules.toString()), TIMEOUT,
                    List.of("node", ClientScript.resource("sdk_js_flow.cjs").toString(), server.endpoint(),
                            greets.toString(), counts.toString())).succeeded();
        }
    }
}
