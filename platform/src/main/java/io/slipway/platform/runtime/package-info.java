/** Runtime backends (Docker, child processes) that start, find and stop instances. */
package io.slipway.platform.runtime;
