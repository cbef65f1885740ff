package io.lambdoku.local;

/** ARNs as the local backend hands them out: account 000000000000, the configured region. */
final class Arns {

    private final String region;

    Arns(String region) {
        this.region = region;
    }

    String function(String name) {
        return "arn:aws:lambda:" + region + ":" + LocalOptions.ACCOUNT + ":function:" + name;
    }

    String qualified(String name, String qualifier) {
        return function(name) + ":" + qualifier;
    }
}
