package io.lambdoku.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeCacheTest {

    private static final String HEX = "ab".repeat(32);

    @TempDir
    Path tmp;

    private final AtomicInteger reads = new AtomicInteger();

    private Supplier<byte[]> zip() {
        return () -> {
            reads.incrementAndGet();
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                    out.putNextEntry(new ZipEntry("app.py"));
                    out.write("def handler(e, c):\n    return 1\n".getBytes(StandardCharsets.UTF_8));
                    out.putNextEntry(new ZipEntry("lib/util.py"));
                    out.write("X = 1\n".getBytes(StandardCharsets.UTF_8));
                }
                return bytes.toByteArray();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    @Test
    void anUnchangedTreeIsReusedWithoutReadingTheZipAgain() {
        CodeCache cache = new CodeCache(tmp.resolve("code"));
        Path first = cache.unpacked(HEX, zip());
        Path second = cache.unpacked(HEX, zip());
        assertThat(second).isEqualTo(first);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aRewrittenAddedOrRemovedFileIsDiscardedAndUnpackedAgain() throws Exception {
        CodeCache cache = new CodeCache(tmp.resolve("code"));
        Path dir = cache.unpacked(HEX, zip());
        Path app = dir.resolve("app.py");
        app.toFile().setWritable(true);
        Files.writeString(app, "import os; os.system('evil')\n");
        assertThat(Files.readString(cache.unpacked(HEX, zip()).resolve("app.py"))).contains("return 1");
        assertThat(reads).hasValue(2);

        Files.writeString(dir.resolve("sitecustomize.py"), "print('injected')\n");
        assertThat(cache.unpacked(HEX, zip()).resolve("sitecustomize.py")).doesNotExist();

        Files.delete(dir.resolve("lib/util.py"));
        assertThat(cache.unpacked(HEX, zip()).resolve("lib/util.py")).exists();

        dir.resolve("app.py").toFile().setExecutable(true);
        cache.unpacked(HEX, zip());
        assertThat(Files.isExecutable(dir.resolve("app.py"))).isFalse();
        assertThat(reads).hasValue(5);
    }

    @Test
    void concurrentFirstUsesUnpackOnceAndAllGetTheTree() throws Exception {
        // two caches on one store stand for two lambdoku processes; the threads of each for concurrent invokes
        List<CodeCache> caches = List.of(new CodeCache(tmp.resolve("code")), new CodeCache(tmp.resolve("code")));
        int n = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                CodeCache cache = caches.get(i % 2);
                Callable<Path> unpack = () -> {
                    go.await();
                    return cache.unpacked(HEX, zip());
                };
                results.add(pool.submit(unpack));
            }
            go.countDown();
            for (Future<Path> r : results) {
                assertThat(r.get().resolve("app.py")).exists();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reads).hasValue(1);
        try (var left = Files.list(tmp.resolve("code"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(HEX, HEX + ".tree", HEX + ".lock");
        }
    }
}
