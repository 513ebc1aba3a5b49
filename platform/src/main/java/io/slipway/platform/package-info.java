/** The Slipway platform: Spring Boot application, packages by feature. */
package io.slipway.platform;
