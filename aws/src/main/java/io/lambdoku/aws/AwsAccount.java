package io.lambdoku.aws;

/** The account the credentials in use belong to (STS GetCallerIdentity, which IAM never denies). */
public final class AwsAccount {

    private AwsAccount() {
    }

    public static String of(AwsClients clients) {
        AwsErrors errors = new AwsErrors(clients.options().endpoint().map(Object::toString).orElse("AWS STS"));
        return errors.call(AwsErrors.Subject.function("sts"), () -> clients.sts().getCallerIdentity().account());
    }
}
