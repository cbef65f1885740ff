package io.lambdoku.cli.dashboard;

/** One page (or a family of pages and their actions): registers its routes, one line each. */
@FunctionalInterface
public interface Page {

    void register(Routes routes, Dashboard dashboard);
}
