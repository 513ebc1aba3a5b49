package io.slipway.runtime.model;

import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.buildpacks.manifest.ModelSpec;
import io.slipway.buildpacks.manifest.TensorSpec;
import io.slipway.runtime.tensor.DataType;
import io.slipway.runtime.tensor.Shapes;
import io.slipway.runtime.tensor.TensorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads the model a manifest names. What the manifest declares about inputs and outputs
 * overrides what the model file says, but must agree with it on names.
 */
public final class ModelLoader {

    private ModelLoader() {
    }

    /**
     * Loads the model of {@code manifest} from the bundle in {@code bundleDir}.
     *
     * @throws ModelLoadException with the reason when the model cannot be served
     */
    public static InferenceModel load(Path bundleDir, Manifest manifest) {
        ModelSpec spec = manifest.model();
        List<TensorInfo> declaredInputs = toInfos(spec.inputs());
        List<TensorInfo> declaredOutputs = toInfos(spec.outputs());
        return switch (spec.format()) {
            case ECHO -> EchoModel.echoing(spec.name(), declaredInputs,
                    Duration.ofMillis(spec.echo() == null ? 0 : spec.echo().delayMs()));
            case ONNX -> {
                DjlModel model = OnnxLoader.load(spec.name(), modelFile(bundleDir, spec.path(), ".onnx"));
                yield model.withMetadata(override(model.metadata(), declaredInputs, declaredOutputs));
            }
            case TORCHSCRIPT -> {
                DjlModel model = TorchScriptLoader.load(spec.name(), modelFile(bundleDir, spec.path(), ".pt"),
                        declaredInputs);
                yield declaredOutputs.isEmpty() ? model
                        : model.withMetadata(model.metadata().withOutputs(declaredOutputs));
            }
        };
    }

    /** Reads a labels file: one class name a line, blank lines ignored. */
    public static List<String> readLabels(Path bundleDir, String labelsPath) {
        if (labelsPath == null) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(bundleDir.resolve(labelsPath))) {
            return lines.map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new ModelLoadException("cannot read labels " + labelsPath + ": " + e.getMessage(), e);
        }
    }

    static List<TensorInfo> toInfos(List<TensorSpec> specs) {
        List<TensorInfo> infos = new ArrayList<>();
        for (TensorSpec spec : specs) {
            long[] shape = spec.shape().stream().mapToLong(Long::longValue).toArray();
            infos.add(new TensorInfo(spec.name(), DataType.parse(spec.datatype()), shape));
        }
        return infos;
    }

    private static Path modelFile(Path bundleDir, String path, String extension) {
        Path file = bundleDir.resolve(path).normalize();
        if (Files.isDirectory(file)) {
            try (Stream<Path> children = Files.list(file)) {
                List<Path> candidates = children.filter(p -> p.getFileName().toString().endsWith(extension)).toList();
                if (candidates.size() != 1) {
                    throw new ModelLoadException("model.path " + path + " is a folder with " + candidates.size()
                            + " " + extension + " files; it needs exactly one");
                }
                return candidates.get(0);
            } catch (IOException e) {
                throw new ModelLoadException("cannot list model folder " + path + ": " + e.getMessage(), e);
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("model file " + path + " does not exist in " + bundleDir);
        }
        return file;
    }

    private static ModelMetadata override(ModelMetadata fromModel, List<TensorInfo> inputs, List<TensorInfo> outputs) {
        checkNames("inputs", fromModel.inputs(), inputs);
        checkNames("outputs", fromModel.outputs(), outputs);
        return new ModelMetadata(fromModel.name(), fromModel.version(), fromModel.platform(),
                inputs.isEmpty() ? fromModel.inputs() : ordered(fromModel.inputs(), inputs),
                outputs.isEmpty() ? fromModel.outputs() : ordered(fromModel.outputs(), outputs));
    }

    private static void checkNames(String role, List<TensorInfo> actual, List<TensorInfo> declared) {
        if (declared.isEmpty()) {
            return;
        }
        var actualNames = actual.stream().map(TensorInfo::name).collect(Collectors.toSet());
        var declaredNames = declared.stream().map(TensorInfo::name).collect(Collectors.toSet());
        if (!actualNames.equals(declaredNames)) {
            throw new ModelLoadException("slipway.yaml: model." + role + " declares " + declaredNames
                    + " but the model has " + role + " " + actual.stream().map(TensorInfo::toString).toList());
        }
        for (TensorInfo info : declared) {
            TensorInfo real = actual.stream().filter(a -> a.name().equals(info.name())).findFirst().orElseThrow();
            if (real.datatype() != info.datatype()) {
                throw new ModelLoadException("slipway.yaml: model." + role + " declares " + info.name() + " as "
                        + info.datatype() + " but the model takes " + real.datatype());
            }
            if (real.shape().length != info.shape().length) {
                throw new ModelLoadException("slipway.yaml: model." + role + " declares " + info.name() + " with shape "
                        + Shapes.format(info.shape()) + " but the model's is " + Shapes.format(real.shape()));
            }
        }
    }

    private static List<TensorInfo> ordered(List<TensorInfo> modelOrder, List<TensorInfo> declared) {
        return modelOrder.stream()
                .map(m -> declared.stream().filter(d -> d.name().equals(m.name())).findFirst().orElseThrow())
                .toList();
    }
}
