package io.lambdoku.core.lambda;

/** New code for a function: a zip to upload, or code the backend already stores. */
public sealed interface CodeSource permits CodeZip, StoredCode {

    String codeSha256();
}
