package io.lambdoku.core.formation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FormationStore} must do, written once and run against each backend's store: the desire's
 * generation moves on every write, the reactor's write-back only lands on the desire it read, and a feed
 * opened now reports later writes and deletes, not earlier ones.
 */
public abstract class FormationStoreScenarios {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** The store under test; the same table each call, empty at the start of each test. */
    protected abstract FormationStore store();

    /** How long a feed may take to see a write: the local store at once, a DynamoDB stream a little later. */
    protected Duration feedDelay() {
        return Duration.ofSeconds(5);
    }

    public static DesiredChange version(String version) {
        return new DesiredChange(Optional.of(version), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static DesiredChange scale(int scale) {
        return new DesiredChange(Optional.empty(), Optional.of(scale), Optional.empty(), Optional.empty());
    }

    public static Observed ready(long generation, String release) {
        return new Observed(FormationStatus.READY, "", Optional.of("http://shop.example/"), Optional.of(release), generation,
                T0.plusSeconds(generation));
    }

    @Test
    void aNewRowHasGenerationOneAndTheDefaults() {
        FormationRow row = store().put("shop", version("7"));

        assertThat(row).isEqualTo(new FormationRow("shop", new Desired(Optional.of("7"), 1, Optional.empty(), false), 1,
                Optional.empty()));
        assertThat(store().get("shop")).contains(row);
        assertThat(store().get("cart")).isEmpty();
    }

    @Test
    void everyPutBumpsTheGenerationAndKeepsWhatItDoesNotName() {
        store().put("shop", new DesiredChange(Optional.of("git:main"), Optional.of(2), Optional.of("/src/shop"),
                Optional.of(true)));
        FormationRow row = store().put("shop", scale(0));

        assertThat(row.generation()).isEqualTo(2);
        assertThat(row.desired()).isEqualTo(new Desired(Optional.of("git:main"), 0, Optional.of("/src/shop"), true));
        assertThat(store().put("shop", scale(0)).generation()).isEqualTo(3);
        assertThat(store().get("shop").orElseThrow().desired().scale()).isZero();
    }

    @Test
    void listHoldsEveryRowByName() {
        store().put("shop", version("7"));
        store().put("cart", version("live"));
        store().put("blog", scale(0));

        assertThat(store().list()).extracting(FormationRow::name).containsExactly("blog", "cart", "shop");
        assertThat(store().list().get(1).desired().version()).contains("live");
    }

    @Test
    void aDeletedRowIsGoneAndASecondDeleteSaysSo() {
        store().put("shop", version("7"));

        assertThat(store().delete("shop")).isTrue();
        assertThat(store().get("shop")).isEmpty();
        assertThat(store().list()).isEmpty();
        assertThat(store().delete("shop")).isFalse();
        assertThat(store().put("shop", version("8")).generation()).isEqualTo(1);
    }

    @Test
    void aReportLandsOnTheDesireItReadAndIsKeptAcrossLaterPuts() {
        FormationRow read = store().put("shop", version("7"));

        assertThat(store().report(read, ready(1, "7"))).isTrue();
        assertThat(store().get("shop").orElseThrow().observed()).contains(ready(1, "7"));

        FormationRow changed = store().put("shop", version("8"));
        assertThat(changed.observed()).contains(ready(1, "7"));
        assertThat(store().get("shop").orElseThrow().observed()).contains(ready(1, "7"));
        assertThat(store().get("shop").orElseThrow().generation()).isEqualTo(2);
    }

    @Test
    void aReportOfAnOlderGenerationIsRefusedAndChangesNothing() {
        FormationRow read = store().put("shop", version("7"));
        store().put("shop", version("8"));

        assertThat(store().report(read, ready(1, "7"))).isFalse();
        FormationRow now = store().get("shop").orElseThrow();
        assertThat(now.observed()).isEmpty();
        assertThat(now.desired().version()).contains("8");
    }

    @Test
    void aReportOfADeletedRowIsRefusedAndDoesNotBringItBack() {
        FormationRow read = store().put("shop", version("7"));
        store().delete("shop");

        assertThat(store().report(read, ready(1, "7"))).isFalse();
        assertThat(store().get("shop")).isEmpty();
    }

    @Test
    void aReportOfTheSameStateKeepsTheFirstTime() {
        FormationRow read = store().put("shop", version("7"));
        store().report(read, ready(1, "7"));
        Observed later = new Observed(FormationStatus.READY, "", Optional.of("http://shop.example/"), Optional.of("7"), 1,
                T0.plusSeconds(600));

        assertThat(store().report(store().get("shop").orElseThrow(), later)).isTrue();
        assertThat(store().get("shop").orElseThrow().observed().orElseThrow().updatedAt()).isEqualTo(ready(1, "7").updatedAt());
    }

    @Test
    void aFeedReportsPutsAndDeletesAfterItOpenedAndNothingBefore() throws InterruptedException {
        store().put("old", version("1"));
        store().put("cart", version("2"));
        try (FormationChanges feed = store().changes()) {
            assertThat(feed.poll(Duration.ofMillis(500))).isEmpty();

            store().put("shop", version("7"));
            store().delete("cart");

            assertThat(collect(feed, Set.of("shop", "cart"))).containsExactlyInAnyOrder("shop", "cart");
        }
    }

    @Test
    void aFeedReportsAReportedRow() throws InterruptedException {
        FormationRow read = store().put("shop", version("7"));
        try (FormationChanges feed = store().changes()) {
            store().report(read, ready(1, "7"));

            assertThat(collect(feed, Set.of("shop"))).containsExactly("shop");
        }
    }

    /** Polls until every expected name came (or the feed's delay passed twice over); names the feed gave. */
    protected Set<String> collect(FormationChanges feed, Set<String> expected) throws InterruptedException {
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + feedDelay().multipliedBy(2).toNanos();
        while (!seen.containsAll(expected) && System.nanoTime() < deadline) {
            seen.addAll(feed.poll(Duration.ofMillis(500)));
        }
        return seen;
    }
}
