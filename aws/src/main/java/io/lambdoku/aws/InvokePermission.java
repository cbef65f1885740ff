package io.lambdoku.aws;

import io.lambdoku.aws.AwsErrors.Subject;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The statement in a function's resource policy that lets one EventBridge rule invoke it: principal
 * events.amazonaws.com, limited to the rule's ARN (SourceArn), so no other rule in any account can.
 * The statement id is the rule's name: one statement per rule, found again to revoke it.
 */
final class InvokePermission {

    private static final String PRINCIPAL = "events.amazonaws.com";

    private final AwsClients clients;
    private final AwsErrors errors;

    InvokePermission(AwsClients clients, AwsErrors errors) {
        this.clients = clients;
        this.errors = errors;
    }

    /** Adding a statement id twice is a conflict; a statement already there (from an earlier put) is kept. */
    void allow(String function, String statementId, String sourceArn) {
        errors.run(Subject.function(function), () -> {
            try {
                clients.lambda().addPermission(b -> b.functionName(function).statementId(statementId)
                        .action("lambda:InvokeFunction").principal(PRINCIPAL).sourceArn(sourceArn));
            } catch (ResourceConflictException e) {
                if (!statementIds(function).contains(statementId)) {
                    throw e;
                }
            }
        });
    }

    void revoke(String function, String statementId) {
        errors.run(Subject.function(function), () -> {
            try {
                clients.lambda().removePermission(b -> b.functionName(function).statementId(statementId));
            } catch (ResourceNotFoundException gone) {
                // the function, its policy or the statement is gone already
            }
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> statementIds(String function) {
        String policy = clients.lambda().getPolicy(b -> b.functionName(function)).policy();
        Object statements = RolePolicy.parse(policy).get("Statement");
        List<Object> list = statements instanceof List<?> l ? (List<Object>) l : List.of();
        return list.stream().map(s -> String.valueOf(((Map<String, Object>) s).get("Sid"))).toList();
    }
}
