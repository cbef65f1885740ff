package io.lambdoku.core.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Functions grouped into pipelines, as an overview shows them: each pipeline a list of stages (dev → stage → prod),
 * a function's stage being its distance from the pipeline's first functions (those with no upstream). The
 * downstream lists live in each function's tag and nothing stops two functions from naming each other, so a
 * cycle is cut where it is met, and a pipeline without a first function starts at its alphabetically first one.
 */
public final class PipelineGraph {

    private PipelineGraph() {
    }

    /** One pipeline: its stages in order, each the functions at that distance, sorted by name. */
    public record Chain(List<List<String>> stages) {

        public Chain {
            stages = stages.stream().map(List::copyOf).toList();
        }

        /** The first stage's first function, which names the pipeline. */
        public String name() {
            return stages.get(0).get(0);
        }

        /** The stage {@code function} is in, or -1. */
        public int stageOf(String function) {
            for (int i = 0; i < stages.size(); i++) {
                if (stages.get(i).contains(function)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * Pipelines of two or more functions, by name; {@code downstreams} maps every function to its downstreams (those
     * that are no function of the map are left out: a downstream deleted since). Functions in no pipeline are not in
     * any chain (see {@link #alone}).
     */
    public static List<Chain> chains(Map<String, List<String>> downstreams) {
        Map<String, Set<String>> links = links(downstreams);
        Map<String, Set<String>> upstreams = new HashMap<>();
        links.forEach((from, tos) -> tos.forEach(to -> upstreams.computeIfAbsent(to, k -> new TreeSet<>()).add(from)));
        Set<String> placed = new TreeSet<>();
        List<Chain> chains = new ArrayList<>();
        for (String start : starts(links, upstreams)) {
            if (placed.contains(start)) {
                continue;
            }
            Set<String> component = component(start, links, upstreams);
            if (component.size() < 2) {
                continue;
            }
            placed.addAll(component);
            chains.add(new Chain(stages(component, links, upstreams)));
        }
        chains.sort((a, b) -> a.name().compareTo(b.name()));
        return chains;
    }

    /** The functions of {@code downstreams} in no pipeline, by name. */
    public static List<String> alone(Map<String, List<String>> downstreams) {
        Set<String> inChains = new TreeSet<>();
        chains(downstreams).forEach(c -> c.stages().forEach(inChains::addAll));
        return new TreeSet<>(downstreams.keySet()).stream().filter(f -> !inChains.contains(f)).toList();
    }

    private static Map<String, Set<String>> links(Map<String, List<String>> downstreams) {
        Map<String, Set<String>> links = new TreeMap<>();
        downstreams.forEach((from, tos) -> {
            Set<String> known = new TreeSet<>();
            tos.stream().filter(to -> downstreams.containsKey(to) && !to.equals(from)).forEach(known::add);
            links.put(from, known);
        });
        return links;
    }

    /** Functions with no upstream first, then the rest (a component that is one cycle starts at its first name). */
    private static List<String> starts(Map<String, Set<String>> links, Map<String, Set<String>> upstreams) {
        List<String> starts = new ArrayList<>();
        links.keySet().stream().filter(f -> !upstreams.containsKey(f)).forEach(starts::add);
        links.keySet().stream().filter(upstreams::containsKey).forEach(starts::add);
        return starts;
    }

    private static Set<String> component(String start, Map<String, Set<String>> links, Map<String, Set<String>> upstreams) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String f = todo.pop();
            if (seen.add(f)) {
                todo.addAll(links.getOrDefault(f, Set.of()));
                todo.addAll(upstreams.getOrDefault(f, Set.of()));
            }
        }
        return seen;
    }

    /** Breadth first from the component's first functions: a function's stage is its shortest distance from one. */
    private static List<List<String>> stages(Set<String> component, Map<String, Set<String>> links,
            Map<String, Set<String>> upstreams) {
        List<String> firsts = component.stream().filter(f -> !upstreams.containsKey(f)).toList();
        if (firsts.isEmpty()) {
            firsts = List.of(component.iterator().next());
        }
        Map<String, Integer> stage = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        firsts.forEach(f -> {
            stage.put(f, 0);
            todo.add(f);
        });
        while (!todo.isEmpty()) {
            String f = todo.poll();
            for (String to : links.getOrDefault(f, Set.of())) {
                if (!stage.containsKey(to)) {
                    stage.put(to, stage.get(f) + 1);
                    todo.add(to);
                }
            }
        }
        // a function reached only through an upstream that is not first (a branch joining from the side) is
        // still in the component: it goes one stage after the upstream that comes earliest
        for (String f : component) {
            stage.computeIfAbsent(f, k -> upstreams.getOrDefault(k, Set.of()).stream().map(stage::get)
                    .filter(java.util.Objects::nonNull).min(Integer::compare).map(s -> s + 1).orElse(0));
        }
        int depth = stage.values().stream().max(Integer::compare).orElse(0) + 1;
        List<List<String>> stages = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            int s = i;
            stages.add(new TreeSet<>(component.stream().filter(f -> stage.get(f) == s).toList()).stream().toList());
        }
        stages.removeIf(List::isEmpty);
        return stages;
    }
}
