package io.slipway.buildpacks.bundle;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** The archive formats a bundle may come in, told apart by their first bytes, never by a file name. */
enum ArchiveFormat {

    /** A gzip stream, expected to hold a tar archive. */
    GZIP,

    /** A zip archive: a local file header, or the end record of an empty zip. */
    ZIP,

    /** A tar archive: the {@code ustar} magic, or an all-zero first block (an empty tar). */
    TAR;

    static final int PEEK = 512;

    static final String NOT_AN_ARCHIVE = "not a tar.gz, tar or zip archive";

    /** Looks at the first bytes of a stream that supports mark and reset, leaving it where it was. */
    static ArchiveFormat detect(InputStream in) throws IOException {
        byte[] head = peek(in);
        if (head.length == 0) {
            throw new BundleException(null, "the archive is empty");
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
            return ZIP;
        }
        if (isTar(head)) {
            return TAR;
        }
        throw new BundleException(null, NOT_AN_ARCHIVE);
    }

    /** Checks that the decompressed content of a gzip stream is a tar archive. */
    static void requireTar(InputStream in) throws IOException {
        byte[] head = peek(in);
        if (head.length == 0) {
            throw new BundleException(null, "the archive is empty");
        }
        if (!isTar(head)) {
            throw new BundleException(null, NOT_AN_ARCHIVE);
        }
    }

    private static boolean isTar(byte[] head) {
        if (TarArchiveInputStream.matches(head, head.length)) {
            return true;
        }
        if (head.length < PEEK) {
            return false;
        }
        for (byte b : head) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] peek(InputStream in) throws IOException {
        in.mark(PEEK);
        byte[] head = in.readNBytes(PEEK);
        in.reset();
        return head;
    }

}
