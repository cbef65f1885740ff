package io.lambdoku.core.formation;

import io.lambdoku.core.lambda.FunctionUrl;
import java.util.Optional;

/** Whether a function URL answers: the reactor calls an app Ready only then. */
public interface UrlProbe {

    /** Empty when the URL answered; else why not, as a sentence ("GET http://… failed: connection refused"). */
    Optional<String> problem(FunctionUrl url);
}
