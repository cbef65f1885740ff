package io.lambdoku.aws;

import java.util.Optional;

/**
 * What makes an AuthType NONE URL answer the public: Lambda checks the function's resource-based policy even
 * when it authenticates no one, and without a statement for principal * it answers 403 to everyone. Since
 * October 2025 a new URL needs two statements (AWS Lambda developer guide, "Control access to Lambda function
 * URLs"): lambda:InvokeFunctionUrl with the condition FunctionUrlAuthType NONE, and lambda:InvokeFunction limited
 * to calls through a function URL (InvokedViaFunctionUrl), so neither opens the function's Invoke API. Both sit
 * on the URL's alias (the Qualifier), or on the function for $LATEST's URL. The first id is the one the console
 * uses, so a URL made public there is found instead of being granted twice.
 */
final class PublicUrlAccess {

    static final String URL_STATEMENT = "FunctionURLAllowPublicAccess";
    static final String INVOKE_STATEMENT = "FunctionURLAllowInvokeViaUrl";

    private final PolicyStatements statements;

    PublicUrlAccess(AwsClients clients, AwsErrors errors) {
        this.statements = new PolicyStatements(clients, errors);
    }

    void grant(String function, Optional<String> qualifier) {
        statements.add(function, qualifier, URL_STATEMENT, b -> b.action("lambda:InvokeFunctionUrl").principal("*")
                .functionUrlAuthType("NONE"));
        statements.add(function, qualifier, INVOKE_STATEMENT, b -> b.action("lambda:InvokeFunction").principal("*")
                .invokedViaFunctionUrl(true));
    }

    void revoke(String function, Optional<String> qualifier) {
        statements.remove(function, qualifier, URL_STATEMENT);
        statements.remove(function, qualifier, INVOKE_STATEMENT);
    }
}
