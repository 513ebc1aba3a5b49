package io.slipway.platform.build.docker;

/** An image could not be built or bootstrapped; the message names the image and the step. */
public class ImageBuildException extends RuntimeException {

    private final String image;

    public ImageBuildException(String image, String message) {
        super(message);
        this.image = image;
    }

    public ImageBuildException(String image, String message, Throwable cause) {
        super(message, cause);
        this.image = image;
    }

    /** The image (tag or base image name) the failure concerns. */
    public String image() {
        return image;
    }
}
