package io.slipway.buildpacks.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * Checks on the raw structure of a zip file that a zip library does not make: how many entries the
 * central directory holds (counted before the library loads them all into memory), that no two
 * entries share compressed data (the overlapping-entries zip bomb), and that every local file header
 * names the same file as the central directory (an archive that shows different files to different
 * readers is rejected).
 */
final class ZipLayout {

    private static final int EOCD = 0x06054b50;

    private static final int ZIP64_LOCATOR = 0x07064b50;

    private static final int CENTRAL_HEADER = 0x02014b50;

    private static final int LOCAL_HEADER = 0x04034b50;

    private static final int EOCD_SIZE = 22;

    private static final int MAX_COMMENT = 0xffff;

    private ZipLayout() {
    }

    /** Counts the central directory records, rejecting the first one over the entry limit. */
    static void checkEntryCount(FileChannel zip, BundleLimits limits) throws IOException {
        long position = centralDirectory(zip);
        int count = 0;
        while (position + 46 <= zip.size()) {
            ByteBuffer header = read(zip, position, 46);
            if (header.getInt(0) != CENTRAL_HEADER) {
                break;
            }
            int nameLength = header.getShort(28) & 0xffff;
            if (++count > limits.maxEntries()) {
                String name = new String(read(zip, position + 46, nameLength).array(), StandardCharsets.UTF_8);
                throw BundleException.tooLarge(name, "more than " + limits.maxEntries() + " entries");
            }
            position += 46L + nameLength + (header.getShort(30) & 0xffff) + (header.getShort(32) & 0xffff);
        }
    }

    /** Checks the entries, in the order their data lies in the file, for overlaps and name mismatches. */
    static void checkLocalHeaders(FileChannel zip, List<ZipArchiveEntry> physicalOrder) throws IOException {
        long end = 0;
        String previous = null;
        for (ZipArchiveEntry entry : physicalOrder) {
            long offset = entry.getLocalHeaderOffset();
            if (offset < end) {
                throw BundleException.tooLarge(entry.getName(), "its data overlaps entry \"" + previous
                        + "\" (a zip bomb?)");
            }
            ByteBuffer header = read(zip, offset, 30);
            if (header.getInt(0) != LOCAL_HEADER) {
                throw new BundleException(entry.getName(), "no local file header where the central directory says");
            }
            byte[] localName = read(zip, offset + 30, header.getShort(26) & 0xffff).array();
            if (!Arrays.equals(localName, entry.getRawName())) {
                throw new BundleException(entry.getName(), "the local file header names \""
                        + BundleException.printable(new String(localName, StandardCharsets.UTF_8))
                        + "\", the central directory another file");
            }
            end = entry.getDataOffset() + entry.getCompressedSize();
            previous = entry.getName();
        }
    }

    /** Finds where the central directory starts, through the zip64 locator when there is one. */
    private static long centralDirectory(FileChannel zip) throws IOException {
        long size = zip.size();
        int tail = (int) Math.min(size, EOCD_SIZE + MAX_COMMENT);
        ByteBuffer end = read(zip, size - tail, tail);
        for (int i = tail - EOCD_SIZE; i >= 0; i--) {
            if (end.getInt(i) == EOCD) {
                long offset = end.getInt(i + 16) & 0xffffffffL;
                long locator = size - tail + i - 20;
                if (offset == 0xffffffffL && locator >= 0 && read(zip, locator, 20).getInt(0) == ZIP64_LOCATOR) {
                    long zip64End = read(zip, locator, 20).getLong(8);
                    return read(zip, zip64End, 56).getLong(48);
                }
                return offset;
            }
        }
        throw new IOException("no end of central directory record");
    }

    private static ByteBuffer read(FileChannel zip, long position, int length) throws IOException {
        if (position < 0 || position + length > zip.size()) {
            throw new IOException("zip structure points outside the file");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (zip.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return buffer.flip();
    }

}
