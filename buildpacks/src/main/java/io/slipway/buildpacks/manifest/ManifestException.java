package io.slipway.buildpacks.manifest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A manifest, or a bundle file it names, is invalid. Carries every problem found, not just the
 * first, so a user can fix them all in one go; the message has one problem per line.
 */
public class ManifestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<ManifestProblem> problems;

    /**
     * Creates an exception for the given problems.
     * @param problems what is wrong; at least one
     */
    public ManifestException(List<ManifestProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    private static String render(List<ManifestProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        return problems.stream().map(ManifestProblem::toString).collect(Collectors.joining("\n"));
    }

    /**
     * Returns what is wrong, in document order (problems without a line first).
     * @return the problems, never empty
     */
    public List<ManifestProblem> problems() {
        return problems;
    }

}
