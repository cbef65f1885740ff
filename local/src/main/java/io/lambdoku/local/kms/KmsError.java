package io.lambdoku.local.kms;

import io.lambdoku.core.secret.KmsException;

/**
 * A KMS failure of the local KMS: one sentence for the user (a {@link KmsException}, as the port promises) and the
 * error type KMS answers on the wire ({@code __type}), which the SDKs turn into their exception classes. KMS answers
 * every caller's mistake with HTTP 400. Never holds a plaintext.
 */
public final class KmsError extends KmsException {

    private final String type;

    private KmsError(String type, String message) {
        super(message);
        this.type = type;
    }

    /** KMS's own wording for an unknown key: {@code Key 'arn:…:key/ID' does not exist}. */
    static KmsError noSuchKey(String arnOrId) {
        return new KmsError("NotFoundException", "Key '" + arnOrId + "' does not exist");
    }

    /** KMS's own wording for an unknown alias: {@code Alias arn:…:alias/NAME is not found.} */
    static KmsError noSuchAlias(String aliasArn) {
        return new KmsError("NotFoundException", "Alias " + aliasArn + " is not found.");
    }

    static KmsError aliasExists(String aliasArn) {
        return new KmsError("AlreadyExistsException", "An alias with the name " + aliasArn + " already exists");
    }

    static KmsError disabled(String arn) {
        return new KmsError("DisabledException", arn + " is disabled.");
    }

    /**
     * A blob that is not this KMS's, was altered, or is opened with another encryption context. KMS itself says nothing
     * more (its message is empty); this one names the likely causes, still without telling which.
     */
    static KmsError invalidCiphertext() {
        return new KmsError("InvalidCiphertextException", "The ciphertext cannot be decrypted: it was not made by this KMS,"
                + " was altered, or the encryption context differs from the one it was encrypted with.");
    }

    static KmsError incorrectKey(String given, String sealedWith) {
        return new KmsError("IncorrectKeyException", "The key ID in the request (" + given + ") does not identify the KMS key"
                + " the ciphertext was encrypted with (" + sealedWith + ").");
    }

    static KmsError validation(String message) {
        return new KmsError("ValidationException", message);
    }

    static KmsError unknownOperation(String operation) {
        return new KmsError("UnknownOperationException", "lambdoku's local KMS does not implement the KMS operation "
                + operation + "; it answers Encrypt, Decrypt, GenerateDataKey, CreateKey, DescribeKey, ListKeys, CreateAlias,"
                + " ListAliases, EnableKey and DisableKey.");
    }

    static KmsError internal(String message, Throwable cause) {
        KmsError e = new KmsError("KMSInternalException", message);
        e.initCause(cause);
        return e;
    }

    public String type() {
        return type;
    }

    /** HTTP status on the wire: 400 for the caller's mistakes, 500 for the store's. */
    public int status() {
        return type.equals("KMSInternalException") ? 500 : 400;
    }
}
