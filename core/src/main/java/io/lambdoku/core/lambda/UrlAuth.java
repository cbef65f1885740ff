package io.lambdoku.core.lambda;

/** A function URL's AuthType: NONE answers anyone; AWS_IAM requires a SigV4-signed request. */
public enum UrlAuth {
    NONE, AWS_IAM
}
