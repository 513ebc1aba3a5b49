package io.slipway.buildpacks.manifest;

import java.util.Objects;

/**
 * An environment variable of the manifest whose value is a secret: never built into an image,
 * stored encrypted by the platform and handed to an instance only when it starts.
 *
 * <p>{@code KEY: { secret: "value" }} is {@link Inline}; {@code KEY: { secret: true }} is
 * {@link Stored}, the value the platform already keeps for the app. Neither prints its value.
 */
public sealed interface Secret permits Secret.Inline, Secret.Stored {

    /**
     * A value written in the manifest itself.
     * @param value the plaintext, never empty
     */
    record Inline(String value) implements Secret {

        /** Checks the value. */
        public Inline {
            Objects.requireNonNull(value, "value");
            if (value.isEmpty()) {
                throw new IllegalArgumentException("a secret value must not be empty");
            }
        }

        /** Hides the value, so a logged manifest does not show it. */
        @Override
        public String toString() {
            return "Inline[value=(hidden)]";
        }

    }

    /** The value the platform keeps for the app under the variable's name. */
    record Stored() implements Secret {
    }

}
