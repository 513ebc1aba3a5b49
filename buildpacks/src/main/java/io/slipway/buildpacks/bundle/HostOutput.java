package io.slipway.buildpacks.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A new file on the host whose write failures are {@link UncheckedIOException}s, so that an
 * {@link IOException} during an extraction always means the archive could not be read.
 */
final class HostOutput extends OutputStream {

    private final OutputStream out;

    private HostOutput(OutputStream out) {
        this.out = out;
    }

    /** Creates the file; it must not exist, and is never reached through a link. */
    static HostOutput create(Path file) {
        try {
            return new HostOutput(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void write(int b) {
        write(new byte[] { (byte) b }, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
        try {
            out.write(buffer, offset, length);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
