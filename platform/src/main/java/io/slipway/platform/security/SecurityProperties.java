package io.slipway.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings, under {@code slipway.security.*}.
 *
 * @param adminUsername the first admin's name, made at the first start
 * @param adminPassword the first admin's password; when not set, a random one is made, printed once in the log
 *                      and written to {@code initial-admin-password} in the data directory (readable by its owner
 *                      only) until it is changed
 */
@ConfigurationProperties("slipway.security")
public record SecurityProperties(@DefaultValue("admin") String adminUsername, String adminPassword) {
}
