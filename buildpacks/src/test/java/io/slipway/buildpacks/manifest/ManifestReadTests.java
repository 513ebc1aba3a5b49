package io.slipway.buildpacks.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Manifest#read(Path)} on real bundle folders. */
class ManifestReadTests {

    /** The first bytes of a real ONNX file: ir_version 8, then producer_name "pytorch". */
    static final byte[] ONNX = { 0x08, 0x08, 0x12, 0x07, 'p', 'y', 't', 'o', 'r', 'c', 'h' };

    static final byte[] ZIP = { 'P', 'K', 3, 4, 20, 0, 0, 0 };

    @TempDir
    Path temp;

    Path bundle;

    @BeforeEach
    void createBundle() throws IOException {
        bundle = Files.createDirectory(temp.resolve("bundle"));
    }

    @Test
    void readValidBundleGivesManifest() throws IOException {
        write("model/iris.onnx", ONNX);
        write("model/labels.txt", "setosa\nversicolor\nvirginica\n".getBytes(StandardCharsets.UTF_8));
        manifest(ManifestTests.DESIGN_EXAMPLE);

        Manifest manifest = Manifest.read(bundle);

        assertThat(manifest).isEqualTo(Manifest.parse(ManifestTests.DESIGN_EXAMPLE, "slipway.yaml"));
    }

    @Test
    void readAcceptsModelFoldersWithExactlyOneModelFile() throws IOException {
        write("onnx/model.onnx", ONNX);
        write("onnx/model.onnx_data", new byte[] { 1, 2, 3 });
        manifest("name: iris\nmodel: { format: onnx, path: onnx/ }");
        assertThat(Manifest.read(bundle).model().path()).isEqualTo("onnx");

        write("torch/traced.pt", ZIP);
        manifest("name: iris\nmodel: { format: torchscript, path: torch, inputs: [{name: x, datatype: FP32, shape: [-1, 4]}] }");
        assertThat(Manifest.read(bundle).model().format()).isEqualTo(ModelFormat.TORCHSCRIPT);
    }

    @Test
    void readAcceptsSymbolicLinksInsideTheBundle() throws IOException {
        write("store/iris.onnx", ONNX);
        Files.createDirectories(bundle.resolve("model"));
        Files.createSymbolicLink(bundle.resolve("model/iris.onnx"), Path.of("../store/iris.onnx"));
        manifest("name: iris\nmodel: { format: onnx, path: model/iris.onnx }");

        assertThat(Manifest.read(bundle).model().path()).isEqualTo("model/iris.onnx");
    }

    @Test
    void readWhenManifestMissingReportsIt() {
        assertThat(problems()).containsExactly("slipway.yaml: not found at the root of the bundle");
    }

    @Test
    void readWhenBundleMissingReportsIt() {
        Path missing = temp.resolve("nothing");

        ManifestException ex = catchThrowableOfType(ManifestException.class, () -> Manifest.read(missing));

        assertThat(ex).hasMessage("slipway.yaml: the bundle folder " + missing + " does not exist");
    }

    @Test
    void readWhenManifestNotUtf8ReportsIt() throws IOException {
        write("slipway.yaml", new byte[] { 'n', 'a', 'm', 'e', ':', ' ', (byte) 0xff, (byte) 0xfe });

        assertThat(problems()).containsExactly("slipway.yaml: is not valid UTF-8 text");
    }

    @Test
    void readWhenModelFileMissingReportsPath() throws IOException {
        manifest("name: iris\nmodel:\n  format: onnx\n  path: model/iris.onnx\n");

        assertThat(problems())
                .containsExactly("slipway.yaml:4: model.path: \"model/iris.onnx\" does not exist in the bundle");
    }

    @Test
    void readWhenPathEscapesWithDotDotReportsIt() throws IOException {
        Files.write(temp.resolve("outside.onnx"), ONNX);
        manifest("name: iris\nmodel: { format: onnx, path: ../outside.onnx }");

        assertThat(problems())
                .containsExactly("slipway.yaml:2: model.path: must stay inside the bundle, got \"../outside.onnx\"");
    }

    @Test
    void readWhenPathEscapesThroughSymbolicLinkReportsIt() throws IOException {
        Files.write(temp.resolve("outside.onnx"), ONNX);
        Files.createSymbolicLink(bundle.resolve("model.onnx"), temp.resolve("outside.onnx"));
        Files.createSymbolicLink(bundle.resolve("dir"), temp);
        manifest("name: iris\nmodel: { format: onnx, path: model.onnx, labels: dir/outside.onnx }");

        assertThat(problems()).containsExactly(
                "slipway.yaml:2: model.path: \"model.onnx\" leads outside the bundle through a symbolic link",
                "slipway.yaml:2: model.labels: \"dir/outside.onnx\" leads outside the bundle through a symbolic link");
    }

    @Test
    void readWhenManifestIsSymbolicLinkOutsideReportsIt() throws IOException {
        Files.writeString(temp.resolve("elsewhere.yaml"), "name: iris\nmodel: { format: echo }");
        Files.createSymbolicLink(bundle.resolve("slipway.yaml"), temp.resolve("elsewhere.yaml"));

        assertThat(problems())
                .containsExactly("slipway.yaml: \"slipway.yaml\" leads outside the bundle through a symbolic link");
    }

    @Test
    void readWhenLabelsMissingOrNotTextReportsIt() throws IOException {
        write("iris.onnx", ONNX);
        manifest("name: iris\nmodel: { format: onnx, path: iris.onnx, labels: labels.txt }");
        assertThat(problems()).containsExactly("slipway.yaml:2: model.labels: \"labels.txt\" does not exist in the bundle");

        write("labels.txt", new byte[] { 'a', 0, (byte) 0xc3 });
        assertThat(problems()).containsExactly(
                "slipway.yaml:2: model.labels: \"labels.txt\" is not a UTF-8 text file (one label a line)");

        write("labels.txt", "\n \n".getBytes(StandardCharsets.UTF_8));
        assertThat(problems())
                .containsExactly("slipway.yaml:2: model.labels: \"labels.txt\" is empty; expected one label a line");

        Files.delete(bundle.resolve("labels.txt"));
        Files.createDirectory(bundle.resolve("labels.txt"));
        assertThat(problems()).containsExactly("slipway.yaml:2: model.labels: \"labels.txt\" is not a file");
    }

    @Test
    void readWhenTorchScriptIsNotZipReportsIt() throws IOException {
        write("model.pt", "not a zip".getBytes(StandardCharsets.UTF_8));
        manifest("name: iris\nmodel: { format: torchscript, path: model.pt, inputs: [{name: x, datatype: FP32, shape: [-1, 4]}] }");
        assertThat(problems()).containsExactly("slipway.yaml:2: model.path: \"model.pt\" is not a TorchScript model:"
                + " expected a zip archive as written by torch.jit.save");

        write("model.pt", ONNX);
        assertThat(problems()).containsExactly("slipway.yaml:2: model.path: \"model.pt\" is not a TorchScript model:"
                + " expected a zip archive as written by torch.jit.save (for ONNX, write format: onnx)");
    }

    @Test
    void readWhenOnnxIsNotModelProtoReportsIt() throws IOException {
        write("model.onnx", new byte[0]);
        manifest("name: iris\nmodel: { format: onnx, path: model.onnx }");
        assertThat(problems()).containsExactly("slipway.yaml:2: model.path: \"model.onnx\" is empty");

        write("model.onnx", "<html>".getBytes(StandardCharsets.UTF_8));
        assertThat(problems()).containsExactly(
                "slipway.yaml:2: model.path: \"model.onnx\" is not an ONNX model: expected a protobuf ModelProto");

        write("model.onnx", ZIP);
        assertThat(problems()).containsExactly("slipway.yaml:2: model.path: \"model.onnx\" is a zip archive, not an"
                + " ONNX model (for TorchScript, write format: torchscript)");
    }

    @Test
    void readWhenModelFolderHasNoneOrSeveralModelFilesReportsThem() throws IOException {
        Files.createDirectories(bundle.resolve("model"));
        manifest("name: iris\nmodel: { format: onnx, path: model }");
        assertThat(problems()).containsExactly(
                "slipway.yaml:2: model.path: the folder \"model\" must contain exactly one .onnx file, found none");

        write("model/a.onnx", ONNX);
        write("model/b.onnx", ONNX);
        assertThat(problems()).containsExactly("slipway.yaml:2: model.path: the folder \"model\" must contain exactly"
                + " one .onnx file, found 2: a.onnx, b.onnx");
    }

    @Test
    void readWhenEchoModelHasNoInputsReportsIt() throws IOException {
        manifest("name: echo\nmodel:\n  format: echo\n");

        assertThat(problems()).containsExactly(
                "slipway.yaml:3: model.inputs: required for format echo, which answers with its inputs");
    }

    @Test
    void readEchoModelNeedsNoFiles() throws IOException {
        manifest("name: echo\nmodel:\n  format: echo\n  inputs: [{ name: x, datatype: FP32, shape: [-1] }]\n");

        assertThat(Manifest.read(bundle).model().echo()).isEqualTo(new EchoSpec(0));
    }

    @Test
    void readReportsSchemaAndFileProblemsTogether() throws IOException {
        manifest("name: iris\nmodel: { format: onnx, path: missing.onnx, labels: missing.txt }\nserving: { workers: 0 }");

        assertThat(problems()).containsExactly(
                "slipway.yaml:2: model.path: \"missing.onnx\" does not exist in the bundle",
                "slipway.yaml:2: model.labels: \"missing.txt\" does not exist in the bundle",
                "slipway.yaml:3: serving.workers: must be between 1 and 64, got 0");
    }

    private void manifest(String yaml) throws IOException {
        Files.writeString(bundle.resolve("slipway.yaml"), yaml);
    }

    private void write(String path, byte[] content) throws IOException {
        Path file = bundle.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    private List<String> problems() {
        ManifestException ex = catchThrowableOfType(ManifestException.class, () -> Manifest.read(bundle));
        assertThat(ex).as("expected problems").isNotNull();
        return ex.problems().stream().map(ManifestProblem::toString).toList();
    }

}
