package io.slipway.platform.git;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The pusher's screen: what is written here reaches git's side band at once (flushed on every
 * write), and git shows it as {@code remote:} lines while the push is still running. A client
 * gone away is not an error: the deploy goes on without it.
 */
final class RemoteMessages extends OutputStream {

    private final OutputStream sideBand;
    private volatile long lastWrite = System.nanoTime();
    private volatile boolean atLineStart = true;

    RemoteMessages(OutputStream sideBand) {
        this.sideBand = sideBand;
    }

    /** Shows one line. */
    void line(String text) {
        byte[] bytes = ((atLineStart ? "" : "\n") + text + "\n").getBytes(StandardCharsets.UTF_8);
        write(bytes, 0, bytes.length);
    }

    /** Shows a line if nothing was shown for {@code seconds}, so neither side takes the push for dead. */
    void keepAlive(long seconds, String text) {
        if (atLineStart && System.nanoTime() - lastWrite > seconds * 1_000_000_000L) {
            line(text);
        }
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        try {
            sideBand.write(bytes, offset, length);
            sideBand.flush();
        } catch (IOException | RuntimeException gone) {
            // the client hung up; the deployment goes on
        }
        atLineStart = bytes[offset + length - 1] == '\n';
        lastWrite = System.nanoTime();
    }
}
