package io.lambdoku.local;

/** ARNs as the local backend hands them out: account 000000000000, the configured region. */
public final class Arns {

    private final String region;

    public Arns(String region) {
        this.region = region;
    }

    public String function(String name) {
        return "arn:aws:lambda:" + region + ":" + LocalOptions.ACCOUNT + ":function:" + name;
    }

    String qualified(String name, String qualifier) {
        return function(name) + ":" + qualifier;
    }

    /** IAM is global: no region in a role's ARN. */
    public static String role(String name) {
        return "arn:aws:iam::" + LocalOptions.ACCOUNT + ":role/" + name;
    }

    /** A schedule of EventBridge Scheduler's default group. */
    public String schedule(String name) {
        return "arn:aws:scheduler:" + region + ":" + LocalOptions.ACCOUNT + ":schedule/default/" + name;
    }

    public String alarm(String name) {
        return "arn:aws:cloudwatch:" + region + ":" + LocalOptions.ACCOUNT + ":alarm:" + name;
    }

    /** A KMS key: {@code arn:aws:kms:REGION:000000000000:key/UUID}, as KMS names them. */
    public String kmsKey(String id) {
        return "arn:aws:kms:" + region + ":" + LocalOptions.ACCOUNT + ":key/" + id;
    }

    /** A KMS alias; {@code name} is {@code alias/NAME}. */
    public String kmsAlias(String name) {
        return "arn:aws:kms:" + region + ":" + LocalOptions.ACCOUNT + ":" + name;
    }
}
