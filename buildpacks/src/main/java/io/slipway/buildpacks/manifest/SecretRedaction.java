package io.slipway.buildpacks.manifest;

import java.util.List;
import java.util.Objects;

/**
 * A manifest's text with every inline secret ({@code KEY: { secret: "value" }}) replaced by
 * {@code true}, and the values taken out. Made by {@link ManifestSecrets#redact(String, String)}.
 *
 * @param text the manifest text that may be stored: it holds no secret value
 * @param secrets the inline secrets that were taken out, in manifest order
 */
public record SecretRedaction(String text, List<InlineSecret> secrets) {

    /** Checks and copies the components. */
    public SecretRedaction {
        Objects.requireNonNull(text, "text");
        secrets = List.copyOf(secrets);
    }

    /**
     * One inline secret of a manifest.
     * @param name the environment variable
     * @param value the plaintext
     * @param line the 1-based line of the value in the original text
     */
    public record InlineSecret(String name, String value, int line) {

        /** Checks the components. */
        public InlineSecret {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        /** The field path problems about this secret are reported at, {@code env.NAME.secret}. */
        public String path() {
            return "env." + name + ".secret";
        }

        /** Hides the value. */
        @Override
        public String toString() {
            return "InlineSecret[name=" + name + ", line=" + line + ", value=(hidden)]";
        }

    }

}
