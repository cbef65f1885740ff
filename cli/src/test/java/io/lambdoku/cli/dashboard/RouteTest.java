package io.lambdoku.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTest {

    private static final Handler NONE = r -> ex -> {
    };

    @Test
    void parametersMatchOneSegmentEachDecoded() {
        Route route = Route.of("GET", "/apps/{app}/releases/{version}", NONE);

        assertThat(route.match("/apps/my%20app/releases/3")).contains(Map.of("app", "my app", "version", "3"));
        assertThat(route.match("/apps/a/b/releases/3")).isEmpty();
        assertThat(route.match("/apps/a/releases/3/more")).isEmpty();
    }

    @Test
    void theTableFindsByMethodAndKnowsPathsOfOtherMethods() {
        Routes routes = new Routes(new Live(new Fetch(java.time.Duration.ofSeconds(1)), java.time.Duration.ofSeconds(1)));
        routes.get("/", NONE).post("/pipelines/{app}/promote", NONE).get("/activity", NONE);

        assertThat(routes.find("POST", "/pipelines/x/promote")).isPresent();
        assertThat(routes.find("GET", "/pipelines/x/promote")).isEmpty();
        assertThat(routes.knows("/pipelines/x/promote")).isTrue();
        assertThat(routes.find("HEAD", "/activity")).isPresent();
        assertThat(routes.topSegments()).containsExactly("", "activity", "pipelines");
    }
}
