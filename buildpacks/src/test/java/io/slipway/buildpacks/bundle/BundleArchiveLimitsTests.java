package io.slipway.buildpacks.bundle;

import static io.slipway.buildpacks.bundle.TestArchives.tar;
import static io.slipway.buildpacks.bundle.TestArchives.utf8;
import static io.slipway.buildpacks.bundle.TestArchives.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link BundleArchive#extract} on archives that are too large, bombs, empty, broken or no archives at all. */
class BundleArchiveLimitsTests extends ExtractionTestSupport {

    static final long GIB = 1024L * 1024 * 1024;

    static final long MIB = 1024L * 1024;

    /** 1 GiB of zeros deflated to about 1 MiB; written once, streamed, never held expanded. */
    static final byte[] ZIP_BOMB = zip().file("slipway.yaml", "x").zeros("zeros.bin", GIB).zip();

    static final BundleLimits DEFAULTS = BundleLimits.defaults();

    @Test
    void extractWhenZipBombRejectsItByRatio() {
        BundleException ex = assertRejects(ZIP_BOMB, DEFAULTS.withMaxExpandedBytes(64 * MIB), "zeros.bin",
                "expands more than 100 times its compressed size (a zip bomb?)");
        assertThat(ex.kind()).isEqualTo(BundleException.Kind.TOO_LARGE);
    }

    @Test
    void extractWhenZipBombAndRatioAllowedStopsAtExpandedLimit() {
        BundleLimits limits = new BundleLimits(GIB, 16 * MIB, 10, Integer.MAX_VALUE, 255, 32);
        assertRejects(ZIP_BOMB, limits, "zeros.bin", "the bundle expands to more than 16 MiB");
    }

    @Test
    void extractWhenTarGzBombRejectsItByRatio() {
        assertRejects(tar().zeros("zeros.bin", 64 * MIB).tgz(), "zeros.bin",
                "expands more than 100 times its compressed size (a zip bomb?)");
    }

    @Test
    void extractWhenTotalOverExpandedLimitRejectsEntryThatCrossesIt() {
        byte[] archive = tar().file("a.bin", random(600), 0644).file("b.bin", random(600), 0644).tgz();
        BundleException ex = assertRejects(archive, DEFAULTS.withMaxExpandedBytes(1024), "b.bin",
                "the bundle expands to more than 1 KiB");
        assertThat(ex.kind()).isEqualTo(BundleException.Kind.TOO_LARGE);
    }

    @Test
    void extractWhenArchiveOverSizeLimitRejectsIt() {
        byte[] archive = tar().file("a.bin", random(4096), 0644).tgz();
        BundleException ex = assertRejects(archive, DEFAULTS.withMaxArchiveBytes(1024), null,
                "the archive is larger than 1 KiB");
        assertThat(ex).hasMessage("the archive is larger than 1 KiB");
        assertThat(ex.kind()).isEqualTo(BundleException.Kind.TOO_LARGE);
    }

    @Test
    void extractWhenZipOverSizeLimitRejectsItWhileSpooling() {
        assertRejects(zip().file("a.txt", new String(random(4096))).zip(), DEFAULTS.withMaxArchiveBytes(2048), null,
                "the archive is larger than 2 KiB");
    }

    @Test
    void extractWhenTooManyEntriesRejectsFirstOneOver() {
        TestArchives.Tar archive = tar();
        for (int i = 0; i < 11; i++) {
            archive.file("f" + i, "x");
        }
        assertRejects(archive.tgz(), limitEntries(10), "f10", "more than 10 entries");
    }

    @Test
    void extractWhenZipHasTooManyEntriesRejectsBeforeReadingThem() {
        TestArchives.Zip archive = zip();
        for (int i = 0; i < 11; i++) {
            archive.file("f" + i, "x");
        }
        assertRejects(archive.zip(), limitEntries(10), "f10", "more than 10 entries");
    }

    @Test
    void extractWhenZipLocalHeaderDisagreesWithCentralDirectoryRejectsIt() {
        byte[] archive = patchFirst(zip().file("good.txt", "content").zip(), "good.txt", "../e.txt");
        assertRejects(archive, "good.txt", "the local file header names \"../e.txt\", the central directory another file");
    }

    @Test
    void extractWhenZipEntriesShareDataRejectsIt() {
        byte[] archive = zip().file("a", "first").file("b", "second").zip();
        int second = indexOf(archive, new byte[] { 'P', 'K', 1, 2 }, indexOf(archive, new byte[] { 'P', 'K', 1, 2 }, 0) + 1);
        Arrays.fill(archive, second + 42, second + 46, (byte) 0);
        assertRejects(archive, "b", "its data overlaps entry \"a\" (a zip bomb?)");
    }

    @Test
    void extractWhenZipEntryInflatesBeyondDeclaredSizeRejectsIt() {
        byte[] archive = zip().file("model.bin", new String(random(5000))).zip();
        int central = indexOf(archive, new byte[] { 'P', 'K', 1, 2 }, 0);
        archive[central + 24] = 10;
        archive[central + 25] = 0;
        assertRejects(archive, "model.bin", "holds more data than its header declares");
    }

    @Test
    void extractWhenEmptyInputRejectsIt() {
        assertRejects(new byte[0], null, "the archive is empty");
    }

    @Test
    void extractWhenEmptyTarRejectsIt() {
        assertRejects(tar().tar(), null, "the archive is empty");
        assertRejects(tar().tgz(), null, "the archive is empty");
    }

    @Test
    void extractWhenOnlyFoldersRejectsItAsEmpty() {
        assertRejects(zip().zip(), null, "the archive is empty");
        assertRejects(zip().dir("model/").zip(), null, "the archive is empty");
    }

    @Test
    void extractWhenGzipTruncatedRejectsItNamingTheEntryCutOff() {
        byte[] archive = tar().file("slipway.yaml", "x").file("model.bin", random(8192), 0644).tgz();
        assertRejects(Arrays.copyOf(archive, archive.length / 2), "model.bin", "the archive is truncated or corrupt");
    }

    @Test
    void extractWhenTarTruncatedRejectsItNamingTheEntryCutOff() {
        byte[] archive = tar().file("slipway.yaml", "x").file("model.bin", random(8192), 0644).tar();
        assertRejects(Arrays.copyOf(archive, 3000), "model.bin", "the archive is truncated or corrupt");
    }

    @Test
    void extractWhenZipTruncatedRejectsIt() {
        byte[] archive = zip().file("slipway.yaml", "x").file("model.bin", new String(random(8192))).zip();
        assertRejects(Arrays.copyOf(archive, archive.length - 30), null, "the archive is truncated or corrupt");
    }

    @Test
    void extractWhenTarHeaderIsCorruptRejectsIt() {
        byte[] archive = tar().file("slipway.yaml", "x").file("model.bin", "y").tar();
        Arrays.fill(archive, 1024 + 124, 1024 + 136, (byte) 'z'); // the size field of the second header
        assertRejects(archive, null, "the archive is truncated or corrupt");
    }

    @Test
    void extractWhenNotAnArchiveRejectsIt() {
        assertRejects(utf8("name: iris\nmodel: { format: onnx }\n".repeat(20)), null, "not a tar.gz, tar or zip archive");
    }

    @Test
    void extractWhenGzipHoldsNoTarRejectsIt() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            gzip.write(utf8("just text, not a tar\n".repeat(100)));
        }
        assertRejects(bytes.toByteArray(), null, "not a tar.gz, tar or zip archive");
    }

    static BundleLimits limitEntries(int entries) {
        return new BundleLimits(GIB, GIB, entries, 100, 255, 32);
    }

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + Math.floorMod(bytes[i], 26));
        }
        return bytes;
    }

    static byte[] patchFirst(byte[] data, String from, String to) {
        int at = indexOf(data, utf8(from), 0);
        System.arraycopy(utf8(to), 0, data, at, to.length());
        return data;
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        for (int i = from; i <= data.length - pattern.length; i++) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("pattern not found");
    }

}
