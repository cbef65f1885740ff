package io.lambdoku.aws.formation;

import io.lambdoku.aws.AwsClients;
import io.lambdoku.aws.AwsOptions;
import io.lambdoku.core.formation.FormationAttributes;
import io.lambdoku.core.lambda.InvalidParameterException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Makes the formation table ready, as {@code lambdoku setup --formation} does: Name (S) the hash key alone,
 * on-demand billing, a stream of NEW_AND_OLD_IMAGES. Idempotent: a table with that key and a stream is left
 * as it is (any view type: the feed reads only Keys); one without a stream gets it; any other key is refused.
 */
public final class FormationTable {

    /** What setup found or did, to tell the user. */
    public enum Outcome { CREATED, STREAM_ENABLED, FOUND }

    public record Ready(String table, String region, Outcome outcome, String streamArn) {
    }

    private static final List<KeySchemaElement> KEY = List.of(KeySchemaElement.builder()
            .attributeName(FormationAttributes.NAME).keyType(KeyType.HASH).build());
    private static final StreamSpecification STREAM = StreamSpecification.builder().streamEnabled(true)
            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build();

    private FormationTable() {
    }

    public static Ready ensure(AwsClients clients, String table) {
        DynamoCalls calls = new DynamoCalls(table, clients.options().endpointFor(AwsOptions.Service.DYNAMODB)
                .map(Object::toString).orElse("DynamoDB"));
        DynamoDbClient db = clients.dynamoDb();
        Outcome outcome = calls.call(() -> {
            Optional<TableDescription> found = describe(db, table);
            if (found.isEmpty()) {
                return create(db, table);
            }
            checkKey(found.get());
            if (found.get().streamSpecification() != null && Boolean.TRUE.equals(found.get().streamSpecification().streamEnabled())) {
                return Outcome.FOUND;
            }
            db.updateTable(b -> b.tableName(table).streamSpecification(STREAM));
            return Outcome.STREAM_ENABLED;
        });
        // the SDK's waiter: until the table (and so its stream) is ACTIVE
        TableDescription ready = calls.call(() -> db.waiter().waitUntilTableExists(b -> b.tableName(table)).matched().response()
                .orElseThrow(() -> calls.missingTable()).table());
        return new Ready(table, clients.region().id(), outcome, ready.latestStreamArn());
    }

    private static Outcome create(DynamoDbClient db, String table) {
        try {
            db.createTable(b -> b.tableName(table).keySchema(KEY).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(FormationAttributes.NAME)
                            .attributeType(ScalarAttributeType.S).build())
                    .streamSpecification(STREAM));
            return Outcome.CREATED;
        } catch (ResourceInUseException e) {
            return Outcome.FOUND; // another setup made it just now; the waiter below sees it
        }
    }

    private static Optional<TableDescription> describe(DynamoDbClient db, String table) {
        try {
            return Optional.of(db.describeTable(b -> b.tableName(table)).table());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private static void checkKey(TableDescription t) {
        boolean nameIsS = t.attributeDefinitions().stream().anyMatch(a -> a.attributeName().equals(FormationAttributes.NAME)
                && a.attributeType() == ScalarAttributeType.S);
        if (!t.keySchema().equals(KEY) || !nameIsS) {
            throw new InvalidParameterException("Table " + t.tableName() + " is keyed by " + keys(t) + ", but a formation table"
                    + " needs the hash key Name (a string) alone; name another table with --table.");
        }
    }

    private static String keys(TableDescription t) {
        return String.join(" and ", t.keySchema().stream().map(k -> k.attributeName() + " (" + k.keyTypeAsString() + ")").toList());
    }
}
