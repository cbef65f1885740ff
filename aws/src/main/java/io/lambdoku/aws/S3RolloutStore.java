package io.lambdoku.aws;

import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.rollout.Rollout;
import io.lambdoku.core.rollout.RolloutJson;
import io.lambdoku.core.rollout.RolloutStore;
import io.lambdoku.core.rollout.StoredRollout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rollout records in the artifact bucket, beside the locks: each alias's newest rollout in a slot object
 * {@code lambdoku/rollouts/<function>/<alias>.json}, changed only by conditional writes ({@link ConditionalObjects}),
 * so of two drivers writing from the same read one wins and the other is told; its version is the ETag. A rollout
 * replaced in its slot by a new one is first kept as a write-once object
 * {@code lambdoku/rollouts/<function>/history/<started-epoch-ms>-<id>.json}: kept before the slot moves on, so a
 * crash between the two writes leaves it in both places (the history is read deduplicated by id), never in
 * neither. An alias named {@code history} cannot collide: its slot is {@code history.json}, beside the folder.
 */
final class S3RolloutStore implements RolloutStore {

    private static final String HISTORY = "history/";
    private static final String JSON = ".json";

    private final ConditionalObjects objects;

    S3RolloutStore(ConditionalObjects objects) {
        this.objects = objects;
    }

    static String prefix(String function) {
        return "lambdoku/rollouts/" + function + "/";
    }

    static String slot(String function, String alias) {
        return prefix(function) + alias + JSON;
    }

    /** Epoch milliseconds have 13 digits until the year 2286, so S3's key order is the order of starts. */
    static String historyKey(Rollout r) {
        return prefix(r.function()) + HISTORY + r.started().toEpochMilli() + "-" + r.id() + JSON;
    }

    @Override
    public Optional<StoredRollout> current(String function, String alias) {
        return read(function, slot(function, alias));
    }

    @Override
    public Optional<StoredRollout> create(Rollout rollout, Optional<StoredRollout> previous) {
        String slot = slot(rollout.function(), rollout.alias());
        if (previous.isEmpty()) {
            return objects.create(rollout.function(), slot, body(rollout)).map(etag -> new StoredRollout(rollout, etag));
        }
        Rollout replaced = previous.get().rollout();
        if (!replaced.function().equals(rollout.function()) || !replaced.alias().equals(rollout.alias())) {
            throw new IllegalArgumentException("rollout " + rollout.id() + " on " + rollout.function() + ":" + rollout.alias()
                    + " cannot replace one on " + replaced.function() + ":" + replaced.alias());
        }
        keep(replaced);
        return replace(previous.get(), rollout);
    }

    @Override
    public Optional<StoredRollout> replace(StoredRollout expected, Rollout updated) {
        return objects.replace(updated.function(), slot(updated.function(), updated.alias()), expected.version(), body(updated))
                .map(etag -> new StoredRollout(updated, etag));
    }

    /**
     * The slots of every alias, then the history objects newest first, skipping rollouts a slot still holds (its
     * newest record); only as many history objects are read as can make the list.
     */
    @Override
    public List<Rollout> history(String function, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<Rollout> found = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String key : objects.keys(function, prefix(function))) {
            read(function, key).map(StoredRollout::rollout).filter(r -> ids.add(r.id())).ifPresent(found::add);
        }
        List<String> kept = new ArrayList<>(objects.keys(function, prefix(function) + HISTORY));
        kept.sort(Comparator.reverseOrder());
        int taken = 0;
        for (String key : kept) {
            if (taken == limit) {
                break;
            }
            if (!ids.contains(idOf(key))) {
                Optional<Rollout> r = read(function, key).map(StoredRollout::rollout).filter(x -> ids.add(x.id()));
                r.ifPresent(found::add);
                taken += r.isPresent() ? 1 : 0;
            }
        }
        found.sort(Comparator.comparing(Rollout::started).reversed().thenComparing(Rollout::id));
        return List.copyOf(found.subList(0, Math.min(limit, found.size())));
    }

    /**
     * Write-once: when the object exists already, a run that lost the same replacement (or crashed after keeping it)
     * kept this very record, final since it finished, so nothing is lost by leaving it.
     */
    private void keep(Rollout replaced) {
        objects.create(replaced.function(), historyKey(replaced), body(replaced));
    }

    /** {@code …/history/1764000000000-ID.json} → {@code ID}. */
    private static String idOf(String historyKey) {
        String name = historyKey.substring(historyKey.lastIndexOf('/') + 1, historyKey.length() - JSON.length());
        return name.substring(name.indexOf('-') + 1);
    }

    private Optional<StoredRollout> read(String function, String key) {
        return objects.read(function, key).map(got -> {
            try {
                return new StoredRollout(RolloutJson.read(new String(got.body(), StandardCharsets.UTF_8)), got.etag());
            } catch (IllegalStateException e) {
                throw new BackendException("The rollout record " + objects.where(key) + " is not readable (" + e.getMessage()
                        + "); a newer lambdoku or a hand may have written it.", e);
            }
        });
    }

    private static byte[] body(Rollout r) {
        return RolloutJson.write(r).getBytes(StandardCharsets.UTF_8);
    }
}
