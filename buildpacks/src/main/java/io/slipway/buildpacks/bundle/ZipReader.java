package io.slipway.buildpacks.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Reads a zip archive, spooled to a file, into an {@link Extraction}. The central directory is the
 * truth (it alone holds Unix modes, so links, devices and executable bits); {@link ZipLayout}
 * checks the local headers agree with it. Only stored and deflated entries are read. An entry's
 * expansion ratio is checked on its declared sizes before it is inflated, and it may not then
 * inflate to more than its declared size.
 */
final class ZipReader {

    private static final int FILE_TYPE = 0170000;

    private static final int CHARACTER_DEVICE = 0020000;

    private static final int BLOCK_DEVICE = 0060000;

    private static final int FIFO = 0010000;

    private static final int SOCKET = 0140000;

    private static final int OWNER_EXECUTE = 0100;

    private static final int MAX_LINK_TARGET = 4096;

    private ZipReader() {
    }

    static void read(Path file, BundleLimits limits, Extraction extraction) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ZipLayout.checkEntryCount(channel, limits);
            try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
                ZipLayout.checkLocalHeaders(channel, Collections.list(zip.getEntriesInPhysicalOrder()));
                for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                    read(zip, entry, extraction);
                }
            }
        }
    }

    private static void read(ZipFile zip, ZipArchiveEntry entry, Extraction extraction) throws IOException {
        String name = entry.getName();
        extraction.entry(name);
        int type = entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? entry.getUnixMode() & FILE_TYPE : 0;
        if (type == CHARACTER_DEVICE || type == BLOCK_DEVICE) {
            throw new BundleException(name, "device files are not allowed");
        }
        if (type == FIFO) {
            throw new BundleException(name, "FIFOs (named pipes) are not allowed");
        }
        if (type == SOCKET) {
            throw new BundleException(name, "sockets are not allowed");
        }
        if (entry.isDirectory()) {
            extraction.directory(name);
            return;
        }
        if (entry.getGeneralPurposeBit().usesEncryption()) {
            throw new BundleException(name, "encrypted entries are not supported");
        }
        if (entry.getMethod() != ZipEntry.STORED && entry.getMethod() != ZipEntry.DEFLATED) {
            throw new BundleException(name, "compression method " + entry.getMethod()
                    + " is not supported (use deflate or store)");
        }
        // the declared sizes give the ratio before anything is inflated; the size is then enforced
        extraction.checkRatio(name, entry.getSize(), entry.getCompressedSize());
        try (InputStream content = zip.getInputStream(entry)) {
            if (entry.isUnixSymlink()) {
                extraction.link(name, linkTarget(content), false);
            }
            else {
                boolean executable = (entry.getUnixMode() & OWNER_EXECUTE) != 0;
                extraction.file(name, content, executable, entry.getSize(), entry::getCompressedSize);
            }
        }
    }

    /** Reads a link's target, the content of its entry, without trusting its declared size. */
    private static String linkTarget(InputStream content) throws IOException {
        byte[] target = content.readNBytes(MAX_LINK_TARGET + 1);
        return new String(target, StandardCharsets.UTF_8);
    }

}
