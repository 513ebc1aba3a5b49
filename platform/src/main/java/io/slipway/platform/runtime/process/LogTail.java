package io.slipway.platform.runtime.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** The last lines of a log file, read from its end so a long log costs no more than its tail. */
final class LogTail {

    private static final int CHUNK = 8 * 1024;
    private static final int MAX_BYTES = 1024 * 1024;

    private LogTail() {
    }

    /** Up to {@code lines} last lines (at most the last MiB), or "" when the file does not exist. */
    static String of(Path file, int lines) throws IOException {
        if (lines <= 0) {
            return "";
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            long window = Math.min(size, CHUNK);
            while (true) {
                byte[] bytes = read(channel, size - window, (int) window);
                int start = startOfLast(bytes, lines);
                if (start > 0 || window == size || window >= MAX_BYTES) {
                    return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
                }
                window = Math.min(size, Math.min(window * 2, MAX_BYTES));
            }
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    private static byte[] read(SeekableByteChannel channel, long from, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        channel.position(from);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // read until full; the file only grows while we read
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** Index where the last {@code lines} lines begin, or 0 when the bytes hold no more than that. */
    private static int startOfLast(byte[] bytes, int lines) {
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\n') {
            end--;
        }
        int found = 0;
        for (int i = end - 1; i >= 0; i--) {
            if (bytes[i] == '\n' && ++found == lines) {
                return i + 1;
            }
        }
        return 0;
    }
}
