package io.lambdoku.cli;

import java.nio.file.Path;

/** 'lambdoku dashboard' started as a user starts it, with a headless browser signed in on it: what the browser ITs share. */
record DashboardSession(DashboardProcess dashboard, Browser browser) implements AutoCloseable {

    /** Skips the calling test class (Browser.start's assumption) when no browser is installed, unless CI requires one. */
    static DashboardSession open(CliRunner cli, Path scratch) throws Exception {
        DashboardProcess dashboard = DashboardProcess.start(cli);
        try {
            Browser browser = Browser.start(scratch);
            browser.open(dashboard.url());
            return new DashboardSession(dashboard, browser);
        } catch (Throwable e) {
            dashboard.close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            browser.close();
        } finally {
            dashboard.close();
        }
    }
}
