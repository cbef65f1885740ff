package io.lambdoku.aws.formation;

import static io.lambdoku.core.formation.FormationAttributes.GENERATION;
import static io.lambdoku.core.formation.FormationAttributes.NAME;
import static io.lambdoku.core.formation.FormationAttributes.OBSERVED_GENERATION;
import static io.lambdoku.core.formation.FormationAttributes.OBSERVED_VERSION;
import static io.lambdoku.core.formation.FormationAttributes.PUBLIC;
import static io.lambdoku.core.formation.FormationAttributes.REASON;
import static io.lambdoku.core.formation.FormationAttributes.SCALE;
import static io.lambdoku.core.formation.FormationAttributes.SOURCE;
import static io.lambdoku.core.formation.FormationAttributes.STATUS;
import static io.lambdoku.core.formation.FormationAttributes.UPDATED_AT;
import static io.lambdoku.core.formation.FormationAttributes.URL;
import static io.lambdoku.core.formation.FormationAttributes.VERSION;

import io.lambdoku.aws.AwsClients;
import io.lambdoku.aws.AwsOptions;
import io.lambdoku.core.formation.DesiredChange;
import io.lambdoku.core.formation.FormationAttributes;
import io.lambdoku.core.formation.FormationChanges;
import io.lambdoku.core.formation.FormationRow;
import io.lambdoku.core.formation.FormationStore;
import io.lambdoku.core.formation.Observed;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The formation table as a DynamoDB table keyed by Name, which any DynamoDB client may write (a boto3
 * put_item of Name, Version and Scale is a row): rows are read leniently (see {@link DynamoItems}), a row
 * without Generation is generation 0. Every lambdoku write is one UpdateItem, so what another client wrote
 * beside the desire is left alone.
 */
public final class DynamoFormationStore implements FormationStore {

    public static final String DEFAULT_TABLE = "lambdoku-formation";

    private final AwsClients clients;
    private final String table;
    private final DynamoCalls calls;

    public DynamoFormationStore(AwsClients clients, String table) {
        this.clients = clients;
        this.table = table;
        this.calls = new DynamoCalls(table, clients.options().endpointFor(AwsOptions.Service.DYNAMODB).map(Object::toString)
                .orElse("DynamoDB"));
    }

    @Override
    public String describe() {
        return "DynamoDB table " + table;
    }

    /** The table's name: functions of one account and region are managed by one table of that name. */
    @Override
    public String managerTag() {
        return table;
    }

    @Override
    public List<FormationRow> list() {
        return calls.call(() -> db().scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
                .map(DynamoItems::row).sorted(Comparator.comparing(FormationRow::name)).toList());
    }

    @Override
    public Optional<FormationRow> get(String name) {
        return calls.call(() -> {
            Map<String, AttributeValue> item = db().getItem(b -> b.tableName(table).key(key(name)).consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.<FormationRow>empty() : Optional.of(DynamoItems.row(item));
        });
    }

    /**
     * SET only what the change names, the defaults of a new row only where the row has none, ADD 1 to
     * Generation (from 0 on a row written without one): one atomic UpdateItem, no read first.
     */
    @Override
    public FormationRow put(String name, DesiredChange change) {
        Update u = new Update();
        change.version().ifPresentOrElse(v -> u.set(VERSION, s(v)), () -> { });
        change.source().ifPresentOrElse(v -> u.set(SOURCE, s(v)), () -> { });
        change.scale().ifPresentOrElse(v -> u.set(SCALE, n(v)),
                () -> u.setIfAbsent(SCALE, n(FormationAttributes.DEFAULT_SCALE)));
        change.isPublic().ifPresentOrElse(v -> u.set(PUBLIC, bool(v)), () -> u.setIfAbsent(PUBLIC, bool(false)));
        String expression = u.setClause() + " ADD " + u.name(GENERATION) + " " + u.value(n(1));
        return calls.call(() -> DynamoItems.row(db().updateItem(b -> b.tableName(table).key(key(name))
                .updateExpression(expression).expressionAttributeNames(u.names()).expressionAttributeValues(u.values())
                .returnValues(ReturnValue.ALL_NEW)).attributes()));
    }

    @Override
    public boolean delete(String name) {
        return calls.call(() -> {
            Map<String, AttributeValue> old = db().deleteItem(b -> b.tableName(table).key(key(name))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            return old != null && !old.isEmpty();
        });
    }

    /**
     * SET the observation (REMOVE what it lacks) on the condition that the row still holds the generation and
     * desire read. An observation the same as the one read keeps its UpdatedAt, so the update changes no value
     * and DynamoDB Streams writes no record of it.
     */
    @Override
    public boolean report(FormationRow read, Observed observed) {
        Observed written = read.observed().filter(observed::sameStateAs).orElse(observed);
        Update u = new Update();
        u.set(STATUS, s(written.status().word()));
        u.set(REASON, s(written.reason()));
        written.url().ifPresentOrElse(v -> u.set(URL, s(v)), () -> u.remove(URL));
        written.observedVersion().ifPresentOrElse(v -> u.set(OBSERVED_VERSION, s(v)), () -> u.remove(OBSERVED_VERSION));
        u.set(OBSERVED_GENERATION, n(written.observedGeneration()));
        u.set(UPDATED_AT, s(written.updatedAt().toString()));
        String condition = DynamoItems.unchanged(u, read);
        return calls.call(() -> {
            try {
                db().updateItem(b -> b.tableName(table).key(key(read.name())).updateExpression(u.setClause() + u.removeClause())
                        .conditionExpression(condition).expressionAttributeNames(u.names()).expressionAttributeValues(u.values()));
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        });
    }

    @Override
    public FormationChanges changes() {
        return new DynamoChanges(clients, table, calls);
    }

    private DynamoDbClient db() {
        return clients.dynamoDb();
    }

    private static Map<String, AttributeValue> key(String name) {
        return new LinkedHashMap<>(Map.of(NAME, s(name)));
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    static AttributeValue bool(boolean v) {
        return AttributeValue.fromBool(v);
    }
}
