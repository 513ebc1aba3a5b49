/** Building releases: images with docker-java, or plain directories for the process backend. */
package io.slipway.platform.build;
