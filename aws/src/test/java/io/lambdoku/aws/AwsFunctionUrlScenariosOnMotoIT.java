package io.lambdoku.aws;

import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.url.FunctionUrlScenarios;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The URL scenarios through the aws adapter against moto_server, which keeps one URL per function. */
class AwsFunctionUrlScenariosOnMotoIT extends FunctionUrlScenarios {

    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    private AwsLambda aws;

    @BeforeEach
    void open() {
        aws = AwsLambda.open(moto.options());
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Override
    protected LambdaApi api() {
        return aws;
    }

    @Override
    protected String role() {
        return MotoServer.ROLE;
    }

    /** moto 5.2.1 ignores the Qualifier of URL calls: one URL per function. */
    @Override
    protected boolean keepsUrlsPerAlias() {
        return false;
    }
}
