package io.lambdoku.aws;

import java.util.Optional;

/**
 * The statement in a function's resource policy that lets one EventBridge rule invoke it: principal
 * events.amazonaws.com, limited to the rule's ARN (SourceArn), so no other rule in any account can.
 * The statement id is the rule's name: one statement per rule, found again to revoke it.
 */
final class InvokePermission {

    private static final String PRINCIPAL = "events.amazonaws.com";

    private final PolicyStatements statements;

    InvokePermission(AwsClients clients, AwsErrors errors) {
        this.statements = new PolicyStatements(clients, errors);
    }

    void allow(String function, String statementId, String sourceArn) {
        statements.add(function, Optional.empty(), statementId, b -> b.action("lambda:InvokeFunction")
                .principal(PRINCIPAL).sourceArn(sourceArn));
    }

    void revoke(String function, String statementId) {
        statements.remove(function, Optional.empty(), statementId);
    }
}
