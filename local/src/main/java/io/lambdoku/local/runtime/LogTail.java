package io.lambdoku.local.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * What one invocation printed, capped: the newest {@link #CAP_BYTES} are kept and older lines are
 * dropped and counted, so a function that prints 200 MB costs a bounded amount of memory here and of
 * space in the store. {@link #lines()} then starts with a line saying how much was dropped, as Lambda
 * marks a log it truncated. Lambda itself keeps everything (CloudWatch bills for it); a local store
 * on a laptop keeps the end, which is where an error and its stack trace are.
 */
final class LogTail {

    /** Per invocation; thousands of ordinary lines, far more than 'logs' shows. */
    static final int CAP_BYTES = 1024 * 1024;

    private final int capBytes;
    private final Deque<String> lines = new ArrayDeque<>();
    private long keptBytes;
    private long droppedBytes;
    private long droppedLines;

    LogTail() {
        this(CAP_BYTES);
    }

    LogTail(int capBytes) {
        this.capBytes = capBytes;
    }

    synchronized void add(String line) {
        lines.addLast(line);
        keptBytes += utf8Length(line);
        while (keptBytes > capBytes && lines.size() > 1) {
            String dropped = lines.removeFirst();
            long size = utf8Length(dropped);
            keptBytes -= size;
            droppedBytes += size;
            droppedLines++;
        }
    }

    /** Adds what another tail kept (and what it had dropped), e.g. the init phase's output to the first invocation's. */
    void addAll(LogTail other) {
        List<String> theirs;
        long theirDroppedBytes;
        long theirDroppedLines;
        synchronized (other) {
            theirs = new ArrayList<>(other.lines);
            theirDroppedBytes = other.droppedBytes;
            theirDroppedLines = other.droppedLines;
        }
        synchronized (this) {
            droppedBytes += theirDroppedBytes;
            droppedLines += theirDroppedLines;
        }
        theirs.forEach(this::add);
    }

    /** The kept lines, after a note of what was dropped if anything was. */
    synchronized List<String> lines() {
        List<String> out = new ArrayList<>(lines.size() + 1);
        if (droppedLines > 0) {
            out.add(String.format(Locale.ROOT, "[lambdoku] Log truncated: the first %s (%,d lines) of this invocation's"
                    + " output were dropped; the last %s follow.", size(droppedBytes), droppedLines, size(keptBytes)));
        }
        out.addAll(lines);
        return out;
    }

    synchronized long droppedBytes() {
        return droppedBytes;
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** Bytes of {@code s} in UTF-8, without encoding it. */
    static long utf8Length(String s) {
        long n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                n += c < 0x800 ? 1 : Character.isSurrogate(c) ? 1 : 2; // a surrogate pair is 4 bytes, 2 chars
            }
        }
        return n;
    }
}
