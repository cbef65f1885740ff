package io.lambdoku.local.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a process's output as lines, as BufferedReader does, but never holds more than
 * {@link #MAX_LINE_CHARS} of one line: a longer line comes out in pieces of that size. So a function
 * printing 200 MB without a newline cannot fill the memory of whoever reads it. 256 KB is CloudWatch
 * Logs' largest event.
 */
final class LogLineReader implements AutoCloseable {

    static final int MAX_LINE_CHARS = 256 * 1024;

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int next;
    private int end;
    private boolean skipLf;

    LogLineReader(InputStream in) {
        this.in = new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** The next line without its terminator (\n, \r\n or \r), or null at the end of the output. */
    String readLine() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (next == end) {
                end = in.read(buffer, 0, buffer.length);
                next = 0;
                if (end <= 0) {
                    end = 0;
                    return line == null ? null : line.toString();
                }
            }
            if (skipLf && buffer[next] == '\n') {
                next++;
                skipLf = false;
                continue;
            }
            skipLf = false;
            int start = next;
            while (next < end && buffer[next] != '\n' && buffer[next] != '\r') {
                next++;
            }
            if (line == null) {
                line = new StringBuilder(Math.min(MAX_LINE_CHARS, Math.max(80, next - start)));
            }
            int room = MAX_LINE_CHARS - line.length();
            if (next - start > room) {
                line.append(buffer, start, room);
                next = start + room;
                return line.toString();
            }
            line.append(buffer, start, next - start);
            if (next < end) {
                skipLf = buffer[next] == '\r';
                next++;
                return line.toString();
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
