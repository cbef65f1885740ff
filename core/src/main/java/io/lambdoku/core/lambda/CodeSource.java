package io.lambdoku.core.lambda;

/** New code for a function: a zip to upload, code the backend already stores, or an object in S3 (aws only). */
public sealed interface CodeSource permits CodePackage, StoredCode {

    String codeSha256();
}
