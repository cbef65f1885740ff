package io.lambdoku.core.lambda;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Random (version 4) UUIDs, as Lambda's RevisionIds and our lock leases are, made from 16 bytes of the OS's
 * random source read directly. {@link UUID#randomUUID} starts the JDK's security providers and a SecureRandom
 * first, ~12 ms of every CLI run that writes, for ids that must be unique, not secret. Where there is no
 * {@code /dev/urandom}, it is {@link UUID#randomUUID} after all.
 */
public final class RandomIds {

    private static final String SOURCE = "/dev/urandom";

    private RandomIds() {
    }

    public static String uuid() {
        byte[] b = new byte[16];
        try (InputStream in = new FileInputStream(SOURCE)) {
            if (in.readNBytes(b, 0, b.length) != b.length) {
                return UUID.randomUUID().toString();
            }
        } catch (IOException e) {
            return UUID.randomUUID().toString();
        }
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // the IETF variant
        ByteBuffer bits = ByteBuffer.wrap(b);
        return new UUID(bits.getLong(), bits.getLong()).toString();
    }
}
