package io.lambdoku.core.code;

import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Deployment packages: a folder zipped reproducibly, or a zip file read and checked as Lambda would. */
public final class Zips {

    private static final byte[] EMPTY_ZIP = {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private Zips() {
    }

    /** A folder or a .zip file, as {@code create --code} and {@code push} accept. */
    public static CodeZip load(Path path) {
        if (Files.isDirectory(path)) {
            return fromDirectory(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidParameterException("No such folder or zip file: " + path + ".");
        }
        try {
            return checked(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new InvalidParameterException("Cannot read " + path + ": " + e.getMessage() + ".");
        }
    }

    /** An empty package, for functions created before their code exists. */
    public static CodeZip empty() {
        return new CodeZip(EMPTY_ZIP);
    }

    /** Entries sorted, fixed timestamps, Unix modes, no host metadata: the same tree always gives the same CodeSha256. */
    public static CodeZip fromDirectory(Path dir) {
        try (Stream<Path> any = Files.list(dir)) {
            if (any.findAny().isEmpty()) {
                return empty();
            }
        } catch (IOException e) {
            throw new InvalidParameterException("Cannot read folder " + dir + ": " + e.getMessage() + ".");
        }
        return FolderPackage.build(dir, PackageSpec.everything());
    }

    /** Refuses what Lambda refuses: not a zip, a corrupt zip, or over 250 MB unzipped. */
    public static CodeZip checked(byte[] bytes, String origin) {
        // no 50 MB check here: a bigger zip is fine through S3; the backend that uploads it decides
        checkReadable(bytes, origin);
        return new CodeZip(bytes);
    }

    /** What a direct upload must also pass: at most 50 MB zipped. */
    public static void check(byte[] bytes, String origin) {
        if (bytes.length > LambdaLimits.MAX_ZIP_BYTES) {
            throw new InvalidParameterException(origin + " is " + bytes.length / (1024 * 1024)
                    + " MB; Lambda takes at most 50 MB zipped in a direct upload (on AWS, an artifact bucket"
                    + " sends bigger zips through S3).");
        }
        checkReadable(bytes, origin);
    }

    public static void checkReadable(byte[] bytes, String origin) {
        boolean empty = bytes.length == EMPTY_ZIP.length && bytes[2] == 0x05;
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || !(bytes[2] == 0x03 || empty)) {
            throw new InvalidParameterException(origin + " is not a zip file; give a folder or a .zip.");
        }
        long declared = declaredEntries(bytes);
        if (declared < 0) {
            throw new InvalidParameterException(origin + " is a corrupt zip (no central directory); rebuild it and try again.");
        }
        long unzipped = 0;
        long entries = 0;
        byte[] chunk = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries++;
                checkName(entry.getName(), origin);
                unzipped += drain(in, chunk);
                if (unzipped > LambdaLimits.MAX_UNZIPPED_BYTES) {
                    throw new InvalidParameterException(origin + " unzips to over 250 MB, Lambda's limit.");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidParameterException(origin + " is a corrupt zip (" + e.getMessage()
                    + "); rebuild it and try again.");
        }
        if (entries != declared) {
            throw new InvalidParameterException(origin + " is a corrupt zip (" + entries + " readable entries, "
                    + declared + " listed); rebuild it and try again.");
        }
    }

    /** Zip-slip: an entry that would unpack outside the function's folder. */
    private static void checkName(String name, String origin) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || ("/" + n + "/").contains("/../")) {
            throw new InvalidParameterException(origin + " holds the entry '" + name
                    + "', which would unpack outside the function's folder; rebuild the zip without it.");
        }
    }

    /**
     * The entry count of the end-of-central-directory record, searched backwards as zip readers do
     * (it may be followed by a comment of up to 64 KB); -1 when there is none. Past 65,535 entries the
     * record holds 0xFFFF and the count is in the zip64 end record, which the zip64 locator just before
     * it points at (APPNOTE.TXT 4.3.14-4.3.15); java.util.zip.ZipFile reads it the same way.
     */
    private static long declaredEntries(byte[] b) {
        int stop = Math.max(0, b.length - 22 - 0xFFFF);
        for (int i = b.length - 22; i >= stop; i--) {
            if (b[i] == 0x50 && b[i + 1] == 0x4b && b[i + 2] == 0x05 && b[i + 3] == 0x06) {
                int count = (int) little(b, i + 10, 2);
                return count == 0xFFFF ? zip64Entries(b, i - 20) : count;
            }
        }
        return -1;
    }

    /** The total entry count of the zip64 end record whose locator starts at {@code locator}; -1 when absent. */
    private static long zip64Entries(byte[] b, int locator) {
        if (locator < 0 || !signature(b, locator, 0x07064b50)) {
            return 0xFFFF; // a plain zip that happens to hold exactly 65,535 entries
        }
        long offset = little(b, locator + 8, 8);
        // the locator's offset counts from the archive's start; with bytes prepended (a self-extractor) the
        // record still sits right before the locator, 56 bytes long without extensible data
        int record = offset >= 0 && offset <= locator - 56 && signature(b, (int) offset, 0x06064b50) ? (int) offset
                : locator - 56;
        return record >= 0 && signature(b, record, 0x06064b50) ? little(b, record + 32, 8) : -1;
    }

    private static boolean signature(byte[] b, int at, long signature) {
        return at >= 0 && at + 4 <= b.length && little(b, at, 4) == signature;
    }

    private static long little(byte[] b, int at, int bytes) {
        long value = 0;
        for (int k = bytes - 1; k >= 0; k--) {
            value = value << 8 | (b[at + k] & 0xff);
        }
        return value;
    }

    /** The entry names of a package (folders end with '/'), read without unpacking any content. */
    public static Set<String> entryNames(CodeZip zip) {
        Set<String> names = new LinkedHashSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName());
            }
        } catch (IOException e) {
            throw new InvalidParameterException("The package is a corrupt zip (" + e.getMessage() + ").");
        }
        return names;
    }

    /** The content of one entry of a package; null when there is no such entry. */
    public static byte[] read(CodeZip zip, String name) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals(name) || entry.getName().equals("./" + name)) {
                    return in.readAllBytes();
                }
            }
            return null;
        } catch (IOException e) {
            throw new InvalidParameterException("The package is a corrupt zip (" + e.getMessage() + ").");
        }
    }

    private static long drain(InputStream in, byte[] chunk) throws IOException {
        long total = 0;
        for (int n; (n = in.read(chunk)) > 0; ) {
            total += n;
        }
        return total;
    }
}
