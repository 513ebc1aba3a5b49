package io.slipway.buildpacks.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Builds real archives in memory, hostile ones included: names are written exactly as given. */
final class TestArchives {

    private TestArchives() {
    }

    static Tar tar() {
        return new Tar();
    }

    static Zip zip() {
        return new Zip();
    }

    interface Writer<T> {
        void write(T out) throws IOException;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void zeros(OutputStream out, long size) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        for (long left = size; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
    }

    /** A tar archive, plain or gzipped. */
    static final class Tar {

        private final List<Writer<TarArchiveOutputStream>> entries = new ArrayList<>();

        Tar file(String name, String content) {
            return file(name, utf8(content), 0644);
        }

        Tar file(String name, byte[] content, int mode) {
            return entry(name, TarConstants.LF_NORMAL, mode, content.length, null, out -> out.write(content));
        }

        Tar zeros(String name, long size) {
            return entry(name, TarConstants.LF_NORMAL, 0644, size, null, out -> TestArchives.zeros(out, size));
        }

        Tar dir(String name) {
            return entry(name, TarConstants.LF_DIR, 0755, 0, null, out -> { });
        }

        Tar symlink(String name, String target) {
            return entry(name, TarConstants.LF_SYMLINK, 0777, 0, target, out -> { });
        }

        Tar hardlink(String name, String target) {
            return entry(name, TarConstants.LF_LINK, 0644, 0, target, out -> { });
        }

        Tar special(String name, byte type) {
            return entry(name, type, 0644, 0, null, out -> { });
        }

        private Tar entry(String name, byte type, int mode, long size, String link, Writer<OutputStream> content) {
            entries.add(out -> {
                TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
                entry.setMode(mode);
                entry.setSize(size);
                if (link != null) {
                    entry.setLinkName(link);
                }
                out.putArchiveEntry(entry);
                content.write(out);
                out.closeArchiveEntry();
            });
            return this;
        }

        byte[] tar() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            write(bytes);
            return bytes.toByteArray();
        }

        byte[] tgz() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                write(gzip);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return bytes.toByteArray();
        }

        private void write(OutputStream target) {
            try {
                TarArchiveOutputStream out = new TarArchiveOutputStream(target);
                out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                out.setAddPaxHeadersForNonAsciiNames(true);
                for (Writer<TarArchiveOutputStream> entry : entries) {
                    entry.write(out);
                }
                out.finish();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

    }

    /** A zip archive; Unix modes go into the central directory. */
    static final class Zip {

        private final List<Writer<ZipArchiveOutputStream>> entries = new ArrayList<>();

        Zip file(String name, String content) {
            return entry(name, 0100644, out -> out.write(utf8(content)));
        }

        Zip windowsFile(String name, String content) {
            entries.add(out -> {
                out.putArchiveEntry(new ZipArchiveEntry(name));
                out.write(utf8(content));
                out.closeArchiveEntry();
            });
            return this;
        }

        Zip zeros(String name, long size) {
            return entry(name, 0100644, out -> TestArchives.zeros(out, size));
        }

        Zip dir(String name) {
            return entry(name, 040755, out -> { });
        }

        Zip symlink(String name, String target) {
            return entry(name, 0120777, out -> out.write(utf8(target)));
        }

        Zip entry(String name, int unixMode, Writer<OutputStream> content) {
            entries.add(out -> {
                ZipArchiveEntry entry = new ZipArchiveEntry(name);
                entry.setUnixMode(unixMode);
                out.putArchiveEntry(entry);
                content.write(out);
                out.closeArchiveEntry();
            });
            return this;
        }

        byte[] zip() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
                for (Writer<ZipArchiveOutputStream> entry : entries) {
                    entry.write(out);
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return bytes.toByteArray();
        }

    }

}
