package io.lambdoku.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineGraphTest {

    @Test
    void aChainReadsAsStagesInOrder() {
        Map<String, List<String>> d = Map.of("dev", List.of("stage"), "stage", List.of("prod"), "prod", List.of(),
                "solo", List.of());

        assertThat(PipelineGraph.chains(d)).singleElement().satisfies(c -> {
            assertThat(c.stages()).containsExactly(List.of("dev"), List.of("stage"), List.of("prod"));
            assertThat(c.name()).isEqualTo("dev");
            assertThat(c.stageOf("prod")).isEqualTo(2);
        });
        assertThat(PipelineGraph.alone(d)).containsExactly("solo");
    }

    @Test
    void downstreamsOfOneStageShareAColumn() {
        Map<String, List<String>> d = Map.of("api", List.of("api-eu", "api-us"), "api-eu", List.of(), "api-us", List.of());

        assertThat(PipelineGraph.chains(d)).singleElement()
                .satisfies(c -> assertThat(c.stages()).containsExactly(List.of("api"), List.of("api-eu", "api-us")));
    }

    @Test
    void separatePipelinesComeByName() {
        Map<String, List<String>> d = new LinkedHashMap<>();
        d.put("web", List.of("web-prod"));
        d.put("web-prod", List.of());
        d.put("api", List.of("api-prod"));
        d.put("api-prod", List.of());

        assertThat(PipelineGraph.chains(d)).extracting(PipelineGraph.Chain::name).containsExactly("api", "web");
    }

    @Test
    void aCycleIsCutAndADeletedDownstreamLeftOut() {
        Map<String, List<String>> d = Map.of("a", List.of("b", "gone"), "b", List.of("a"));

        assertThat(PipelineGraph.chains(d)).singleElement()
                .satisfies(c -> assertThat(c.stages()).containsExactly(List.of("a"), List.of("b")));
        assertThat(PipelineGraph.alone(d)).isEmpty();
    }
}
