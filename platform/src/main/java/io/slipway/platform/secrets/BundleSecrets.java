package io.slipway.platform.secrets;

import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.buildpacks.manifest.ManifestException;
import io.slipway.buildpacks.manifest.ManifestProblem;
import io.slipway.buildpacks.manifest.ManifestSecrets;
import io.slipway.buildpacks.manifest.SecretRedaction;
import io.slipway.buildpacks.manifest.SecretRedaction.InlineSecret;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The secrets of a bundle on its way in: inline values are taken out of its manifest before the
 * bundle is kept (a git push may not carry any), and every secret the manifest names must be
 * stored or given inline before anything is deployed.
 */
public final class BundleSecrets {

    /** Manifests larger than this are left to {@link Manifest#read} to refuse. */
    private static final long MAX_MANIFEST_BYTES = 1024 * 1024;

    private final Secrets secrets;

    public BundleSecrets(Secrets secrets) {
        this.secrets = secrets;
    }

    /**
     * Rewrites the manifest of an extracted bundle with every inline secret value replaced by
     * {@code true}, and returns the values taken out.
     * @param fromGit whether the bundle is a git push: its inline secrets are refused, as the
     *     repository already holds them in plain text
     * @throws ManifestException when a git push has inline secrets, or a value cannot be taken out
     */
    public List<InlineSecret> takeOut(Path bundleRoot, String app, boolean fromGit) throws IOException {
        Path file = bundleRoot.resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_MANIFEST_BYTES) {
            return List.of();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return List.of();
        }
        SecretRedaction redaction = ManifestSecrets.redact(text, Manifest.FILE_NAME);
        if (redaction.secrets().isEmpty()) {
            return List.of();
        }
        if (fromGit) {
            throw new ManifestException(redaction.secrets().stream().map(secret -> new ManifestProblem(
                    Manifest.FILE_NAME, secret.line(), secret.path(), "a secret value may not be pushed with git: the"
                    + " app's git repository would keep it unencrypted; set it with PUT /api/v1/apps/" + app
                    + "/secrets/" + secret.name() + " {\"value\": \"...\"} (or in the Secrets section of the app's"
                    + " dashboard page), write " + secret.name() + ": { secret: true } and push again;"
                    + " rewrite the commit that holds it out of your history too")).toList());
        }
        Files.writeString(file, redaction.text(), StandardCharsets.UTF_8);
        return redaction.secrets();
    }

    /**
     * Checks that every secret the manifest names is given inline or stored for the app.
     * @throws ManifestException naming each missing secret and how to set it
     */
    public void checkAvailable(String app, Manifest manifest, List<InlineSecret> inline) {
        Set<String> stored = secrets.names(app);
        List<ManifestProblem> problems = new ArrayList<>();
        for (String name : manifest.secrets().keySet()) {
            if (!stored.contains(name) && inline.stream().noneMatch(secret -> secret.name().equals(name))) {
                problems.add(new ManifestProblem(Manifest.FILE_NAME, "env." + name + ".secret", "app '" + app
                        + "' has no secret " + name + "; set it first with PUT /api/v1/apps/" + app + "/secrets/" + name
                        + " {\"value\": \"...\"} (create the app with POST /api/v1/apps if it is new), or in the"
                        + " Secrets section of the app's dashboard page"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(problems);
        }
    }

    /** Stores the inline values of a deployment's manifest, encrypted. */
    public void keep(String app, List<InlineSecret> inline, String deploymentId) {
        for (InlineSecret secret : inline) {
            secrets.put(app, secret.name(), secret.value(), "from the slipway.yaml of deployment " + deploymentId);
        }
    }
}
