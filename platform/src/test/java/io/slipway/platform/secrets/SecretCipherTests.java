package io.slipway.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-GCM sealing of secret values and where the key comes from. */
class SecretCipherTests {

    static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    static final String KEY_B = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @TempDir
    Path dataDir;

    @Test
    void sealedValueOpensAgainAndNeverHoldsThePlaintext() {
        SecretCipher cipher = new SecretCipher(SecretKeys.load(KEY_A, dataDir));
        byte[] sealed = cipher.encrypt("app", "API_KEY", "s3cr3t-välue");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
        assertThat(cipher.decrypt("app", "API_KEY", sealed)).isEqualTo("s3cr3t-välue");
    }

    @Test
    void sameValueSealsDifferentlyEachTime() {
        SecretCipher cipher = new SecretCipher(SecretKeys.load(KEY_A, dataDir));
        assertThat(cipher.encrypt("app", "K", "same")).isNotEqualTo(cipher.encrypt("app", "K", "same"));
    }

    @Test
    void valueOpensOnlyAsTheSecretItWasStoredAs() {
        SecretCipher cipher = new SecretCipher(SecretKeys.load(KEY_A, dataDir));
        byte[] sealed = cipher.encrypt("app", "K", "value");
        assertThatThrownBy(() -> cipher.decrypt("other", "K", sealed)).isInstanceOf(SecretKeyMismatchException.class);
        assertThatThrownBy(() -> cipher.decrypt("app", "L", sealed)).isInstanceOf(SecretKeyMismatchException.class);
    }

    @Test
    void anotherKeyFailsWithAClearErrorRatherThanGarbage() {
        byte[] sealed = new SecretCipher(SecretKeys.load(KEY_A, dataDir)).encrypt("app", "API_KEY", "value");
        assertThatThrownBy(() -> new SecretCipher(SecretKeys.load(KEY_B, dataDir)).decrypt("app", "API_KEY", sealed))
                .isInstanceOf(SecretKeyMismatchException.class)
                .hasMessageContaining("secret API_KEY of app 'app' cannot be decrypted with this platform's secrets key");
    }

    @Test
    void keyFileIsGeneratedOnceOwnerOnly() throws Exception {
        SecretCipher first = new SecretCipher(SecretKeys.load(null, dataDir));
        Path file = dataDir.resolve("secrets.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        byte[] sealed = first.encrypt("app", "K", "value");
        assertThat(new SecretCipher(SecretKeys.load("", dataDir)).decrypt("app", "K", sealed)).isEqualTo("value");
        assertThat(dataDir.resolve("secrets.key.new")).doesNotExist();
    }

    @Test
    void configuredKeyOfTheWrongSizeIsRefusedWithHowToMakeOne() {
        assertThatThrownBy(() -> SecretKeys.load(Base64.getEncoder().encodeToString(new byte[16]), dataDir))
                .hasMessageContaining("must be 256 bits (32 bytes, base64), got 16 bytes")
                .hasMessageContaining("head -c 32 /dev/urandom | base64");
        assertThatThrownBy(() -> SecretKeys.load("not base64!", dataDir)).hasMessageContaining("is not base64");
    }
}
