package io.slipway.buildpacks.bundle;

import static io.slipway.buildpacks.bundle.TestArchives.tar;
import static io.slipway.buildpacks.bundle.TestArchives.utf8;
import static io.slipway.buildpacks.bundle.TestArchives.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TreeDigest#of}: the same tree gives the same digest, however it was made. */
class TreeDigestTests {

    @TempDir
    Path temp;

    @Test
    void ofGivesSha256Hex() throws IOException {
        assertThat(TreeDigest.of(write("a", "slipway.yaml", "x"))).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void ofSameBundleArchivedDifferentlyGivesSameDigest() {
        byte[] tarGz = tar().file("slipway.yaml", "name: a").dir("model/").file("model/m.onnx", "onnx")
                .file("run.sh", utf8("#!/bin/sh"), 0755).tgz();
        byte[] zip = zip().entry("run.sh", 0100755, out -> out.write(utf8("#!/bin/sh"))).file("model/m.onnx", "onnx")
                .file("slipway.yaml", "name: a").zip();

        assertThat(TreeDigest.of(extract(tarGz, "one"))).isEqualTo(TreeDigest.of(extract(zip, "two")));
    }

    @Test
    void ofIgnoresTimestampsAndEmptyFolders() throws IOException {
        Path one = write("one", "model/m.onnx", "onnx");
        Path two = write("two", "model/m.onnx", "onnx");
        Files.setLastModifiedTime(two.resolve("model/m.onnx"), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        Files.createDirectories(two.resolve("empty/folder"));

        assertThat(TreeDigest.of(one)).isEqualTo(TreeDigest.of(two));
    }

    @Test
    void ofOneByteChangedGivesOtherDigest() throws IOException {
        assertThat(TreeDigest.of(write("one", "model/m.onnx", "onnx")))
                .isNotEqualTo(TreeDigest.of(write("two", "model/m.onnx", "onnX")));
    }

    @Test
    void ofRenamedFileGivesOtherDigest() throws IOException {
        assertThat(TreeDigest.of(write("one", "model/a.onnx", "onnx")))
                .isNotEqualTo(TreeDigest.of(write("two", "model/b.onnx", "onnx")));
    }

    @Test
    void ofExecutableBitChangesDigest() throws IOException {
        Path one = write("one", "run.sh", "#!/bin/sh");
        Path two = write("two", "run.sh", "#!/bin/sh");
        Files.setPosixFilePermissions(two.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(TreeDigest.of(one)).isNotEqualTo(TreeDigest.of(two));
    }

    @Test
    void ofMovingBytesBetweenFilesGivesOtherDigest() throws IOException {
        Path one = write("one", "a", "xy");
        Files.writeString(one.resolve("b"), "z");
        Path two = write("two", "a", "x");
        Files.writeString(two.resolve("b"), "yz");

        assertThat(TreeDigest.of(one)).isNotEqualTo(TreeDigest.of(two));
    }

    @Test
    void ofWhenNotAFolderIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "x");

        assertThatIllegalArgumentException().isThrownBy(() -> TreeDigest.of(file)).withMessageContaining("not a folder");
    }

    private Path extract(byte[] archive, String name) {
        return BundleArchive.extract(new ByteArrayInputStream(archive), temp.resolve(name), BundleLimits.defaults())
                .root();
    }

    private Path write(String root, String file, String content) throws IOException {
        Path path = temp.resolve(root).resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        return temp.resolve(root);
    }

}
