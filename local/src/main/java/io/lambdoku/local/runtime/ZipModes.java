package io.lambdoku.local.runtime;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** The entries a zip marks executable in its central directory (Unix mode), which java.util.zip does not expose. */
final class ZipModes {

    private ZipModes() {
    }

    static Set<String> executables(byte[] b) {
        Set<String> names = new HashSet<>();
        int end = -1;
        for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xFFFF); i--) {
            if (b[i] == 0x50 && b[i + 1] == 0x4b && b[i + 2] == 0x05 && b[i + 3] == 0x06) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return names;
        }
        int count = u16(b, end + 10);
        int at = (int) u32(b, end + 16);
        for (int n = 0; n < count && at + 46 <= b.length && u32(b, at) == 0x02014b50L; n++) {
            int madeBy = u16(b, at + 4) >> 8;
            int nameLength = u16(b, at + 28);
            int extra = u16(b, at + 30);
            int comment = u16(b, at + 32);
            long external = u32(b, at + 38);
            String name = new String(b, at + 46, nameLength, StandardCharsets.UTF_8);
            if (madeBy == 3 && ((external >>> 16) & 0111) != 0) {
                names.add(name);
            }
            at += 46 + nameLength + extra + comment;
        }
        return names;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (u16(b, i) | (long) u16(b, i + 2) << 16) & 0xffffffffL;
    }
}
