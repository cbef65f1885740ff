package io.lambdoku.aws;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * ARNs of a function's neighbours (its log group, its unqualified ARN) in the account and region in use.
 * IAM policies and EventBridge targets need them before the function may exist, so they are built from
 * the caller's account (STS GetCallerIdentity, asked once) rather than read from the function.
 */
final class AwsArns {

    private final AwsClients clients;
    private String account;

    AwsArns(AwsClients clients) {
        this.clients = clients;
    }

    synchronized String account() {
        if (account == null) {
            account = AwsAccount.of(clients);
        }
        return account;
    }

    String function(String name) {
        return prefix("lambda") + "function:" + name;
    }

    /** What logs:CreateLogGroup is granted on: the group itself. */
    String logGroup(String function) {
        return prefix("logs") + "log-group:/aws/lambda/" + function;
    }

    /** What logs:CreateLogStream and logs:PutLogEvents are granted on: every stream of the group. */
    String logStreams(String function) {
        return logGroup(function) + ":*";
    }

    String rule(String name) {
        return prefix("events") + "rule/" + name;
    }

    private String prefix(String service) {
        Region region = clients.region();
        return "arn:" + partition(region) + ":" + service + ":" + region.id() + ":" + account() + ":";
    }

    /** aws, aws-cn, aws-us-gov…; a region the SDK does not know yet is taken to be in the commercial partition. */
    private static String partition(Region region) {
        RegionMetadata metadata = region.metadata();
        return metadata == null ? "aws" : metadata.partition().id();
    }
}
