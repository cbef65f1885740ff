package io.lambdoku.aws.formation;

import io.lambdoku.aws.AwsErrors;
import io.lambdoku.core.lambda.AccessDeniedException;
import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Runs DynamoDB calls on the formation table, turning its errors into sentences: a missing table says which
 * command makes it; the rest name the table and what DynamoDB said. Told apart by error code, never wording.
 */
final class DynamoCalls {

    private final String table;
    private final boolean defaultTable;
    private final AwsErrors errors;

    DynamoCalls(String table, String endpoint) {
        this.table = table;
        this.defaultTable = DynamoFormationStore.DEFAULT_TABLE.equals(table);
        this.errors = new AwsErrors(endpoint);
    }

    <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            throw service(e);
        } catch (SdkClientException e) {
            throw errors.client(e);
        }
    }

    RuntimeException service(AwsServiceException e) {
        String said = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? e.getMessage()
                : e.awsErrorDetails().errorMessage();
        return switch (AwsErrors.code(e)) {
            case "ResourceNotFoundException" -> missingTable();
            case "AccessDeniedException", "UnrecognizedClientException" -> new AccessDeniedException("DynamoDB refused a call"
                    + " on table " + table + ": " + said);
            default -> new BackendException("DynamoDB failed a call on table " + table + ": " + said + " ("
                    + AwsErrors.code(e) + ").", e);
        };
    }

    ResourceNotFoundException missingTable() {
        return new ResourceNotFoundException("No formation table " + table + "; run 'lambdoku setup --formation"
                + (defaultTable ? "" : " --table " + table) + "'.");
    }
}
