package io.slipway.platform.build.docker;

import java.util.Objects;

/**
 * An image reference split as the Docker API wants it: {@code registry:5000/slipway/base:17} is
 * repository {@code registry:5000/slipway/base}, tag {@code 17}; no tag means {@code latest}.
 */
record ImageName(String repository, String tag) {

    ImageName {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        if (repository.isBlank()) {
            throw new IllegalArgumentException("repository must not be blank");
        }
    }

    static ImageName parse(String image) {
        Objects.requireNonNull(image, "image");
        if (image.contains("@")) {
            throw new IllegalArgumentException("image " + image + ": digests are not supported, use a tag");
        }
        int colon = image.lastIndexOf(':');
        if (colon > image.lastIndexOf('/')) {
            return new ImageName(image.substring(0, colon), image.substring(colon + 1));
        }
        return new ImageName(image, "latest");
    }

    @Override
    public String toString() {
        return repository + ":" + tag;
    }
}
