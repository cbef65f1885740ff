package io.lambdoku.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever a function prints, one invocation keeps its last megabyte, and says what it dropped. */
class LogTailTest {

    @Test
    void keepsTheNewestLinesWithinTheCapAndSaysHowMuchWentBefore() {
        LogTail tail = new LogTail(1000);
        for (int i = 0; i < 100; i++) {
            tail.add(String.format("line %03d %s", i, "x".repeat(90))); // 99 bytes each
        }
        List<String> lines = tail.lines();
        assertThat(lines.get(0)).startsWith("[lambdoku] Log truncated: the first 8.7 KB (90 lines) of this invocation's output"
                + " were dropped; the last 990 bytes follow.");
        assertThat(lines.subList(1, lines.size())).hasSize(10).allMatch(l -> l.length() == 99);
        assertThat(lines.get(lines.size() - 1)).startsWith("line 099");
        assertThat(tail.droppedBytes()).isEqualTo(90 * 99);
    }

    @Test
    void aLogWithinTheCapIsKeptWhole() {
        LogTail tail = new LogTail(1000);
        tail.add("hello");
        tail.add("");
        assertThat(tail.lines()).containsExactly("hello", "");
    }

    @Test
    void theInitPhasesOutputCountsTowardsTheFirstInvocation() {
        LogTail init = new LogTail(100);
        for (int i = 0; i < 20; i++) {
            init.add("i".repeat(10));
        }
        LogTail first = new LogTail(100);
        first.addAll(init);
        first.add("run");
        assertThat(first.lines().get(0)).contains("(11 lines)");
        assertThat(first.lines()).endsWith("run");
    }

    @Test
    void countsUtf8Bytes() {
        assertThat(LogTail.utf8Length("aé€😀")).isEqualTo(1 + 2 + 3 + 4);
    }

    @Test
    void aLineLongerThanCloudWatchsLargestEventComesOutInPieces() throws Exception {
        String output = "a\r\nb\n\nc\r" + "z".repeat(600 * 1024) + "\nlast";
        List<String> lines = read(output);
        assertThat(lines.subList(0, 4)).containsExactly("a", "b", "", "c");
        assertThat(lines.subList(4, 7)).extracting(String::length).containsExactly(256 * 1024, 256 * 1024, 88 * 1024);
        assertThat(lines.get(7)).isEqualTo("last");
        assertThat(lines).hasSize(8);
    }

    @Test
    void aLineOfExactlyTheLimitIsOneLine() throws Exception {
        assertThat(read("y".repeat(LogLineReader.MAX_LINE_CHARS) + "\nnext\n")).extracting(String::length)
                .containsExactly(LogLineReader.MAX_LINE_CHARS, 4);
    }

    private static List<String> read(String output) throws Exception {
        List<String> lines = new ArrayList<>();
        try (LogLineReader in = new LogLineReader(new ByteArrayInputStream(output.getBytes(StandardCharsets.UTF_8)))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
        }
        return lines;
    }
}
