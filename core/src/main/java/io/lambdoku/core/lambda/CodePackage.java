package io.lambdoku.core.lambda;

import java.util.Base64;
import java.util.HexFormat;

/**
 * The package a deploy ships: a zip in hand (a built folder, a zip file) or an object already in S3 (aws only).
 * Either way its CodeSha256 and CodeSize are known before any call, so a deploy can say what changes.
 */
public sealed interface CodePackage extends CodeSource permits CodeZip, S3Code {

    /** Lambda's CodeSize: the zip's length in bytes. */
    long size();

    /** The SHA-256 in hex, whose first 8 characters name a release ("Deploy 3f2a9c1d"). */
    default String sha256Hex() {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(codeSha256()));
    }
}
