package io.slipway.platform.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the last lines of an instance's log. */
class LogTailTests {

    @TempDir
    Path dir;

    @Test
    void lastLinesOfLog() throws IOException {
        Path log = write("one\ntwo\nthree\nfour\n");

        assertThat(LogTail.of(log, 2)).isEqualTo("three\nfour\n");
    }

    @Test
    void wholeLogWhenItHasFewerLines() throws IOException {
        Path log = write("one\ntwo\n");

        assertThat(LogTail.of(log, 10)).isEqualTo("one\ntwo\n");
    }

    @Test
    void unfinishedLastLineCounts() throws IOException {
        Path log = write("one\ntwo\nthree");

        assertThat(LogTail.of(log, 2)).isEqualTo("two\nthree");
    }

    @Test
    void linesFarBackInLongLogAreFound() throws IOException {
        String lines = IntStream.range(0, 20_000).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
        Path log = write(lines);

        String tail = LogTail.of(log, 5_000);

        assertThat(tail).startsWith("line 15000\n").endsWith("line 19999\n");
        assertThat(tail.lines()).hasSize(5_000);
    }

    @Test
    void missingLogOrNoLinesAskedIsEmpty() throws IOException {
        assertThat(LogTail.of(dir.resolve("missing.log"), 10)).isEmpty();
        assertThat(LogTail.of(write("one\n"), 0)).isEmpty();
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("instance.log"), text);
    }
}
