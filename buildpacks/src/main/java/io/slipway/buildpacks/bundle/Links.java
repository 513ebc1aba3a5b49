package io.slipway.buildpacks.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The symbolic and hard links of an archive, turned into plain copies of their targets once every
 * entry is extracted (a link may come before its target). Only links to files inside the bundle are
 * taken, possibly through other links; a link to a folder, to a missing file, or in a loop is rejected.
 * Copies keep the image and the digest independent of how the bundle was linked, and leave no link
 * on disk that a later step could follow out of the bundle.
 */
final class Links {

    private static final int MAX_HOPS = 16;

    private record Link(String name, String path, String target, String resolved) {
    }

    private final Extraction extraction;

    private final Map<String, Link> byPath = new HashMap<>();

    private final List<Link> inOrder = new ArrayList<>();

    Links(Extraction extraction) {
        this.extraction = extraction;
    }

    void add(String name, String path, String target, String resolved) {
        Link link = new Link(name, path, target, resolved);
        byPath.put(path, link);
        inOrder.add(link);
    }

    void materialise() {
        for (Link link : inOrder) {
            extraction.copy(link.name(), fileBehind(link), link.path());
        }
    }

    /** Follows a link, and the links it leads to, to the file they name. */
    private String fileBehind(Link link) {
        Link current = link;
        for (int hops = 0; hops < MAX_HOPS; hops++) {
            Extraction.Kind kind = extraction.kind(current.resolved());
            if (kind == null) {
                throw new BundleException(link.name(), "link target \"" + current.target()
                        + "\" does not exist in the bundle");
            }
            if (kind == Extraction.Kind.DIRECTORY) {
                throw new BundleException(link.name(), "link target \"" + current.target()
                        + "\" is a folder; only links to files are supported");
            }
            if (kind == Extraction.Kind.FILE) {
                return current.resolved();
            }
            current = byPath.get(current.resolved());
        }
        throw new BundleException(link.name(), "more than " + MAX_HOPS + " links in a row (a loop?)");
    }

}
