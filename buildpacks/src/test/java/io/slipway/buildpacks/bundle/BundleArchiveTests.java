package io.slipway.buildpacks.bundle;

import static io.slipway.buildpacks.bundle.TestArchives.tar;
import static io.slipway.buildpacks.bundle.TestArchives.utf8;
import static io.slipway.buildpacks.bundle.TestArchives.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.slipway.buildpacks.manifest.Manifest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link BundleArchive#extract} on good bundles: the formats, the wrapping folder, links, the target folder. */
class BundleArchiveTests extends ExtractionTestSupport {

    static final String MANIFEST = "name: echo\nmodel:\n  format: echo\n  inputs: [{ name: x, datatype: FP32, shape: [-1] }]\n";

    static TestArchives.Tar goodTar() {
        return tar().file("slipway.yaml", MANIFEST).dir("model/").file("model/labels.txt", "a\nb\n")
                .file("bin/run.sh", utf8("#!/bin/sh\n"), 0755);
    }

    @Test
    void extractTarGzWritesFilesAndExecutableBits() throws IOException {
        ExtractedBundle bundle = extract(goodTar().tgz());

        assertThat(bundle).isEqualTo(new ExtractedBundle(target(), 3, MANIFEST.length() + 4 + 10));
        assertThat(target().resolve("slipway.yaml")).hasContent(MANIFEST);
        assertThat(target().resolve("model/labels.txt")).hasContent("a\nb\n");
        assertThat(Files.isExecutable(target().resolve("bin/run.sh"))).isTrue();
        assertThat(Files.isExecutable(target().resolve("slipway.yaml"))).isFalse();
        assertThat(Manifest.read(target()).name()).isEqualTo("echo");
    }

    @Test
    void extractLeavesEveryFolderAndFileReadableByAll() throws IOException {
        extract(goodTar().tgz());

        assertThat(Files.getPosixFilePermissions(target())).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.getPosixFilePermissions(target().resolve("model")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.getPosixFilePermissions(target().resolve("model/labels.txt")))
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void extractPlainTarGivesSameTreeAsTarGz() {
        String tgz = TreeDigest.of(extract(goodTar().tgz()).root());
        Path other = temp.resolve("other");

        BundleArchive.extract(new ByteArrayInputStream(goodTar().tar()), other, BundleLimits.defaults());

        assertThat(TreeDigest.of(other)).isEqualTo(tgz);
    }

    @Test
    void extractZipWritesFilesAndExecutableBits() {
        byte[] archive = zip().file("slipway.yaml", MANIFEST).dir("model/")
                .entry("bin/run.sh", 0100755, out -> out.write(utf8("#!/bin/sh\n"))).zip();

        ExtractedBundle bundle = extract(archive);

        assertThat(bundle.files()).isEqualTo(2);
        assertThat(target().resolve("slipway.yaml")).hasContent(MANIFEST);
        assertThat(target().resolve("model")).isEmptyDirectory();
        assertThat(Files.isExecutable(target().resolve("bin/run.sh"))).isTrue();
    }

    @Test
    void extractStripsSingleWrappingFolderHoldingManifest() {
        byte[] archive = tar().dir("myapp/").file("myapp/slipway.yaml", MANIFEST)
                .file("myapp/model/labels.txt", "a\n").tgz();

        ExtractedBundle bundle = extract(archive);

        assertThat(bundle.root()).isEqualTo(target());
        assertThat(target().resolve("slipway.yaml")).hasContent(MANIFEST);
        assertThat(target().resolve("model/labels.txt")).hasContent("a\n");
        assertThat(temp).isDirectoryContaining(path -> path.equals(target())).isDirectoryNotContaining(
                path -> !path.equals(target()));
    }

    @Test
    void extractKeepsSingleFolderWithoutManifest() {
        extract(zip().file("data/slipway.yml", "not the manifest").zip());

        assertThat(target().resolve("data/slipway.yml")).exists();
    }

    @Test
    void extractMaterialisesLinksInsideBundleAsCopies() {
        byte[] archive = tar().symlink("model/current.txt", "../store/v1.txt").file("store/v1.txt", "weights")
                .hardlink("model/hard.txt", "store/v1.txt").symlink("chain.txt", "model/current.txt").tgz();

        ExtractedBundle bundle = extract(archive);

        assertThat(bundle.files()).isEqualTo(4);
        for (String link : new String[] { "model/current.txt", "model/hard.txt", "chain.txt" }) {
            assertThat(target().resolve(link)).isRegularFile().hasContent("weights");
            assertThat(Files.isSymbolicLink(target().resolve(link))).isFalse();
        }
    }

    @Test
    void extractMaterialisesZipSymlinkInsideBundle() {
        extract(zip().file("a.txt", "hello").symlink("b.txt", "a.txt").zip());

        assertThat(target().resolve("b.txt")).isRegularFile().hasContent("hello");
    }

    @Test
    void extractAcceptsDotSlashNamesAndRootEntry() {
        extract(tar().dir("./").file("./slipway.yaml", MANIFEST).tgz());

        assertThat(target().resolve("slipway.yaml")).hasContent(MANIFEST);
    }

    @Test
    void extractIntoExistingEmptyFolderFillsIt() throws IOException {
        Files.createDirectory(target());

        extract(goodTar().tgz());

        assertThat(target().resolve("slipway.yaml")).exists();
    }

    @Test
    void extractIntoNonEmptyFolderIsRefused() throws IOException {
        Files.createDirectories(target());
        Files.writeString(target().resolve("old.txt"), "old");

        assertThatIllegalArgumentException().isThrownBy(() -> extract(goodTar().tgz()))
                .withMessageContaining("must not exist or be an empty folder");
        assertThat(target()).isDirectoryContaining(path -> path.endsWith("old.txt"));
    }

    @Test
    void extractSampleAppArchivedWithGnuTarGivesSameTreeAsTheFolder() throws Exception {
        Path samples = Path.of("..", "sample-apps").toAbsolutePath().normalize();
        Path archive = temp.resolve("iris.tgz");
        Process tar = new ProcessBuilder("tar", "czf", archive.toString(), "-C", samples.toString(), "iris-onnx")
                .redirectErrorStream(true).start();
        assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(new String(tar.getInputStream().readAllBytes())).isZero();

        ExtractedBundle bundle = BundleArchive.extract(Files.newInputStream(archive), target(), BundleLimits.defaults());

        assertThat(Manifest.read(bundle.root()).name()).isEqualTo("iris");
        assertThat(TreeDigest.of(bundle.root())).isEqualTo(TreeDigest.of(samples.resolve("iris-onnx")));
    }

}
