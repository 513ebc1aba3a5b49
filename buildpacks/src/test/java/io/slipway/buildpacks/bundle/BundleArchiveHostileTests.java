package io.slipway.buildpacks.bundle;

import static io.slipway.buildpacks.bundle.TestArchives.tar;
import static io.slipway.buildpacks.bundle.TestArchives.zip;

import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/** {@link BundleArchive#extract} on archives whose names, links or entry types are unsafe. */
class BundleArchiveHostileTests extends ExtractionTestSupport {

    @Test
    void extractWhenEntryLeavesBundleRejectsNamingIt() {
        assertRejects(tar().file("slipway.yaml", "x").file("../evil", "x").tgz(), "../evil", "path leaves the bundle");
    }

    @Test
    void extractWhenEntryLeavesBundleThroughSubfolderRejectsNamingIt() {
        assertRejects(tar().file("model/../../evil", "x").tgz(), "model/../../evil", "path leaves the bundle");
    }

    @Test
    void extractWhenZipEntryLeavesBundleRejectsNamingIt() {
        assertRejects(zip().file("ok.txt", "x").file("../../etc/cron.d/evil", "x").zip(), "../../etc/cron.d/evil",
                "path leaves the bundle");
    }

    @Test
    void extractWhenEntryIsAbsoluteRejectsIt() {
        assertRejects(tar().file("/etc/passwd", "root::0:0").tgz(), "/etc/passwd", "absolute path");
    }

    @Test
    void extractWhenSymlinkLeavesBundleRejectsIt() {
        assertRejects(tar().dir("model/").symlink("model/link", "../../etc/passwd").tgz(), "model/link",
                "link target \"../../etc/passwd\" leaves the bundle");
    }

    @Test
    void extractWhenSymlinkIsAbsoluteRejectsIt() {
        assertRejects(tar().symlink("link", "/etc/passwd").tgz(), "link", "link target \"/etc/passwd\" leaves the bundle");
    }

    @Test
    void extractWhenZipSymlinkLeavesBundleRejectsIt() {
        assertRejects(zip().symlink("link", "../secret").zip(), "link", "link target \"../secret\" leaves the bundle");
    }

    @Test
    void extractWhenHardLinkLeavesBundleRejectsIt() {
        assertRejects(tar().hardlink("hard", "../outside").tgz(), "hard", "link target \"../outside\" leaves the bundle");
    }

    @Test
    void extractWhenEntryGoesThroughSymlinkRejectsIt() {
        assertRejects(tar().dir("model/").symlink("lib", "model").file("lib/x.so", "x").tgz(), "lib/x.so",
                "path goes through a link (\"lib\")");
    }

    @Test
    void extractWhenEntryGoesThroughFileRejectsIt() {
        assertRejects(tar().file("a", "x").file("a/b", "y").tgz(), "a/b", "path goes through a file (\"a\")");
    }

    @Test
    void extractWhenLinkPointsToFolderRejectsIt() {
        assertRejects(tar().file("model/x", "x").symlink("m", "model").tgz(), "m",
                "link target \"model\" is a folder; only links to files are supported");
    }

    @Test
    void extractWhenLinkTargetIsMissingRejectsIt() {
        assertRejects(tar().file("a", "x").symlink("b", "nothing").tgz(), "b",
                "link target \"nothing\" does not exist in the bundle");
    }

    @Test
    void extractWhenLinksLoopRejectsIt() {
        assertRejects(tar().file("x", "x").symlink("a", "b").symlink("b", "a").tgz(), "a",
                "more than 16 links in a row (a loop?)");
    }

    @Test
    void extractWhenCharacterDeviceRejectsIt() {
        assertRejects(tar().file("a", "x").special("dev/null", TarConstants.LF_CHR).tgz(), "dev/null",
                "device files are not allowed");
    }

    @Test
    void extractWhenBlockDeviceRejectsIt() {
        assertRejects(tar().special("sda", TarConstants.LF_BLK).tar(), "sda", "device files are not allowed");
    }

    @Test
    void extractWhenFifoRejectsIt() {
        assertRejects(tar().special("pipe", TarConstants.LF_FIFO).tgz(), "pipe", "FIFOs (named pipes) are not allowed");
    }

    @Test
    void extractWhenZipEntryIsDeviceRejectsIt() {
        assertRejects(zip().entry("tty", 0020644, out -> { }).zip(), "tty", "device files are not allowed");
    }

    @Test
    void extractWhenDuplicateEntryRejectsIt() {
        assertRejects(tar().file("slipway.yaml", "a").file("slipway.yaml", "b").tgz(), "slipway.yaml",
                "duplicate entry");
    }

    @Test
    void extractWhenDuplicateAfterNormalizationRejectsIt() {
        assertRejects(zip().file("model/x.onnx", "a").file("./model//x.onnx", "b").zip(), "./model//x.onnx",
                "duplicate entry");
    }

    @Test
    void extractWhenNameHasNulRejectsIt() {
        assertRejects(zip().file("model.onnx\0.txt", "x").zip(), "model.onnx\0.txt", "NUL character in the name");
    }

    @Test
    void extractWhenNameHasControlCharacterRejectsIt() {
        assertRejects(tar().file("a\nb", "x").tgz(), "a\nb", "control character in the name");
    }

    @Test
    void extractWhenNameHasBackslashRejectsIt() {
        assertRejects(tar().file("..\\..\\evil.bat", "x").tgz(), "..\\..\\evil.bat",
                "backslash in the name (Windows path)");
    }

    @Test
    void extractWhenUnixZipNameHasBackslashRejectsIt() {
        assertRejects(zip().file("model/..\\..\\evil.bat", "x").zip(), "model/..\\..\\evil.bat",
                "backslash in the name (Windows path)");
    }

    @Test
    void extractWhenWindowsZipLeavesBundleRejectsItsNormalizedName() {
        // zips made on Windows (FAT platform) have their backslashes read as separators
        assertRejects(zip().windowsFile("..\\..\\evil.bat", "x").zip(), "../../evil.bat", "path leaves the bundle");
    }

    @Test
    void extractWhenNameHasWindowsDriveRejectsIt() {
        assertRejects(zip().file("C:/Windows/evil.dll", "x").zip(), "C:/Windows/evil.dll", "Windows drive path");
    }

    @Test
    void extractWhenPathTooLongRejectsIt() {
        String name = "m".repeat(300);
        assertRejects(tar().file(name, "x").tgz(), name, "path longer than 255 characters");
    }

    @Test
    void extractWhenPathTooDeepRejectsIt() {
        String name = "d/".repeat(40) + "f";
        assertRejects(tar().file(name, "x").tgz(), name, "path nested deeper than 32 levels");
    }

}
