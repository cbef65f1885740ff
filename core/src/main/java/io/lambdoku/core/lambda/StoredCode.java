package io.lambdoku.core.lambda;

import java.util.Objects;

/**
 * Code the backend's artifact store already holds, addressed by CodeSha256, so rollback and promote
 * move no bytes (local: the blob store; AWS: the artifact bucket).
 */
public record StoredCode(String codeSha256) implements CodeSource {

    public StoredCode {
        Objects.requireNonNull(codeSha256, "codeSha256");
    }
}
