package io.lambdoku.core.deploy;

import io.lambdoku.core.lambda.CodePackage;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaLimits;
import java.util.Optional;

/**
 * The release message of a deploy, "Deploy <sha8> [message] (git <sha>)". Lambda keeps at most 256
 * characters of a version description; a longer one is refused, naming the limit, rather than cut
 * short without a word.
 */
public final class DeployMessage {

    private DeployMessage() {
    }

    public static String of(CodePackage code, Optional<String> message, Optional<String> gitSha) {
        String head = "Deploy " + code.sha256Hex().substring(0, 8);
        String tail = gitSha.map(sha -> " (git " + sha + ")").orElse("");
        Optional<String> text = message.map(String::strip).filter(m -> !m.isEmpty());
        String description = head + text.map(m -> " " + m).orElse("") + tail;
        if (description.length() > LambdaLimits.MAX_DESCRIPTION) {
            int room = LambdaLimits.MAX_DESCRIPTION - head.length() - tail.length() - 1;
            throw new InvalidParameterException("The deploy message (-m) is " + text.orElse("").length()
                    + " characters; the release message '" + head + " <message>" + tail + "' may hold at most "
                    + LambdaLimits.MAX_DESCRIPTION + " (Lambda's limit for a version description), so -m may have at most "
                    + room + ". Nothing was deployed.");
        }
        return description;
    }

    /** The short commit of the folder's git checkout, if it is one ("(git 3f2a9c1)" in the message). */
    public static Optional<String> gitSha(java.nio.file.Path dir) {
        try {
            Process p = new ProcessBuilder("git", "-C", dir.toString(), "rev-parse", "--short", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && out.matches("[0-9a-f]{4,40}") ? Optional.of(out) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
