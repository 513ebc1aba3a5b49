package io.slipway.buildpacks.bundle;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Streams a tar archive (plain or from a gzip stream) into an {@link Extraction}. An entry's
 * expansion ratio is its size over the upload bytes read while it was extracted.
 */
final class TarReader {

    private static final int OWNER_EXECUTE = 0100;

    private TarReader() {
    }

    static void read(InputStream in, CountingInput upload, Extraction extraction) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            String name = entry.getName();
            extraction.entry(name);
            if (entry.isSymbolicLink()) {
                extraction.link(name, entry.getLinkName(), false);
            }
            else if (entry.isLink()) {
                extraction.link(name, entry.getLinkName(), true);
            }
            else if (entry.isCharacterDevice() || entry.isBlockDevice()) {
                throw new BundleException(name, "device files are not allowed");
            }
            else if (entry.isFIFO()) {
                throw new BundleException(name, "FIFOs (named pipes) are not allowed");
            }
            else if (entry.isSparse()) {
                throw new BundleException(name, "sparse files are not supported");
            }
            else if (entry.isDirectory()) {
                extraction.directory(name);
            }
            else if (entry.isFile()) {
                long start = upload.count();
                extraction.file(name, tar, (entry.getMode() & OWNER_EXECUTE) != 0, entry.getSize(),
                        () -> upload.count() - start);
            }
            else {
                throw new BundleException(name, "unsupported tar entry type '" + (char) entry.getLinkFlag() + "'");
            }
        }
    }

}
