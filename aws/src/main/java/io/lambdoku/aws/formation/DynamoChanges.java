package io.lambdoku.aws.formation;

import io.lambdoku.aws.AwsClients;
import io.lambdoku.core.formation.FormationAttributes;
import io.lambdoku.core.formation.FormationChanges;
import io.lambdoku.core.lambda.InvalidParameterException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The formation table's changes from its DynamoDB stream, every shard: the shards open when the feed opens
 * are read from LATEST (now); shards that appear later (a shard is split or rolled over every few hours)
 * from their start, as all of their records are newer; a closed shard is read to its end and dropped. Names
 * come from each record's Keys, so any stream view type will do.
 */
final class DynamoChanges implements FormationChanges {

    /** How often the stream's shard list is read again for new shards: DescribeStream allows 10 calls a second per account. */
    private static final Duration RESCAN = Duration.ofSeconds(10);
    /** GetRecords allows 5 calls a second per shard; an idle feed backs off to this. */
    private static final Duration FIRST_WAIT = Duration.ofMillis(250);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    private final DynamoDbStreamsClient streams;
    private final DynamoCalls calls;
    private final String streamArn;
    private final Set<String> known = new HashSet<>();
    private final Map<String, ShardReader> readers = new LinkedHashMap<>();
    private long scanned;
    private volatile boolean closed;

    /** Where a shard is read from next, and the last record read, to resume after an iterator expires (15 minutes). */
    private static final class ShardReader {
        String iterator;
        Optional<String> lastSequence = Optional.empty();

        ShardReader(String iterator) {
            this.iterator = iterator;
        }
    }

    DynamoChanges(AwsClients clients, String table, DynamoCalls calls) {
        this.streams = clients.dynamoDbStreams();
        this.calls = calls;
        TableDescription t = calls.call(() -> clients.dynamoDb().describeTable(b -> b.tableName(table)).table());
        if (t.latestStreamArn() == null || t.streamSpecification() == null || !Boolean.TRUE.equals(t.streamSpecification().streamEnabled())) {
            throw new InvalidParameterException("Table " + table + " has no stream to follow; run 'lambdoku setup --formation"
                    + (DynamoFormationStore.DEFAULT_TABLE.equals(table) ? "" : " --table " + table) + "' to enable it.");
        }
        this.streamArn = t.latestStreamArn();
        for (Shard s : shards()) {
            known.add(s.shardId());
            if (s.sequenceNumberRange() == null || s.sequenceNumberRange().endingSequenceNumber() == null) {
                readers.put(s.shardId(), new ShardReader(iterator(s.shardId(), ShardIteratorType.LATEST, null)));
            }
        }
        scanned = System.nanoTime();
    }

    @Override
    public Set<String> poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long wait = FIRST_WAIT.toMillis();
        while (!closed) {
            if (System.nanoTime() - scanned > RESCAN.toNanos()) {
                addNewShards();
            }
            Set<String> names = readAll();
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (!names.isEmpty() || left <= 0) {
                return names;
            }
            Thread.sleep(Math.max(1, Math.min(wait, left)));
            wait = Math.min(wait * 2, LONGEST_WAIT.toMillis());
        }
        throw new IllegalStateException("the formation change feed is closed");
    }

    private Set<String> readAll() {
        Set<String> names = new LinkedHashSet<>();
        for (var it = readers.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, ShardReader> e = it.next();
            GetRecordsResponse page = records(e.getKey(), e.getValue());
            for (Record r : page.records()) {
                AttributeValue name = r.dynamodb().keys().get(FormationAttributes.NAME);
                if (name != null && name.s() != null) {
                    names.add(name.s());
                }
                e.getValue().lastSequence = Optional.ofNullable(r.dynamodb().sequenceNumber());
            }
            e.getValue().iterator = page.nextShardIterator();
            if (page.nextShardIterator() == null) {
                it.remove(); // closed and read to its end; its children are found by the next rescan
            }
        }
        return names;
    }

    private GetRecordsResponse records(String shardId, ShardReader reader) {
        return calls.call(() -> {
            try {
                return streams.getRecords(b -> b.shardIterator(reader.iterator));
            } catch (ExpiredIteratorException e) {
                reader.iterator = reader.lastSequence.map(seq -> iterator(shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, seq))
                        .orElseGet(() -> iterator(shardId, ShardIteratorType.LATEST, null));
            } catch (TrimmedDataAccessException e) {
                // records older than the stream's 24 hours are gone; the reactor's resync covers what they said
                reader.iterator = iterator(shardId, ShardIteratorType.TRIM_HORIZON, null);
            }
            return streams.getRecords(b -> b.shardIterator(reader.iterator));
        });
    }

    private void addNewShards() {
        for (Shard s : shards()) {
            if (known.add(s.shardId())) {
                readers.put(s.shardId(), new ShardReader(iterator(s.shardId(), ShardIteratorType.TRIM_HORIZON, null)));
            }
        }
        scanned = System.nanoTime();
    }

    /** Every shard of the stream, through DescribeStream's pages. */
    private List<Shard> shards() {
        List<Shard> all = new java.util.ArrayList<>();
        String after = null;
        do {
            String start = after;
            var d = calls.call(() -> streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(start))
                    .streamDescription());
            all.addAll(d.shards());
            after = d.lastEvaluatedShardId();
        } while (after != null);
        return all;
    }

    private String iterator(String shardId, ShardIteratorType type, String sequence) {
        return calls.call(() -> streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type)
                .sequenceNumber(sequence)).shardIterator());
    }

    @Override
    public void close() {
        closed = true;
    }
}
