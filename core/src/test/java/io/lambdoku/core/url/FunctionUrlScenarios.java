package io.lambdoku.core.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.app.Apps;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.Cors;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.LambdaException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.UrlAuth;
import io.lambdoku.core.release.ReleaseScenarios;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * url, url:create and url:delete as users see them ({@link FunctionUrls}), written once against {@link LambdaApi}
 * and run against every backend by a subclass that supplies {@link #api()}.
 */
public abstract class FunctionUrlScenarios {

    protected abstract LambdaApi api();

    /** The execution role functions are created with; moto requires one that exists in its IAM. */
    protected String role() {
        return "arn:aws:iam::000000000000:role/lambdoku-test";
    }

    /** False where the target ignores a URL call's Qualifier (moto 5.2.1 keeps one URL per function). */
    protected boolean keepsUrlsPerAlias() {
        return true;
    }

    private boolean shopMade;

    /** The operation, on a target with function shop and its alias live made at the first call of each test. */
    private FunctionUrls urls() {
        if (!shopMade) {
            shopMade = true;
            shopWithAliasLive();
        }
        return new FunctionUrls(api());
    }

    /** Made at first use rather than in a @BeforeEach, which would run before the subclass's own opens the backend. */
    private void shopWithAliasLive() {
        FunctionSettings python = new FunctionSettings("python3.12", "app.handler", role(), 128, 3, Map.of(), List.of());
        int v1 = new Apps(api(), Events.NONE).create("shop", python, ReleaseScenarios.handler("hi")).version();
        api().createAlias("shop", new AliasSpec("live", String.valueOf(v1), Optional.empty(), ""));
    }

    @Test
    void createdUrlIsShownAndCreatingItAgainChangesNothing() {
        UrlChange created = urls().create("shop", Optional.empty(), UrlAuth.NONE, List.of());

        assertThat(created.kind()).isEqualTo(UrlChange.Kind.CREATED);
        assertThat(created.url().url()).endsWith("/");
        assertThat(created.url().target()).isEqualTo("shop");
        assertThat(urls().show("shop", Optional.empty())).singleElement()
                .satisfies(u -> assertThat(u.url()).isEqualTo(created.url().url()));
        UrlChange again = urls().create("shop", Optional.empty(), UrlAuth.NONE, List.of());
        assertThat(again.kind()).isEqualTo(UrlChange.Kind.UNCHANGED);
        assertThat(again.url().url()).isEqualTo(created.url().url());
    }

    @Test
    void otherAuthAndCorsChangeTheUrlInPlace() {
        String address = urls().create("shop", Optional.empty(), UrlAuth.NONE, List.of()).url().url();

        UrlChange changed = urls().create("shop", Optional.empty(), UrlAuth.AWS_IAM, List.of("https://shop.example"));

        assertThat(changed.kind()).isEqualTo(UrlChange.Kind.UPDATED);
        assertThat(changed.url().url()).isEqualTo(address);
        assertThat(urls().show("shop", Optional.empty())).singleElement().satisfies(u -> {
            assertThat(u.auth()).isEqualTo(UrlAuth.AWS_IAM);
            assertThat(u.cors()).map(Cors::allowOrigins).contains(List.of("https://shop.example"));
        });
    }

    @Test
    void anAliasHasAUrlOfItsOwn() {
        Assumptions.assumeTrue(keepsUrlsPerAlias(), "this target keeps one URL per function, whatever the alias");
        String latest = urls().create("shop", Optional.empty(), UrlAuth.NONE, List.of()).url().url();

        FunctionUrl live = urls().create("shop", Optional.of("live"), UrlAuth.AWS_IAM, List.of()).url();

        assertThat(live.url()).isNotEqualTo(latest);
        assertThat(live.target()).isEqualTo("shop:live");
        assertThat(urls().show("shop", Optional.empty())).extracting(FunctionUrl::target, FunctionUrl::url, FunctionUrl::auth)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shop", latest, UrlAuth.NONE),
                        org.assertj.core.groups.Tuple.tuple("shop:live", live.url(), UrlAuth.AWS_IAM));
        assertThat(urls().show("shop", Optional.of("live"))).extracting(FunctionUrl::url).containsExactly(live.url());
        urls().delete("shop", Optional.of("live"));
        assertThat(urls().show("shop", Optional.empty())).extracting(FunctionUrl::url).containsExactly(latest);
    }

    @Test
    void aVersionIsRefusedAndNothingIsCreated() {
        assertThatThrownBy(() -> urls().create("shop", Optional.of("1"), UrlAuth.NONE, List.of()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("never a version");
        assertThat(urls().show("shop", Optional.empty())).isEmpty();
    }

    @Test
    void aBadCorsOriginIsRefusedAndNothingIsCreated() {
        assertThatThrownBy(() -> urls().create("shop", Optional.empty(), UrlAuth.NONE, List.of("https://shop.example/cart")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("'https://shop.example/cart' is not a CORS origin; give one like https://shop.example (scheme and"
                        + " host, no path), or * for any.");
        assertThat(urls().show("shop", Optional.empty())).isEmpty();
    }

    @Test
    void aMissingFunctionOrAliasIsNamed() {
        assertThatThrownBy(() -> urls().create("ghost", Optional.empty(), UrlAuth.NONE, List.of()))
                .isInstanceOf(ResourceNotFoundException.class).hasMessage("Function ghost does not exist.");
        assertThatThrownBy(() -> urls().create("shop", Optional.of("nope"), UrlAuth.NONE, List.of()))
                .isInstanceOf(ResourceNotFoundException.class).hasMessage("Function shop has no alias nope.");
        assertThatThrownBy(() -> urls().show("ghost", Optional.empty())).isInstanceOf(LambdaException.class)
                .hasMessage("Function ghost does not exist.");
    }

    @Test
    void deleteAnswersWhatWasDeletedAndASecondDeleteSaysThereIsNone() {
        FunctionUrl created = urls().create("shop", Optional.empty(), UrlAuth.NONE, List.of()).url();

        assertThat(urls().delete("shop", Optional.empty()).url()).isEqualTo(created.url());

        assertThat(urls().show("shop", Optional.empty())).isEmpty();
        assertThatThrownBy(() -> urls().delete("shop", Optional.empty()))
                .isInstanceOf(ResourceNotFoundException.class).hasMessage("Function shop has no function URL.");
    }
}
