package io.slipway.buildpacks;

/**
 * No image can be planned: no buildpack takes the bundle's model format, or the model runtime on
 * the host is missing or incomplete. A problem of the platform's setup, not of the user's bundle
 * (which {@link io.slipway.buildpacks.manifest.Manifest#read} has already checked).
 */
public class BuildpackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     * @param message what is missing, naming the format, engine or folder
     */
    public BuildpackException(String message) {
        super(message);
    }

}
