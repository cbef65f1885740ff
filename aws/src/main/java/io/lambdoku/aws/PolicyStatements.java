package io.lambdoku.aws;

import io.lambdoku.aws.AwsErrors.Subject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Statements of a function's resource-based policy (of the function, or of one alias), added and removed by a
 * fixed statement id so that doing either twice changes nothing: the id is how a later run finds its statement.
 * An endpoint that has no resource-based policies at all (lambdoku's own local serve answers AddPermission with
 * UnknownOperationException) lets anyone through already, so there is nothing to add or remove there.
 */
final class PolicyStatements {

    private final AwsClients clients;
    private final AwsErrors errors;

    PolicyStatements(AwsClients clients, AwsErrors errors) {
        this.clients = clients;
        this.errors = errors;
    }

    /** Adding a statement id twice is a conflict; a statement already there (from an earlier run) is kept. */
    void add(String function, Optional<String> qualifier, String statementId, Consumer<AddPermissionRequest.Builder> grant) {
        errors.run(Subject.function(function), () -> {
            try {
                clients.lambda().addPermission(b -> grant.accept(b.functionName(function)
                        .qualifier(qualifier.orElse(null)).statementId(statementId)));
            } catch (ResourceConflictException e) {
                if (!statementIds(function, qualifier).contains(statementId)) {
                    throw e;
                }
            } catch (AwsServiceException e) {
                if (!AwsErrors.unimplemented(e)) {
                    throw e;
                }
            }
        });
    }

    void remove(String function, Optional<String> qualifier, String statementId) {
        errors.run(Subject.function(function), () -> {
            try {
                clients.lambda().removePermission(b -> b.functionName(function).qualifier(qualifier.orElse(null))
                        .statementId(statementId));
            } catch (ResourceNotFoundException gone) {
                // the function, its policy or the statement is gone already
            } catch (AwsServiceException e) {
                if (!AwsErrors.unimplemented(e)) {
                    throw e;
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> statementIds(String function, Optional<String> qualifier) {
        String policy = clients.lambda().getPolicy(b -> b.functionName(function).qualifier(qualifier.orElse(null))).policy();
        Object statements = RolePolicy.parse(policy).get("Statement");
        List<Object> list = statements instanceof List<?> l ? (List<Object>) l : List.of();
        return list.stream().map(s -> String.valueOf(((Map<String, Object>) s).get("Sid"))).toList();
    }
}
