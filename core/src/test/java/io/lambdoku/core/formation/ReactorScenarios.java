package io.lambdoku.core.formation;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.activity.ActivityEvent;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.infra.Infra;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.UrlAuth;
import io.lambdoku.core.lock.Guard;
import io.lambdoku.core.plan.Engine;
import io.lambdoku.core.release.Release;
import io.lambdoku.core.release.ReleaseLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the reactor makes of formation rows, against a real backend (a subclass supplies its Lambda API, its
 * formation table, and the server that answers function URLs): a row becomes an app serving its URL, a new
 * Version or a moved branch is redeployed, Scale 0 stops it and Scale 1 starts it again, a deleted row takes its
 * function along, a broken row fails with its reason beside a healthy one, and a reactor started afresh makes
 * no release twice. Each step is one reconcile (or a few, while provisioned environments start), so nothing here
 * waits on a timer.
 */
public abstract class ReactorScenarios {

    protected abstract LambdaApi api();

    protected abstract FormationStore store();

    protected abstract Infra infra();

    /** The auth of a URL the row does not make public (NONE locally). */
    protected UrlAuth privateAuth() {
        return UrlAuth.NONE;
    }

    /** Whether an app's URL answers: a plain GET by default (NONE URLs). */
    protected UrlProbe probe() {
        return new HttpUrlProbe(Duration.ofSeconds(10));
    }

    protected String role() {
        return "arn:aws:iam::000000000000:role/lambdoku-test";
    }

    @TempDir
    protected Path tmp;

    protected GitRepo repo;
    protected final List<String> actions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aRepositoryWithAnApp() throws IOException {
        repo = GitRepo.init(tmp.resolve("repo"));
        writeApp("Hello");
        repo.commit("hello");
    }

    protected void writeApp(String greeting) throws IOException {
        repo.write("shop/lambdoku.json", """
                {"name": "hello", "runtime": "python3.12", "handler": "app.handler", "memory": 128, "timeout": 3}
                """);
        repo.write("shop/app.py", """
                def handler(event, context):
                    return {"statusCode": 200, "headers": {"content-type": "text/plain"}, "body": "%s from shop"}
                """.formatted(greeting));
    }

    /** Where the reactor records what it did; nothing kept by default. */
    protected Activity activity() {
        return new Activity() {
            @Override
            public void record(String function, ActivityEvent event) {
            }

            @Override
            public List<ActivityEvent> list(String function, int limit) {
                return List.of();
            }
        };
    }

    protected Reconciler reconciler() {
        return reconciler(store());
    }

    protected Reconciler reconciler(FormationStore store) {
        Engine engine = new Engine(api(), infra(), Guard.NONE, Events.NONE, new Engine.Options(Optional.of(role()), false));
        return new Reconciler(api(), store, engine, Guard.NONE, probe(), activity(),
                Events.NONE, (app, action, detail) -> actions.add(app + " " + action + " " + detail), Clock.systemUTC(),
                new Reconciler.Settings(privateAuth(), tmp, "reactor@test"));
    }

    /** Reconciles until the row settles (provisioned environments may take a moment to start). */
    protected Outcome settle(String name) {
        Reconciler r = reconciler();
        Outcome o = r.reconcile(name);
        for (int i = 0; i < 300 && (o.kind() == Outcome.Kind.WAITING || o.kind() == Outcome.Kind.AGAIN); i++) {
            pause();
            o = r.reconcile(name);
        }
        return o;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected void set(String name, Optional<String> version, Optional<Integer> scale, Optional<String> source) {
        store().put(name, new DesiredChange(version, scale, source, Optional.empty()));
    }

    protected Observed observed(String name) {
        return store().get(name).orElseThrow().observed().orElseThrow();
    }

    protected List<Release> releases(String name) {
        return new ReleaseLog(api()).list(name, 50);
    }

    /** A user's GET of an app's URL: status and body. Subclasses whose URLs are AWS_IAM sign it. */
    protected Answer get(String url) throws IOException, InterruptedException {
        URI uri = HttpUrlProbe.reachable(new io.lambdoku.core.lambda.FunctionUrl("shop", Optional.of("live"), url, "",
                UrlAuth.NONE, Optional.empty(), "", ""));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    public record Answer(int statusCode, String body) {
    }

    @Test
    void aNewRowBecomesAnAppWhoseUrlAnswers() throws Exception {
        set("shop", Optional.of("git:main"), Optional.of(1), Optional.of("repo/shop"));

        assertThat(settle("shop").kind()).isEqualTo(Outcome.Kind.DONE);

        Observed o = observed("shop");
        assertThat(o.status()).as("reason: %s", o.reason()).isEqualTo(FormationStatus.READY);
        assertThat(o.observedVersion()).hasValue("1");
        assertThat(o.observedGeneration()).isEqualTo(1);
        assertThat(get(o.url().orElseThrow()).body()).isEqualTo("Hello from shop");
        assertThat(releases("shop")).singleElement().satisfies(r -> assertThat(r.description())
                .matches("Deploy [0-9a-f]{8} \\(git " + repo.git("rev-parse", "main").strip() + "\\)"));
        assertThat(api().getAlias("shop", "live").functionVersion()).isEqualTo("1");
        assertThat(api().listTags("shop")).containsEntry(FormationStore.MANAGER_TAG, store().managerTag());
        assertThat(api().provisionedConcurrency("shop", "live")).get().satisfies(p -> assertThat(p.requested()).isEqualTo(1));
    }

    @Test
    void aMovedBranchIsRedeployedAndAnotherVersionIsServed() throws Exception {
        set("shop", Optional.of("git:main"), Optional.of(1), Optional.of("repo/shop"));
        settle("shop");
        writeApp("Howdy");
        repo.commit("howdy");

        settle("shop"); // what a resync does

        assertThat(observed("shop").observedVersion()).hasValue("2");
        assertThat(get(observed("shop").url().orElseThrow()).body()).isEqualTo("Howdy from shop");

        set("shop", Optional.of("v1"), Optional.empty(), Optional.empty());
        settle("shop");

        assertThat(observed("shop").status()).as("reason: %s", observed("shop").reason()).isEqualTo(FormationStatus.READY);
        assertThat(observed("shop").observedVersion()).hasValue("1");
        assertThat(get(observed("shop").url().orElseThrow()).body()).isEqualTo("Hello from shop");
        assertThat(releases("shop")).hasSize(2);
    }

    @Test
    void scaleZeroStopsTheAppAndScaleOneStartsItAgain() throws Exception {
        set("shop", Optional.of("git:main"), Optional.of(1), Optional.of("repo/shop"));
        settle("shop");

        set("shop", Optional.empty(), Optional.of(0), Optional.empty());
        settle("shop");

        assertThat(observed("shop").status()).as("reason: %s", observed("shop").reason()).isEqualTo(FormationStatus.STOPPED);
        assertThat(api().reservedConcurrency("shop")).hasValue(0);
        assertThat(api().provisionedConcurrency("shop", "live")).isEmpty();
        assertThat(get(observed("shop").url().orElseThrow()).statusCode()).isEqualTo(429);

        set("shop", Optional.empty(), Optional.of(1), Optional.empty());
        settle("shop");

        assertThat(observed("shop").status()).as("reason: %s", observed("shop").reason()).isEqualTo(FormationStatus.READY);
        assertThat(api().reservedConcurrency("shop")).isEmpty();
        assertThat(get(observed("shop").url().orElseThrow()).body()).isEqualTo("Hello from shop");
        assertThat(releases("shop")).hasSize(1);
    }

    @Test
    void aDeletedRowTakesItsFunctionAlongAndLeavesOthersAlone() {
        set("shop", Optional.of("git:main"), Optional.of(1), Optional.of("repo/shop"));
        settle("shop");
        set("mine", Optional.empty(), Optional.of(1), Optional.of("repo/shop"));
        settle("mine");
        api().untagFunction("mine", java.util.Set.of(FormationStore.MANAGER_TAG)); // no longer this table's
        store().delete("mine");
        store().delete("shop");

        assertThat(settle("shop").kind()).isEqualTo(Outcome.Kind.GONE);
        assertThat(settle("mine").kind()).isEqualTo(Outcome.Kind.GONE);

        assertThat(functions()).doesNotContain("shop").contains("mine");
    }

    @Test
    void aRowNamingAFunctionTheTableDidNotMakeFailsAndDeletingTheRowLeavesTheFunction() {
        set("payments", Optional.empty(), Optional.of(1), Optional.of("repo/shop"));
        settle("payments");
        api().untagFunction("payments", java.util.Set.of(FormationStore.MANAGER_TAG)); // someone else's from now on
        store().delete("payments");
        settle("payments");

        set("payments", Optional.empty(), Optional.of(1), Optional.empty());

        assertThat(settle("payments").kind()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(observed("payments").reason()).isEqualTo("payments exists and is not managed by " + store().describe()
                + "; tag it " + FormationStore.MANAGER_TAG + "=" + store().managerTag() + " to hand it over.");
        assertThat(api().listTags("payments")).doesNotContainKey(FormationStore.MANAGER_TAG);
        store().delete("payments");
        assertThat(settle("payments").kind()).isEqualTo(Outcome.Kind.GONE);
        assertThat(functions()).contains("payments");
    }

    @Test
    void aRowRecreatedWhileItsFunctionIsBeingDestroyedKeepsTheFunction() {
        set("shop", Optional.empty(), Optional.of(1), Optional.of("repo/shop"));
        settle("shop");
        store().delete("shop");
        // formation:set takes no function lock: the row comes back right after the reactor untagged the function
        FormationStore racing = new ForwardingFormationStore(store()) {
            private int reads;

            @Override
            public Optional<FormationRow> get(String name) {
                if (++reads == 3) {
                    set("shop", Optional.empty(), Optional.of(1), Optional.of("repo/shop"));
                }
                return super.get(name);
            }
        };

        Outcome o = reconciler(racing).reconcile("shop");

        assertThat(o.kind()).as("outcome %s", o).isNotEqualTo(Outcome.Kind.GONE);
        assertThat(functions()).contains("shop");
        assertThat(api().listTags("shop")).containsEntry(FormationStore.MANAGER_TAG, store().managerTag());
        settle("shop");
        assertThat(observed("shop").status()).as("reason: %s", observed("shop").reason()).isEqualTo(FormationStatus.READY);
    }

    @Test
    void aBrokenVersionFailsWithItsReasonWhileAnotherRowStaysReady() throws Exception {
        set("shop", Optional.of("git:main"), Optional.of(1), Optional.of("repo/shop"));
        set("cart", Optional.of("git:no-such-branch"), Optional.of(1), Optional.of("repo/shop"));

        assertThat(settle("cart").kind()).isEqualTo(Outcome.Kind.FAILED);
        settle("shop");

        assertThat(observed("cart").status()).isEqualTo(FormationStatus.FAILED);
        assertThat(observed("cart").reason()).isEqualTo("No commit 'no-such-branch' in the git repository of "
                + tmp.resolve("repo/shop") + ".");
        assertThat(observed("shop").status()).as("reason: %s", observed("shop").reason()).isEqualTo(FormationStatus.READY);
        assertThat(get(observed("shop").url().orElseThrow()).body()).isEqualTo("Hello from shop");

        set("cart", Optional.of("v9"), Optional.empty(), Optional.empty());
        settle("cart");
        assertThat(observed("cart").reason()).isEqualTo("No function cart to serve release v9 of; give the row a Source to deploy it from.");
    }

    @Test
    void aReactorStartedAfreshConvergesWithoutMakingAnyReleaseAgain() throws Exception {
        set("shop", Optional.of("git:main"), Optional.of(1), Optional.of("repo/shop"));
        settle("shop");
        set("cart", Optional.empty(), Optional.of(1), Optional.of("repo/shop"));
        settle("cart");
        Observed before = observed("shop");
        actions.clear();

        assertThat(settle("shop").kind()).isEqualTo(Outcome.Kind.DONE); // a new Reconciler: nothing remembered
        assertThat(settle("cart").kind()).isEqualTo(Outcome.Kind.DONE);

        assertThat(releases("shop")).hasSize(1);
        assertThat(releases("cart")).hasSize(1);
        assertThat(observed("shop").updatedAt()).isEqualTo(before.updatedAt()); // nothing to write back either
        assertThat(actions).isEmpty();
    }

    @Test
    void theReactorLoopConvergesEveryRowAndNoticesChanges() throws Exception {
        set("shop", Optional.of("git:main"), Optional.of(1), Optional.of("repo/shop"));
        Reactor reactor = Reactor.of(store(), api(), reconciler(), ReactorEvents.NONE,
                Reactor.Options.resyncEvery(Duration.ofMinutes(10)));
        Thread loop = new Thread(reactor::run);
        loop.start();
        try {
            await(() -> store().get("shop").flatMap(FormationRow::observed).map(Observed::status).orElse(null)
                    == FormationStatus.READY);
            store().delete("shop");
            await(() -> !functions().contains("shop"));
        } finally {
            reactor.close();
            loop.join(30_000);
        }
        assertThat(loop.isAlive()).isFalse();
    }

    protected List<String> functions() {
        return api().listFunctions().stream().map(FunctionConfig::name).toList();
    }

    protected static void await(java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 600; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            pause();
        }
        throw new AssertionError("not reached within 60 s");
    }
}
