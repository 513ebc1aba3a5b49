package io.slipway.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.buildpacks.manifest.ManifestProblem;
import io.slipway.buildpacks.manifest.ModelFormat;
import io.slipway.buildpacks.manifest.TensorSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelManifestTests {

    @Test
    void torchScriptFormWritesAValidManifestWithItsInputLabelsAndScaling() {
        ModelForm form = form("digits", "torchscript");
        form.setModelName("digits-v2");
        form.setInputName("input");
        form.setInputShape("-1, 1, 8, 8");
        form.setMinInstances("2");
        form.setMaxInstances("4");
        FormErrors errors = new FormErrors();

        String yaml = ModelManifest.yaml(form, "torchscript", "model/digits.pt", true, errors);

        assertThat(errors.any()).isFalse();
        Manifest manifest = Manifest.parse(yaml, Manifest.FILE_NAME);
        assertThat(manifest.name()).isEqualTo("digits");
        assertThat(manifest.model().name()).isEqualTo("digits-v2");
        assertThat(manifest.model().format()).isEqualTo(ModelFormat.TORCHSCRIPT);
        assertThat(manifest.model().path()).isEqualTo("model/digits.pt");
        assertThat(manifest.model().labels()).isEqualTo("model/labels.txt");
        assertThat(manifest.model().inputs()).containsExactly(new TensorSpec("input", "FP32", List.of(-1L, 1L, 8L, 8L)));
        assertThat(manifest.scaling().minInstances()).isEqualTo(2);
        assertThat(manifest.scaling().maxInstances()).isEqualTo(4);
    }

    @Test
    void onnxFormWithoutInputsNamesTheModelAfterTheApp() {
        FormErrors errors = new FormErrors();
        String yaml = ModelManifest.yaml(form("iris", "onnx"), "onnx", "model/iris.onnx", false, errors);

        Manifest manifest = Manifest.parse(yaml, Manifest.FILE_NAME);
        assertThat(errors.any()).isFalse();
        assertThat(manifest.model().name()).isEqualTo("iris");
        assertThat(manifest.model().inputs()).isEmpty();
        assertThat(manifest.model().labels()).isNull();
    }

    @Test
    void torchScriptWithoutAnInputAndABadShapeAreFieldErrors() {
        ModelForm form = form("digits", "torchscript");
        form.setInputShape("eight by eight");
        form.setMaxInstances("many");
        FormErrors errors = new FormErrors();

        ModelManifest.yaml(form, "torchscript", "model/digits.pt", false, errors);

        assertThat(errors.of("inputShape")).singleElement().asString().contains("whole numbers");
        assertThat(errors.of("inputName")).isNotEmpty();
        assertThat(errors.of("maxInstances")).containsExactly("enter a whole number");
    }

    @Test
    void formatComesFromTheFileNameWhenNotChosen() {
        FormErrors errors = new FormErrors();
        assertThat(ModelManifest.format(form("a", "auto"), "net.onnx", errors)).isEqualTo("onnx");
        assertThat(ModelManifest.format(form("a", "auto"), "net.PT", errors)).isEqualTo("torchscript");
        assertThat(ModelManifest.format(form("a", "onnx"), "weights.bin", errors)).isEqualTo("onnx");
        assertThat(errors.any()).isFalse();
        assertThat(ModelManifest.format(form("a", "auto"), "weights.bin", errors)).isNull();
        assertThat(errors.of("model")).singleElement().asString().contains("weights.bin");
    }

    @Test
    void modelPathKeepsASafeNameWithTheFormatsExtension() {
        assertThat(ModelManifest.modelPath("C:\\models\\my net.onnx", "onnx")).isEqualTo("model/my_net.onnx");
        assertThat(ModelManifest.modelPath("../../etc/passwd", "torchscript")).isEqualTo("model/passwd.pt");
        assertThat(ModelManifest.modelPath(".hidden", "onnx")).isEqualTo("model/hidden.onnx");
        assertThat(ModelManifest.modelPath(null, "onnx")).isEqualTo("model/model.onnx");
    }

    @Test
    void manifestProblemsAreShownAtTheFieldTheyComeFrom() {
        assertThat(ModelManifest.fieldOf(problem("scaling.maxInstances"))).isEqualTo("maxInstances");
        assertThat(ModelManifest.fieldOf(problem("model.inputs[0].shape[1]"))).isEqualTo("inputShape");
        assertThat(ModelManifest.fieldOf(problem("model.inputs[0].datatype"))).isEqualTo("inputDatatype");
        assertThat(ModelManifest.fieldOf(problem("model.path"))).isEqualTo("model");
        assertThat(ModelManifest.fieldOf(problem("serving.workers"))).isEqualTo(FormErrors.GLOBAL);
    }

    @Test
    void sampleRequestHasOneRowOfPlaceholdersPerDeclaredInput() {
        var sample = SampleRequest.of(List.of(new TensorSpec("input", "FP32", List.of(-1L, 4L)),
                new TensorSpec("mask", "BOOL", List.of(2L))));
        assertThat(sample).isNotNull();
        assertThat(sample.get("inputs").toString())
                .isEqualTo("[{name=input, datatype=FP32, shape=[1, 4], data=[0.5, 0.5, 0.5, 0.5]}, "
                        + "{name=mask, datatype=BOOL, shape=[2], data=[false, false]}]");
        assertThat(SampleRequest.of(List.of())).isNull();
    }

    private static ModelForm form(String app, String format) {
        ModelForm form = new ModelForm();
        form.setAppName(app);
        form.setFormat(format);
        return form;
    }

    private static ManifestProblem problem(String path) {
        return new ManifestProblem("slipway.yaml", path, "wrong");
    }
}
