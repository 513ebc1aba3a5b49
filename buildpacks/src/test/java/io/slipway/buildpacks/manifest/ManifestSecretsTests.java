package io.slipway.buildpacks.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets in a manifest's env: how they parse, what they report, and how their values are taken out of the text. */
class ManifestSecretsTests {

    private static final String BASE = "name: iris\nmodel: { format: onnx, path: iris.onnx }\n";

    @Test
    void parseKeepsSecretsOutOfThePlainEnvironment() {
        Manifest manifest = Manifest.parse(BASE + "env: { A: one, API_KEY: { secret: \"s3cr3t\" }, TOKEN: { secret: true } }",
                "slipway.yaml");
        assertThat(manifest.env()).containsExactly(Map.entry("A", "one"));
        assertThat(manifest.secrets()).containsExactly(Map.entry("API_KEY", new Secret.Inline("s3cr3t")),
                Map.entry("TOKEN", new Secret.Stored()));
    }

    @Test
    void parseReadsANumberAsAnInlineSecretsText() {
        Manifest manifest = Manifest.parse(BASE + "env: { PIN: { secret: 0123 } }", "slipway.yaml");
        assertThat(manifest.secrets()).containsEntry("PIN", new Secret.Inline("0123"));
    }

    @Test
    void manifestTextNeverShowsAnInlineValue() {
        Manifest manifest = Manifest.parse(BASE + "env: { API_KEY: { secret: \"s3cr3t\" } }", "slipway.yaml");
        assertThat(manifest.toString()).doesNotContain("s3cr3t").contains("API_KEY");
    }

    @Test
    void parseWhenSecretIsNotAStringOrTrueReportsFieldPath() {
        assertThat(ManifestValidationTests.problems(BASE + """
                env:
                  A: { secret: false }
                  B: { secret: [x] }
                  C: { secret: }
                  D: { secret: "" }
                  E: { secrte: x }
                  F: { secret: x, other: y }
                """)).containsExactly(
                "slipway.yaml:4: env.A.secret: expected a string or true, got false",
                "slipway.yaml:5: env.B.secret: expected a string or true, got a list",
                "slipway.yaml:6: env.C.secret: expected a string or true, got null",
                "slipway.yaml:7: env.D.secret: must not be empty; write { secret: true } to keep the value stored"
                        + " for the app",
                "slipway.yaml:8: env.E.secrte: unknown field (did you mean \"secret\"?)",
                "slipway.yaml:8: env.E.secret: missing required field",
                "slipway.yaml:9: env.F.other: unknown field; expected one of secret");
    }

    @Test
    void parseWhenSecretValueTooLargeReportsLimit() {
        assertThat(ManifestValidationTests.problems(BASE + "env: { BIG: { secret: " + "x".repeat(33 * 1024) + " } }"))
                .containsExactly("slipway.yaml:3: env.BIG.secret: must be at most 32 KiB");
    }

    @Test
    void redactReplacesInlineValuesByTrueAndKeepsTheRest() {
        String text = BASE + """
                # the key for the upstream API
                env:
                  GREETING: hello
                  API_KEY: { secret: "s3cr3t" }   # set inline
                  TOKEN: { secret: true }
                  PLAIN_SECRET:
                    secret: pl41n
                  EMOJI: { secret: 'k€y😀x' }
                  BLOCK:
                    secret: |
                      line one
                      line two
                  AFTER: kept
                """;
        SecretRedaction redaction = ManifestSecrets.redact(text, "slipway.yaml");
        assertThat(redaction.secrets()).extracting(SecretRedaction.InlineSecret::name, SecretRedaction.InlineSecret::value,
                SecretRedaction.InlineSecret::line).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("API_KEY", "s3cr3t", 6),
                        org.assertj.core.groups.Tuple.tuple("PLAIN_SECRET", "pl41n", 9),
                        org.assertj.core.groups.Tuple.tuple("EMOJI", "k€y😀x", 10),
                        org.assertj.core.groups.Tuple.tuple("BLOCK", "line one\nline two\n", 12));
        assertThat(redaction.text()).doesNotContain("s3cr3t", "pl41n", "k€y😀x", "line one")
                .contains("# the key for the upstream API", "API_KEY: { secret: true }   # set inline",
                        "EMOJI: { secret: true }");
        Manifest redacted = Manifest.parse(redaction.text(), "slipway.yaml");
        assertThat(redacted.env()).containsExactly(Map.entry("GREETING", "hello"), Map.entry("AFTER", "kept"));
        assertThat(redacted.secrets()).containsOnlyKeys("API_KEY", "TOKEN", "PLAIN_SECRET", "EMOJI", "BLOCK")
                .allSatisfy((name, secret) -> assertThat(secret).isEqualTo(new Secret.Stored()));
    }

    @Test
    void redactLeavesTextWithoutInlineSecretsAlone() {
        String text = BASE + "env: { TOKEN: { secret: true } }\n";
        assertThat(ManifestSecrets.redact(text, "slipway.yaml")).isEqualTo(new SecretRedaction(text, java.util.List.of()));
        assertThat(ManifestSecrets.redact("not: [valid", "slipway.yaml").secrets()).isEmpty();
    }

    @Test
    void redactWhenSecretIsAliasedRefuses() {
        ManifestException ex = catchThrowableOfType(ManifestException.class, () -> ManifestSecrets.redact(BASE
                + "env:\n  A: &k { secret: s3cr3t }\n  B: { secret: &v x }\n  C: { secret: *v }\n", "slipway.yaml"));
        assertThat(ex.problems()).extracting(ManifestProblem::toString).containsExactly(
                "slipway.yaml:5: env.B.secret: a secret value may not be anchored or aliased (& or *); write it out",
                "slipway.yaml:5: env.C.secret: a secret value may not be anchored or aliased (& or *); write it out");
    }

    @Test
    void inlineSecretTextHidesTheValue() {
        assertThat(new SecretRedaction.InlineSecret("API_KEY", "s3cr3t", 3).toString()).doesNotContain("s3cr3t");
        assertThat(new Secret.Inline("s3cr3t").toString()).doesNotContain("s3cr3t");
    }

}
