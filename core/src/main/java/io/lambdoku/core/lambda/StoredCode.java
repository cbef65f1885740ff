package io.lambdoku.core.lambda;

import java.util.Objects;

/**
 * Code of an earlier release, addressed by CodeSha256, so rollback and promote move no bytes when the
 * backend's artifact store holds it (local: the blob store; AWS: the artifact bucket). The release it
 * came from ({@code function} version {@code version}) is where a backend can still fetch it when the
 * store lost it (AWS: the version's Code.Location).
 */
public record StoredCode(String codeSha256, String function, int version) implements CodeSource {

    public StoredCode {
        Objects.requireNonNull(codeSha256, "codeSha256");
        Objects.requireNonNull(function, "function");
    }
}
