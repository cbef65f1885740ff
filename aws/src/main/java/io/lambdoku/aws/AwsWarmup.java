package io.lambdoku.aws;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;

/**
 * The two largest parts of the SDK's first call that depend on nothing the command says, for a second thread
 * to run while the command's own thread builds the client (design.md §7): the SDK's table of every service's
 * endpoints, which it builds to derive a signing region even when the region is given (~35 ms, 316 classes),
 * and the JCA providers behind SigV4's SHA-256 and HMAC (~10 ms). Both are static state: whichever thread
 * reaches a class the other is initialising waits for it. Nothing here touches the network, a file or the
 * output; a failure is left for the real call to meet and report.
 */
public final class AwsWarmup {

    private AwsWarmup() {
    }

    public static void background() {
        try {
            ServiceMetadata.of("lambda").signingRegion(Region.US_EAST_1);
            MessageDigest.getInstance("SHA-256");
            Mac.getInstance("HmacSHA256");
        } catch (RuntimeException | LinkageError | NoSuchAlgorithmException e) {
            // the real call meets it again and reports it
        }
    }
}
