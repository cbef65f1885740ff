package io.lambdoku.core.code;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip whose bytes depend only on the files' paths, contents and executable bits: entries in
 * the given (sorted) order, one fixed timestamp, Unix modes 0644/0755, no extra fields, no host
 * metadata. java.util.zip cannot write Unix modes, so the format is written here; entries are
 * compressed in parallel, which a single-threaded {@code zip} cannot do.
 */
public final class ReproducibleZip {

    /** 1980-01-02, the earliest DOS time every zip reader agrees on. */
    public static final long DEFAULT_EPOCH_SECONDS = 315_619_200L;

    private static final int MAX_ENTRIES = 0xFFFF;

    /** One file to store: its path inside the zip, its bytes and whether it is executable. */
    public record Entry(String name, byte[] content, boolean executable) {
    }

    private record Compressed(Entry entry, byte[] data, boolean deflated, long crc) {
    }

    private ReproducibleZip() {
    }

    public static byte[] write(List<Entry> entries, long epochSeconds) {
        if (entries.size() > MAX_ENTRIES) {
            throw new InvalidParameterException("The package has " + entries.size() + " files; lambdoku zips at most "
                    + MAX_ENTRIES + ".");
        }
        int[] dos = dosTime(epochSeconds);
        List<Compressed> compressed = entries.parallelStream().map(ReproducibleZip::compress).toList();
        long total = compressed.stream().mapToLong(c -> c.data.length + 30L + 46L + 2L * c.entry.name.length()).sum();
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, total + 22));
        long[] offsets = new long[compressed.size()];
        for (int i = 0; i < compressed.size(); i++) {
            Compressed c = compressed.get(i);
            offsets[i] = out.size();
            byte[] name = c.entry.name.getBytes(StandardCharsets.UTF_8);
            int32(out, 0x04034b50);
            fields(out, c, dos, name.length);
            out.writeBytes(name);
            out.writeBytes(c.data);
        }
        long directory = out.size();
        for (int i = 0; i < compressed.size(); i++) {
            Compressed c = compressed.get(i);
            byte[] name = c.entry.name.getBytes(StandardCharsets.UTF_8);
            int32(out, 0x02014b50);
            int16(out, 3 << 8 | 20);   // made by Unix, so readers honour the mode below
            fields(out, c, dos, name.length);
            int16(out, 0);
            int16(out, 0);
            int16(out, 0);
            int32(out, (long) (c.entry.executable ? 0100755 : 0100644) << 16);
            int32(out, offsets[i]);
            out.writeBytes(name);
        }
        long size = out.size() - directory;
        if (out.size() > 0xFFFF_FFFFL) {
            throw new InvalidParameterException("The package is over 4 GB zipped; Lambda takes at most 250 MB unzipped.");
        }
        int32(out, 0x06054b50);
        int16(out, 0);
        int16(out, 0);
        int16(out, compressed.size());
        int16(out, compressed.size());
        int32(out, size);
        int32(out, directory);
        int16(out, 0);
        return out.toByteArray();
    }

    /** From "version needed" to "extra field length": the same in local and central headers. */
    private static void fields(ByteArrayOutputStream out, Compressed c, int[] dos, int nameLength) {
        int16(out, 20);
        int16(out, 0x0800);   // names are UTF-8
        int16(out, c.deflated ? 8 : 0);
        int16(out, dos[0]);
        int16(out, dos[1]);
        int32(out, c.crc);
        int32(out, c.data.length);
        int32(out, c.entry.content.length);
        int16(out, nameLength);
        int16(out, 0);
    }

    private static Compressed compress(Entry e) {
        CRC32 crc = new CRC32();
        crc.update(e.content);
        Deflater deflater = new Deflater(6, true);
        try {
            deflater.setInput(e.content);
            deflater.finish();
            ByteArrayOutputStream data = new ByteArrayOutputStream(Math.max(64, e.content.length / 2));
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                data.write(buffer, 0, n);
            }
            byte[] deflated = data.toByteArray();
            // as zip does: a file that does not shrink is stored
            return deflated.length < e.content.length
                    ? new Compressed(e, deflated, true, crc.getValue())
                    : new Compressed(e, e.content, false, crc.getValue());
        } finally {
            deflater.end();
        }
    }

    /** {time, date} in MS-DOS format, in UTC so the bytes do not depend on the machine's zone. */
    static int[] dosTime(long epochSeconds) {
        ZonedDateTime t = Instant.ofEpochSecond(Math.max(epochSeconds, DEFAULT_EPOCH_SECONDS)).atZone(ZoneOffset.UTC);
        int year = Math.min(t.getYear(), 2107);
        int time = t.getHour() << 11 | t.getMinute() << 5 | t.getSecond() / 2;
        int date = (year - 1980) << 9 | t.getMonthValue() << 5 | t.getDayOfMonth();
        return new int[] {time, date};
    }

    private static void int16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write(v >>> 8 & 0xff);
    }

    private static void int32(ByteArrayOutputStream out, long v) {
        out.write((int) (v & 0xff));
        out.write((int) (v >>> 8 & 0xff));
        out.write((int) (v >>> 16 & 0xff));
        out.write((int) (v >>> 24 & 0xff));
    }
}
