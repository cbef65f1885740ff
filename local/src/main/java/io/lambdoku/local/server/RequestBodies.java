package io.lambdoku.local.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads request bodies within their limit and within one budget for all requests at once, so neither
 * one huge body nor many large ones at the same time can take the server's memory. A chunked body is
 * read in blocks and refused once it passes its limit (at most 6 MB: {@link BodyLimits.Limit#chunked}). A body
 * over its limit but within twice it is read on and thrown away before the 413, because a client
 * still sending when the connection closes sees only a reset, not the answer; a larger one (a
 * gigabyte announced in Content-Length) is refused unread and its connection dropped.
 */
final class RequestBodies {

    private static final int BLOCK = 256 * 1024;

    private final long budget;
    private final AtomicLong inUse = new AtomicLong();

    RequestBodies(long budget) {
        this.budget = budget;
    }

    /** A quarter of the heap, so bodies being parsed still fit; never less than one largest request. */
    static RequestBodies sizedToHeap() {
        return new RequestBodies(Math.max(BodyLimits.CODE, Runtime.getRuntime().maxMemory() / 4));
    }

    /** A body read whole; {@link #release} gives its bytes back to the budget once the request is answered. */
    record Body(byte[] bytes, long reserved) {
    }

    Body read(InputStream in, long declaredLength, BodyLimits.Limit limit) throws IOException {
        if (declaredLength > limit.bytes()) {
            if (declaredLength <= 2 * limit.bytes()) {
                discard(in, declaredLength);
            }
            throw limit.exceeded();
        }
        if (declaredLength >= 0) {
            reserve(declaredLength);
            try {
                byte[] bytes = in.readNBytes((int) declaredLength);
                if (bytes.length < declaredLength) {
                    throw WireError.badRequest("The request body ended after " + bytes.length + " of its " + declaredLength + " bytes.");
                }
                return new Body(bytes, declaredLength);
            } catch (IOException | RuntimeException e) {
                release(declaredLength);
                throw e;
            }
        }
        return readChunked(in, limit.chunked());
    }

    private Body readChunked(InputStream in, BodyLimits.Limit limit) throws IOException {
        List<byte[]> blocks = new ArrayList<>();
        long total = 0;
        long reserved = 0;
        try {
            while (true) {
                reserve(BLOCK);
                reserved += BLOCK;
                byte[] block = in.readNBytes(BLOCK);
                total += block.length;
                if (total > limit.bytes()) {
                    blocks.clear();
                    discard(in, 2 * limit.bytes() - total); // to the end, if it ends within twice the limit
                    throw limit.exceeded();
                }
                blocks.add(block);
                if (block.length < BLOCK) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            release(reserved);
            throw e;
        }
        byte[] bytes = new byte[(int) total];
        int at = 0;
        for (byte[] block : blocks) {
            System.arraycopy(block, 0, bytes, at, block.length);
            at += block.length;
        }
        return new Body(bytes, reserved);
    }

    private static void discard(InputStream in, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (long left = max; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            left -= n;
        }
    }

    void release(Body body) {
        release(body.reserved());
    }

    private void reserve(long bytes) {
        if (inUse.addAndGet(bytes) > budget) {
            inUse.addAndGet(-bytes);
            throw new WireError.Raised(new WireError(429, "TooManyRequestsException",
                    "lambdoku local serve is receiving too many large requests at once; retry in a moment."));
        }
    }

    private void release(long bytes) {
        inUse.addAndGet(-bytes);
    }
}
