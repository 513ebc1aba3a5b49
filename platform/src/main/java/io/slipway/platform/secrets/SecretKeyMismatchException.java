package io.slipway.platform.secrets;

/** A stored secret does not decrypt with the platform's key: the key changed, or the value was altered. */
public class SecretKeyMismatchException extends RuntimeException {

    SecretKeyMismatchException(String app, String name) {
        super("secret " + name + " of app '" + app + "' cannot be decrypted with this platform's secrets key: it was"
                + " stored with another key (slipway.secrets.key, or ${slipway.data-dir}/secrets.key) or altered;"
                + " start the platform with the key it was stored with, or set the secret again");
    }
}
