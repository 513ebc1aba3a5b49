package io.slipway.platform.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for secret values: a random 96-bit nonce per value, stored before the ciphertext,
 * and the app and name as associated data, so a value only decrypts as the secret it was stored as.
 */
final class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(SecretKey key) {
        this.key = key;
    }

    byte[] encrypt(String app, String name, String value) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, app, name);
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt secret " + name + " of app '" + app + "'", e);
        }
    }

    /** @throws SecretKeyMismatchException when the value was sealed with another key (or altered) */
    String decrypt(String app, String name, byte[] stored) {
        if (stored.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretKeyMismatchException(app, name);
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(stored, NONCE_BYTES), app, name);
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretKeyMismatchException(app, name);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt secret " + name + " of app '" + app + "'", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String app, String name) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((app + "\0" + name).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
