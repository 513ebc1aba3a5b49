package io.slipway.platform.secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code slipway.secrets.*}.
 *
 * @param key the 256-bit AES key that encrypts every app's secrets, base64; when empty, a key is
 *     generated once into {@code ${slipway.data-dir}/secrets.key} (mode 0600) and read from there
 */
@ConfigurationProperties("slipway.secrets")
public record SecretsProperties(String key) {
}
