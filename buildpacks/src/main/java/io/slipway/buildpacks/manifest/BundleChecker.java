package io.slipway.buildpacks.manifest;

import io.slipway.buildpacks.manifest.ParseResult.BundleFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads {@code slipway.yaml} from a bundle folder and checks the files it names: each must resolve,
 * symbolic links followed, to a file inside the bundle; the labels must be UTF-8 text and the model
 * must match its format ({@link ModelFiles}).
 */
final class BundleChecker {

    private BundleChecker() {
    }

    static Manifest read(Path bundleDir) {
        Objects.requireNonNull(bundleDir, "bundleDir");
        Problems problems = new Problems(Manifest.FILE_NAME);
        Path root = bundleRoot(bundleDir, problems);
        String text = (root != null) ? manifestText(root, problems) : null;
        if (text == null) {
            throw new ManifestException(problems.sorted());
        }
        ParseResult parsed = ManifestParser.parse(text, Manifest.FILE_NAME);
        problems.addAll(parsed.problems());
        if (parsed.model() != null) {
            Path model = resolve(root, parsed.model(), problems);
            if (model != null) {
                ModelFiles.check(root, model, parsed.model(), parsed.format(), problems);
            }
        }
        if (parsed.labels() != null) {
            Path labels = resolve(root, parsed.labels(), problems);
            if (labels != null) {
                checkLabels(labels, parsed.labels(), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(problems.sorted());
        }
        return parsed.manifest();
    }

    private static Path bundleRoot(Path bundleDir, Problems problems) {
        try {
            Path root = bundleDir.toRealPath();
            if (Files.isDirectory(root)) {
                return root;
            }
            problems.add(0, "", "the bundle " + bundleDir + " is not a folder");
        }
        catch (IOException ex) {
            problems.add(0, "", "the bundle folder " + bundleDir + " does not exist");
        }
        return null;
    }

    private static String manifestText(Path root, Problems problems) {
        Path file = resolve(root, new BundleFile("", Manifest.FILE_NAME, 0), problems);
        if (file == null) {
            return null;
        }
        try {
            if (!Files.isRegularFile(file)) {
                problems.add(0, "", "is not a regular file");
                return null;
            }
            if (Files.size(file) > Limits.MAX_MANIFEST_SIZE) {
                problems.add(0, "", "the file is larger than 1 MiB");
                return null;
            }
            String text = utf8(Files.readAllBytes(file));
            if (text == null) {
                problems.add(0, "", "is not valid UTF-8 text");
            }
            return text;
        }
        catch (IOException ex) {
            problems.add(0, "", "cannot be read: " + ex.getMessage());
            return null;
        }
    }

    /**
     * Resolves a bundle path, following symbolic links, or returns null after reporting that it is
     * missing or leads outside the bundle.
     */
    static Path resolve(Path root, BundleFile file, Problems problems) {
        String shown = Values.quote(file.path());
        Path candidate = root.resolve(file.path()).normalize();
        if (!candidate.startsWith(root)) {
            problems.add(file.line(), file.field(), shown + " leads outside the bundle");
            return null;
        }
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(file.line(), file.field(),
                    file.field().isEmpty() ? "not found at the root of the bundle" : shown + " does not exist in the bundle");
            return null;
        }
        try {
            Path real = candidate.toRealPath();
            if (!real.startsWith(root)) {
                problems.add(file.line(), file.field(), shown + " leads outside the bundle through a symbolic link");
                return null;
            }
            return real;
        }
        catch (IOException ex) {
            problems.add(file.line(), file.field(), shown + " is a symbolic link to nothing");
            return null;
        }
    }

    private static void checkLabels(Path labels, BundleFile file, Problems problems) {
        String shown = Values.quote(file.path());
        try {
            if (!Files.isRegularFile(labels)) {
                problems.add(file.line(), file.field(), shown + " is not a file");
                return;
            }
            if (Files.size(labels) > Limits.MAX_LABELS_BYTES) {
                problems.add(file.line(), file.field(), shown + " is larger than 16 MiB");
                return;
            }
            String text = utf8(Files.readAllBytes(labels));
            if (text == null || text.indexOf('\0') >= 0) {
                problems.add(file.line(), file.field(), shown + " is not a UTF-8 text file (one label a line)");
            }
            else if (text.isBlank()) {
                problems.add(file.line(), file.field(), shown + " is empty; expected one label a line");
            }
        }
        catch (IOException ex) {
            problems.add(file.line(), file.field(), shown + " cannot be read: " + ex.getMessage());
        }
    }

    /** Decodes strict UTF-8 (dropping a byte order mark), or returns null when the bytes are not UTF-8. */
    static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
        catch (CharacterCodingException ex) {
            return null;
        }
    }

    static List<Path> children(Path folder) throws IOException {
        try (var stream = Files.list(folder)) {
            return stream.sorted().toList();
        }
    }

}
