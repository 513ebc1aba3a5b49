package io.slipway.buildpacks.manifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one manifest, each placed at the line of the YAML node it is about. */
final class Problems {

    private final String file;

    private final List<ManifestProblem> problems = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    static int lineOf(Node node) {
        return (node == null || node.getStartMark() == null) ? 0 : node.getStartMark().getLine() + 1;
    }

    void add(Node node, String path, String message) {
        add(lineOf(node), path, message);
    }

    void add(int line, String path, String message) {
        problems.add(new ManifestProblem(file, line, path, message));
    }

    void addAll(List<ManifestProblem> more) {
        problems.addAll(more);
    }

    /** A mark to compare {@link #count()} with, to learn whether a section added problems. */
    int count() {
        return problems.size();
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The problems in document order: those without a line first, then by line, ties as found. */
    List<ManifestProblem> sorted() {
        List<ManifestProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(ManifestProblem::line));
        return List.copyOf(sorted);
    }

}
