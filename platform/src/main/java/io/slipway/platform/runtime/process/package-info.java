/**
 * The {@code process} runtime backend: each instance is a child JVM running the model runtime on
 * the release directory, found again after a platform restart through a state file per instance.
 */
package io.slipway.platform.runtime.process;
