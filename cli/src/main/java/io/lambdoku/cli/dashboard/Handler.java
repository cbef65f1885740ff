package io.lambdoku.cli.dashboard;

import java.io.IOException;

/** Answers one route: reads the request, returns what to send. */
@FunctionalInterface
public interface Handler {

    Reply handle(Request request) throws IOException;
}
