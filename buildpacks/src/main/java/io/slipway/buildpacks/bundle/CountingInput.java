package io.slipway.buildpacks.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read from the uploaded archive and stops at {@link BundleLimits#maxArchiveBytes()}. */
final class CountingInput extends FilterInputStream {

    private final long limit;

    private long count;

    CountingInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the caller owns the upload stream
    }

    private void add(long n) {
        count += n;
        if (count > limit) {
            throw BundleException.tooLarge(null, "the archive is larger than " + ByteSizes.format(limit));
        }
    }

}
