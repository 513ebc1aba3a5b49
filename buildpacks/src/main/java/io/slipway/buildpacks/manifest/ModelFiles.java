package io.slipway.buildpacks.manifest;

import io.slipway.buildpacks.manifest.ParseResult.BundleFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks that a model file or folder matches its declared format by its first bytes: an ONNX model
 * is a protobuf {@code ModelProto}, a TorchScript model a zip archive. A folder must hold exactly
 * one {@code .onnx} or {@code .pt} file, which is checked the same way.
 */
final class ModelFiles {

    private static final byte[] ZIP = { 'P', 'K', 3, 4 };

    /**
     * The (field number, wire type) pairs that may start a serialized {@code ModelProto}: ir_version,
     * producer_name, producer_version, domain, model_version, doc_string, graph, opset_import,
     * metadata_props, training_info, functions and configuration.
     */
    private static final Set<Integer> ONNX_FIRST_FIELDS = Set.of(1 << 3, 2 << 3 | 2, 3 << 3 | 2, 4 << 3 | 2, 5 << 3,
            6 << 3 | 2, 7 << 3 | 2, 8 << 3 | 2, 14 << 3 | 2, 20 << 3 | 2, 25 << 3 | 2, 26 << 3 | 2);

    private ModelFiles() {
    }

    static void check(Path root, Path model, BundleFile file, ModelFormat format, Problems problems) {
        if (format == null || format == ModelFormat.ECHO) {
            return;
        }
        String extension = (format == ModelFormat.ONNX) ? ".onnx" : ".pt";
        String shown = file.path();
        Path modelFile = model;
        try {
            if (Files.isDirectory(model)) {
                List<Path> found = BundleChecker.children(model).stream()
                        .filter(child -> child.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension))
                        .toList();
                if (found.size() != 1) {
                    problems.add(file.line(), file.field(), "the folder " + Values.quote(shown)
                            + " must contain exactly one " + extension + " file, found " + names(found));
                    return;
                }
                shown = (shown.equals(".") ? "" : shown + "/") + found.get(0).getFileName();
                modelFile = BundleChecker.resolve(root, new BundleFile(file.field(), shown, file.line()), problems);
                if (modelFile == null) {
                    return;
                }
            }
            String problem = problem(modelFile, format);
            if (problem != null) {
                problems.add(file.line(), file.field(), Values.quote(shown) + " " + problem);
            }
        }
        catch (IOException ex) {
            problems.add(file.line(), file.field(), Values.quote(shown) + " cannot be read: " + ex.getMessage());
        }
    }

    private static String names(List<Path> found) {
        if (found.isEmpty()) {
            return "none";
        }
        return found.size() + ": " + String.join(", ", found.stream().map(p -> p.getFileName().toString()).toList());
    }

    private static String problem(Path file, ModelFormat format) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "is not a file or folder";
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        if (head.length == 0) {
            return "is empty";
        }
        boolean zip = startsWith(head, ZIP);
        if (format == ModelFormat.ONNX && !looksLikeOnnx(head)) {
            return zip ? "is a zip archive, not an ONNX model (for TorchScript, write format: torchscript)"
                    : "is not an ONNX model: expected a protobuf ModelProto";
        }
        if (format == ModelFormat.TORCHSCRIPT && !zip) {
            return "is not a TorchScript model: expected a zip archive as written by torch.jit.save"
                    + (looksLikeOnnx(head) ? " (for ONNX, write format: onnx)" : "");
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the bytes start with a protobuf tag (a varint) of a field that opens a {@code ModelProto}. */
    static boolean looksLikeOnnx(byte[] head) {
        int tag = 0;
        for (int i = 0; i < Math.min(head.length, 2); i++) {
            tag |= (head[i] & 0x7f) << (7 * i);
            if ((head[i] & 0x80) == 0) {
                return ONNX_FIRST_FIELDS.contains(tag) && head.length > i + 1;
            }
        }
        return false;
    }

}
