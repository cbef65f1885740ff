package io.lambdoku.local.auth;

/** The {@code DATE/REGION/SERVICE/aws4_request} part of a SigV4 credential: what the signing key is derived for. */
public record CredentialScope(String date, String region, String service) {

    static final String TERMINATOR = "aws4_request";

    @Override
    public String toString() {
        return date + "/" + region + "/" + service + "/" + TERMINATOR;
    }
}
